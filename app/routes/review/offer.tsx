import { Fragment } from "react";
import { Form, Link, useActionData } from "react-router";
import type { Route } from "./+types/offer";
import { CheckboxField, failureFor, FormError, Notice, SubmitButton, TextAreaField, TextField, useZodForm } from "~/components/forms";
import { casePagePath } from "~/domain/case-paths";
import { acceptOfferSchema, declineOfferSchema } from "~/schemas/assignment";
import { acceptOffer, declineOffer } from "~/server/assignment/answer-offer.server";
import { offerPage } from "~/server/assignment/offer-page.server";
import { actorOf } from "~/server/session.server";
import { formSubmission, submitIntent } from "~/server/route-answers.server";
import { signedInUser } from "~/server/role-areas.server";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `Offer of ${data?.reference ?? "a case"} | Independent Medical Review` }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  const page = await offerPage(user, params.assignmentId, actorOf(user, request));
  return { ...page, reviewerName: user.name, declined: new URL(request.url).searchParams.get("done") === "declined" };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = signedInUser(context);
  const acting = { user, actor: actorOf(user, request), assignmentId: params.assignmentId };
  return submitIntent(request, {
    // Accepted: the records are open now, so the reviewer goes straight to the case.
    accept: formSubmission(acceptOfferSchema, async ({ signature }) => casePagePath("REVIEWER", (await acceptOffer({ ...acting, signature })).caseId)),
    decline: formSubmission(declineOfferSchema, async ({ reason }) => {
      await declineOffer({ ...acting, reason });
      return `/review/offers/${params.assignmentId}?done=declined`;
    }),
  });
}

export default function ReviewOffer({ loaderData }: Route.ComponentProps) {
  const page = loaderData;
  const actionData = useActionData<typeof action>();
  return (
    <div className="page narrow">
      <p>
        <Link to="/review">Back to my reviews</Link>
      </p>
      <h1>Offer of case {page.reference}</h1>
      {page.declined ? <Notice tone="success">You declined the offer. The coordinator was told and will offer the case to someone else.</Notice> : null}

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">The case</h2>
        <p>
          Only this summary is shown before you accept: who is in the dispute, so you know whom the attestation below covers, and the service in dispute. The
          records and the documents open once you sign it.
        </p>
        <dl className="summary">
          <dt>Specialty needed</dt>
          <dd>{page.specialty ?? "Not recorded"}</dd>
          <dt>Track</dt>
          <dd>{page.expedited ? <strong>Expedited</strong> : page.track}</dd>
          <dt>Type of dispute</dt>
          <dd>{page.disputeType ?? "Not recorded"}</dd>
          <dt>Service in dispute</dt>
          <dd>{page.service ?? "Not recorded"}</dd>
          <dt>Its codes</dt>
          <dd>{page.serviceCodes.length ? page.serviceCodes.join(", ") : "None recorded"}</dd>
          <dt>Reviewers</dt>
          <dd>{page.panelSize > 1 ? `A panel of ${page.panelSize}; each writes an opinion` : "You alone"}</dd>
          <dt>Offered</dt>
          <dd>{page.offered}</dd>
          <dt>Answer by</dt>
          <dd>
            {page.answerBy ?? "No time limit"}
            {page.timeLeft ? ` (${page.timeLeft})` : null}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="parties-heading">
        <h2 id="parties-heading">Who is in the dispute</h2>
        <p>Your attestation covers each of them. If you have a tie to any, decline the offer.</p>
        <dl className="summary">
          {page.parties.map((party) => (
            <Fragment key={party.label}>
              <dt>{party.label}</dt>
              <dd>{party.name ?? "Not recorded"}</dd>
            </Fragment>
          ))}
        </dl>
      </section>

      {page.state === "open" ? (
        <>
          <AcceptForm page={page} actionData={failureFor(actionData, "accept")} />
          <DeclineForm actionData={failureFor(actionData, "decline")} />
        </>
      ) : (
        <section aria-labelledby="answer-heading">
          <h2 id="answer-heading">Your answer</h2>
          <p>{page.closedText}</p>
          {page.caseLink ? (
            <p>
              <Link to={page.caseLink} className="button">
                Open the case
              </Link>
            </p>
          ) : null}
        </section>
      )}
    </div>
  );
}

function AcceptForm({ page, actionData }: { page: Route.ComponentProps["loaderData"]; actionData: unknown }) {
  const zod = useZodForm(acceptOfferSchema, { actionData, defaultValues: { intent: "accept" } });
  return (
    <section aria-labelledby="accept-heading">
      <h2 id="accept-heading">Accept, with your no-conflict attestation</h2>
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <FormError message={zod.formError} />
        <input type="hidden" name="intent" value="accept" />
        <div className="card space-below">
          <h3 className="flush-top">{page.attestation.heading}</h3>
          <ol>
            {page.attestation.statements.map((statement) => (
              <li key={statement}>{statement}</li>
            ))}
          </ol>
        </div>
        <CheckboxField zod={zod} name="attest" value="yes" label="Each statement above is true for me on this case" />
        <TextField
          zod={zod}
          name="signature"
          label="Type your full name to sign"
          hint={`As it is on your account: ${page.reviewerName}.`}
          autoComplete="name"
          required
        />
        <SubmitButton submitting={zod.submitting}>Accept the case and sign the attestation</SubmitButton>
      </Form>
    </section>
  );
}

function DeclineForm({ actionData }: { actionData: unknown }) {
  const zod = useZodForm(declineOfferSchema, { actionData, defaultValues: { intent: "decline" } });
  return (
    <section aria-labelledby="decline-heading">
      <h2 id="decline-heading">Decline</h2>
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <FormError message={zod.formError} />
        <input type="hidden" name="intent" value="decline" />
        <TextAreaField
          zod={zod}
          name="reason"
          label="Why you decline"
          hint="For example a tie to someone in the dispute, or no time. The coordinator reads it; the case goes to the next reviewer."
          rows={4}
          required
        />
        <button type="submit" className="button button--secondary" disabled={zod.submitting}>
          Decline the offer
        </button>
      </Form>
    </section>
  );
}
