import { Link, redirect, useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/login";
import { Form, FormError, Notice, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { homeOf, primaryRole, ROLE_HOMES } from "~/domain/roles";
import { pathAfterSignIn } from "~/domain/second-factor";
import { loginSchema } from "~/schemas/auth";
import { logIn, signInRefusalMessage } from "~/server/auth/log-in.server";
import { formFailure, parseForm, rejectForm } from "~/server/forms.server";
import { anonymousActor } from "~/server/request-context.server";
import { getSessionUser, safeRedirectPath, startSession } from "~/server/session.server";

export function meta() {
  return [{ title: "Sign in | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await getSessionUser(request);
  const role = user && primaryRole(user.roles);
  if (role) throw redirect(ROLE_HOMES[role]);
  return null;
}

export async function action({ request }: Route.ActionArgs) {
  const parsed = await parseForm(request, loginSchema);
  if (!parsed.ok) return rejectForm(parsed.failure);
  const result = await logIn(parsed.data, anonymousActor(request));
  if (!result.ok) return formFailure(parsed.values, {}, signInRefusalMessage(result, "Email or password is incorrect."));
  const cookie = await startSession(result.userId, request, result.stage);
  const next = safeRedirectPath(parsed.data.redirectTo, homeOf(result.roles));
  throw redirect(pathAfterSignIn(result.stage, next), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const zod = useZodForm(loginSchema, { actionData, defaultValues: { redirectTo: searchParams.get("redirectTo") ?? "" } });
  const notice = searchParams.get("notice");
  return (
    <div className="page narrow">
      <h1>Sign in</h1>
      {notice === "password-set" ? <Notice tone="success">Your password is set. Sign in with it now.</Notice> : null}
      <FormError message={zod.formError} />
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <input type="hidden" {...zod.form.register("redirectTo")} defaultValue={zod.valueFor("redirectTo")} />
        <TextField zod={zod} name="email" label="Email address" type="email" autoComplete="email" required />
        <TextField zod={zod} name="password" label="Password" type="password" autoComplete="current-password" required />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>Sign in</SubmitButton>
          <Link to="/forgot-password">Forgot your password?</Link>
        </div>
      </Form>
      <p className="space-above-lg">
        Filing a request for yourself or someone else? <Link to="/signup">Create an account</Link>.
      </p>
    </div>
  );
}
