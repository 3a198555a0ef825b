import { Trans, useTranslation } from "react-i18next";
import { Link, redirect, useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/login";
import { Form, FormError, Notice, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { homeOf, primaryRole, ROLE_HOMES } from "~/domain/roles";
import { pathAfterSignIn } from "~/domain/second-factor";
import { loginSchema } from "~/schemas/auth";
import { logIn, signInRefusalMessage } from "~/server/auth/log-in.server";
import { formFailure, parseForm, rejectForm } from "~/server/forms.server";
import { requestTranslator } from "~/server/i18n/locale.server";
import { anonymousActor } from "~/server/request-context.server";
import { keepLanguageChosenBeforeSignIn } from "~/server/users/choose-language.server";
import { getSessionUser, safeRedirectPath, startSession } from "~/server/session.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Sign in"))];

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
  if (!result.ok) return formFailure(parsed.values, {}, signInRefusalMessage(result, msg("Email or password is incorrect."), await requestTranslator(request)));
  await keepLanguageChosenBeforeSignIn(request, result.userId, { ...anonymousActor(request), userId: result.userId, email: parsed.data.email });
  const cookie = await startSession(result.userId, request, result.stage);
  const next = safeRedirectPath(parsed.data.redirectTo, homeOf(result.roles));
  throw redirect(pathAfterSignIn(result.stage, next), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const zod = useZodForm(loginSchema, { actionData, defaultValues: { redirectTo: searchParams.get("redirectTo") ?? "" } });
  const notice = searchParams.get("notice");
  return (
    <div className="page narrow">
      <h1>{t("Sign in")}</h1>
      {notice === "password-set" ? <Notice tone="success">{t("Your password is set. Sign in with it now.")}</Notice> : null}
      <FormError message={zod.formError} />
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <input type="hidden" {...zod.form.register("redirectTo")} defaultValue={zod.valueFor("redirectTo")} />
        <TextField zod={zod} name="email" label={t("Email address")} type="email" autoComplete="email" required />
        <TextField zod={zod} name="password" label={t("Password")} type="password" autoComplete="current-password" required />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>{t("Sign in")}</SubmitButton>
          <Link to="/forgot-password">{t("Forgot your password?")}</Link>
        </div>
      </Form>
      <p className="space-above-lg">
        <Trans i18nKey="Filing a request for yourself or someone else? <0>Create an account</0>." components={[<Link key="signup" to="/signup" />]} />
      </p>
    </div>
  );
}
