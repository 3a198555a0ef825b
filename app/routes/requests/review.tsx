import { Trans, useTranslation } from "react-i18next";
import { Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/review";
import { DocumentList } from "~/components/document-uploader";
import { CheckboxField, Form, FormError, Notice, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { ReviewSummary } from "~/components/request-steps/review-summary";
import { StepProgress, useDraftDate } from "~/components/request-steps/step-frame";
import { stepPath, stepTitle } from "~/domain/requests/steps";
import { translateMessage } from "~/i18n/i18n";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { signAndSubmitSchema, submitRequestSchema } from "~/schemas/request-steps";
import { formFailure, parseForm, rejectForm } from "~/server/forms.server";
import { reviewPage } from "~/server/requests/request-review-page.server";
import { submitRequest } from "~/server/requests/submit-request.server";
import { actorOf } from "~/server/session.server";
import { signedInUser } from "~/server/role-areas.server";

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  pageTitle(matches, loaderData?.kind === "filed" ? msg("Request sent") : msg("Review and sign")),
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  return reviewPage(user, params.caseId, actorOf(user, request));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = signedInUser(context);
  const parsed = await parseForm(request, submitRequestSchema);
  if (!parsed.ok) return rejectForm(parsed.failure);
  const outcome = await submitRequest({
    user,
    caseId: params.caseId,
    expectedVersion: parsed.data.version,
    signedName: parsed.data.consentName,
    actor: actorOf(user, request),
  });
  switch (outcome.kind) {
    case "filed":
      throw redirect(stepPath(params.caseId, "review"));
    case "already-filed":
      // A second click or a retry: the request was filed once; show it.
      throw redirect(`/requests/${outcome.caseId}`);
    case "incomplete":
      return formFailure(parsed.values, {}, msg("Your request cannot be sent yet. Add what is listed under “Before you can send your request”."));
    case "changed":
      return formFailure(
        parsed.values,
        {},
        msg("Your request was changed in another window or on another device. Check the answers below, then sign and send it again."),
      );
  }
}

export default function Review({ loaderData }: Route.ComponentProps) {
  return loaderData.kind === "filed" ? <Confirmation page={loaderData} /> : <SignAndSend page={loaderData} />;
}

function Confirmation({ page }: { page: Extract<Route.ComponentProps["loaderData"], { kind: "filed" }> }) {
  const { t } = useTranslation();
  return (
    <div className="page narrow wizard">
      <div className="alert alert--success" role="status">
        <h1 className="space-below-xs">{t("Your request was sent")}</h1>
        <p className="flush">
          <Trans
            i18nKey="Your reference number is <0>{reference}</0>"
            values={{ reference: page.reference }}
            components={[<strong key="reference" className="reference" />]}
          />
        </p>
      </div>
      <p>{t("Keep the reference number: quote it if you call or write to us. We also sent it to you by email.")}</p>
      <h2>{t("What happens next")}</h2>
      <ol>
        <li>
          {page.expedited
            ? t(
                "We check that the request can be reviewed, as an expedited request, within hours. If something is missing we ask you for it here and by email.",
              )
            : t("We check that the request can be reviewed. If something is missing we ask you for it here and by email.")}
        </li>
        <li>{t("Your health plan is told and sends us its records.")}</li>
        <li>{t("An independent doctor with no ties to your plan reviews the case.")}</li>
        <li>{t("You receive the decision in writing. If it goes your way, the plan must follow it.")}</li>
      </ol>
      <div className="actions">
        <Link className="button" to={`/requests/${page.caseId}`}>
          {t("Follow your request")}
        </Link>
        <Link className="button button--secondary" to="/requests">
          {t("Back to my requests")}
        </Link>
      </div>
    </div>
  );
}

function SignAndSend({ page }: { page: Extract<Route.ComponentProps["loaderData"], { kind: "draft" }> }) {
  const { t } = useTranslation();
  const draftDate = useDraftDate();
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(signAndSubmitSchema, { actionData, defaultValues: { consentName: "", consentAgreed: false } });
  return (
    <div className="page narrow wizard">
      <p>
        <Link to="/requests">{t("My requests")}</Link>
      </p>
      <StepProgress step="review" />
      <h1>{t("Check your answers and sign")}</h1>
      <FormError message={zod.formError} />
      {page.missing.length ? (
        <div className="alert alert--warning" role="region" aria-labelledby="missing-heading">
          <h2 id="missing-heading">{t("Before you can send your request")}</h2>
          <ul>
            {page.missing.map((item) => (
              <li key={`${item.step}:${item.message}`}>
                {translateMessage(t, item.message)}{" "}
                <Link to={`${stepPath(page.caseId, item.step)}?from=review`}>
                  {t("Go to {step}", { step: translateMessage(t, stepTitle(item.step)).toLowerCase() })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {page.late ? (
        <Notice tone="warning">
          {t("This request is past the usual deadline. It will be sent with your reason, and a coordinator decides whether to accept it.")}
        </Notice>
      ) : null}
      <ReviewSummary caseId={page.caseId} draft={page.draft} planName={page.planName} profileName={page.profileName} />
      <section className="review-section" aria-labelledby="review-documents">
        <div className="review-section__head">
          <h2 id="review-documents">{t("Documents")}</h2>
          <Link to={`${stepPath(page.caseId, "documents")}?from=review`}>
            {t("Change")}
            <span className="visually-hidden"> {t("documents")}</span>
          </Link>
        </div>
        <DocumentList documents={page.documents} caption={t("Documents sent with the request")} />
      </section>
      <h2>{t("Sign and send")}</h2>
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <input type="hidden" name="version" value={page.version} />
        <p>
          {t(
            "To review the request, the review organization and its independent reviewers need the patient's medical records from the health plan and the doctors. They use them only for this review and keep them confidential.",
          )}
        </p>
        <CheckboxField
          large
          zod={zod}
          name="consentAgreed"
          label={t("I authorize the release of medical records about this treatment to the review organization and its reviewers, for this review.")}
          hint={t("If you act for the patient, you sign for them.")}
        />
        <TextField
          zod={zod}
          name="consentName"
          label={t("Type your full name to sign")}
          hint={t("Date: {date}. Typing your name here counts as your signature.", { date: draftDate(page.context.today) })}
          autoComplete="name"
          required
        />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>{t("Sign and send my request")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
