import { Link, useActionData } from "react-router";
import type { Route } from "./+types/withdraw";
import { Form, FormError, Notice, TextAreaField, useZodForm } from "~/components/forms";
import { WITHDRAWAL_REASON_MAX_LENGTH, withdrawSchema } from "~/schemas/case-actions";
import { withdrawPage, withdrawRequest } from "~/server/requests/withdraw.server";
import { actorOf } from "~/server/session.server";
import { submitForm } from "~/server/route-answers.server";
import { signedInUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "Withdraw your request | Independent Medical Review" }];
}

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
  const page = loaderData;
  return (
    <div className="narrow narrow--start">
      <p>
        <Link to={`/requests/${page.id}`}>Back to request {page.reference}</Link>
      </p>
      <h1>Withdraw your request?</h1>
      <p className="lead">
        Request {page.reference}
        {page.service ? `: ${page.service}` : null}
        {page.planName ? ` (${page.planName})` : null}
      </p>
      {page.refusal ? (
        <Notice tone="warning" role="status">
          {page.refusal}
        </Notice>
      ) : (
        <WithdrawForm key={page.version} page={page} />
      )}
    </div>
  );
}

function WithdrawForm({ page }: { page: Route.ComponentProps["loaderData"] }) {
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(withdrawSchema, { defaultValues: { version: String(page.version), reason: "" }, actionData });
  return (
    <>
      <FormError message={zod.formError} />
      <section aria-labelledby="consequences-heading">
        <h2 id="consequences-heading">What happens if you withdraw</h2>
        <ul>
          <li>The independent review stops at once, and it cannot be started again.</li>
          <li>Every deadline on your request stops. No decision will be made.</li>
          <li>Your health plan's denial stays in place.</li>
          <li>We tell your health plan and the review organization that you withdrew.</li>
          <li>If you change your mind later, you would have to file a new request, and by then it may be past the time allowed for filing.</li>
          <li>Your request and its documents stay on file.</li>
        </ul>
      </section>
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <input type="hidden" defaultValue={zod.valueFor("version")} {...zod.form.register("version")} />
        <TextAreaField
          zod={zod}
          name="reason"
          label="Why are you withdrawing? (optional)"
          hint={`It helps us improve, and it is kept on your request's record. Up to ${WITHDRAWAL_REASON_MAX_LENGTH.toLocaleString("en-US")} characters.`}
          rows={4}
        />
        <div className="actions">
          <button type="submit" className="button button--danger" disabled={zod.submitting}>
            {zod.submitting ? "Please wait…" : "Yes, withdraw my request"}
          </button>
          <Link to={`/requests/${page.id}`}>No, keep my request</Link>
        </div>
      </Form>
    </>
  );
}
