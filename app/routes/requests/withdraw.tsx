import { useTranslation } from "react-i18next";
import { Link, useActionData } from "react-router";
import type { Route } from "./+types/withdraw";
import { Form, FormError, Notice, TextAreaField, useZodForm } from "~/components/forms";
import { WITHDRAWAL_REASON_MAX_LENGTH, withdrawSchema } from "~/schemas/case-actions";
import { withdrawPage, withdrawRequest } from "~/server/requests/withdraw.server";
import { actorOf } from "~/server/session.server";
import { submitForm } from "~/server/route-answers.server";
import { signedInUser } from "~/server/role-areas.server";
import { translateMessage } from "~/i18n/i18n";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Withdraw your request"))];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  return withdrawPage(user, params.caseId, actorOf(user, request));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = signedInUser(context);
  // A case that moved on reloads the page with the latest, keeping the reason typed.
  return submitForm(request, withdrawSchema, async ({ version, reason }) => {
    await withdrawRequest({ user, actor: actorOf(user, request), caseId: params.caseId, expectedVersion: version, reason });
    return `/requests/${params.caseId}?done=withdrawn`;
  });
}

export default function Withdraw({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const page = loaderData;
  const request = t("Request {reference}", { reference: page.reference });
  const described = page.service ? t("{request}: {service}", { request, service: page.service }) : request;
  return (
    <div className="narrow narrow--start">
      <p>
        <Link to={`/requests/${page.id}`}>{t("Back to request {reference}", { reference: page.reference })}</Link>
      </p>
      <h1>{t("Withdraw your request?")}</h1>
      <p className="lead">{page.planName ? t("{request} ({plan})", { request: described, plan: page.planName }) : described}</p>
      {page.refusal ? (
        <Notice tone="warning" role="status">
          {translateMessage(t, page.refusal)}
        </Notice>
      ) : (
        <WithdrawForm key={page.version} page={page} />
      )}
    </div>
  );
}

function WithdrawForm({ page }: { page: Route.ComponentProps["loaderData"] }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(withdrawSchema, { defaultValues: { version: String(page.version), reason: "" }, actionData });
  return (
    <>
      <FormError message={zod.formError} />
      <section aria-labelledby="consequences-heading">
        <h2 id="consequences-heading">{t("What happens if you withdraw")}</h2>
        <ul>
          <li>{t("The independent review stops at once, and it cannot be started again.")}</li>
          <li>{t("Every deadline on your request stops. No decision will be made.")}</li>
          <li>{t("Your health plan's denial stays in place.")}</li>
          <li>{t("We tell your health plan and the review organization that you withdrew.")}</li>
          <li>{t("If you change your mind later, you would have to file a new request, and by then it may be past the time allowed for filing.")}</li>
          <li>{t("Your request and its documents stay on file.")}</li>
        </ul>
      </section>
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <input type="hidden" defaultValue={zod.valueFor("version")} {...zod.form.register("version")} />
        <TextAreaField
          zod={zod}
          name="reason"
          label={t("Why are you withdrawing? (optional)")}
          hint={t("It helps us improve, and it is kept on your request's record. Up to {max, number} characters.", { max: WITHDRAWAL_REASON_MAX_LENGTH })}
          rows={4}
        />
        <div className="actions">
          <button type="submit" className="button button--danger" disabled={zod.submitting}>
            {zod.submitting ? t("Please wait…") : t("Yes, withdraw my request")}
          </button>
          <Link to={`/requests/${page.id}`}>{t("No, keep my request")}</Link>
        </div>
      </Form>
    </>
  );
}
