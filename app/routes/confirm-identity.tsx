import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/confirm-identity";
import { Form, FormError, Notice, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { FRESH_AUTHENTICATION_MS } from "~/domain/fresh-authentication";
import { primaryRole, ROLE_HOMES } from "~/domain/roles";
import { confirmIdentitySchema } from "~/schemas/confirm-identity";
import { confirmIdentity } from "~/server/auth/confirm-identity.server";
import { submitForm } from "~/server/route-answers.server";
import { actorOf, endSession, requireUser, safeRedirectPath } from "~/server/session.server";

export function meta() {
  return [{ title: "Confirm it is you | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const home = ROLE_HOMES[primaryRole(user.roles) ?? "APPLICANT"];
  return { email: user.email, redirectTo: safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), home) };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const home = ROLE_HOMES[primaryRole(user.roles) ?? "APPLICANT"];
  return submitForm(request, confirmIdentitySchema, async ({ password, redirectTo }) => {
    const confirmation = await confirmIdentity(user, password, actorOf(user, request), new Date());
    if (!confirmation.confirmed) throw redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
    return safeRedirectPath(redirectTo, home);
  });
}

export default function ConfirmIdentity() {
  const { email, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(confirmIdentitySchema, { actionData, defaultValues: { redirectTo } });
  return (
    <div className="page narrow">
      <h1>Confirm it is you</h1>
      <Notice tone="info">
        What you asked for needs your password given in the last {FRESH_AUTHENTICATION_MS / 60_000} minutes. Nothing was saved yet: once you confirm, you go
        back to the page to do it again.
      </Notice>
      <FormError message={zod.formError} />
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <input type="hidden" {...zod.form.register("redirectTo")} defaultValue={redirectTo} />
        <p>
          Signed in as <strong>{email}</strong>.
        </p>
        <TextField zod={zod} name="password" label="Password" type="password" autoComplete="current-password" required />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>Confirm and go back</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
