import { Trans, useTranslation } from "react-i18next";
import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/confirm-identity";
import { Form, FormError, Notice, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { PasskeySignIn } from "~/components/second-factor";
import { FRESH_AUTHENTICATION_MS } from "~/domain/fresh-authentication";
import { homeOf } from "~/domain/roles";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { confirmIdentitySchema, confirmWithPasskeySchema } from "~/schemas/confirm-identity";
import { confirmIdentity, type IdentityProof } from "~/server/auth/confirm-identity.server";
import { passkeySignInOptions, secondFactorsOf } from "~/server/auth/second-factor.server";
import { requestTranslator } from "~/server/i18n/locale.server";
import { formSubmission, submitIntent } from "~/server/route-answers.server";
import { actorOf, endSession, requireUser, safeRedirectPath } from "~/server/session.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Confirm it is you"))];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const factors = await secondFactorsOf(user.id);
  return {
    email: user.email,
    redirectTo: safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), homeOf(user.roles)),
    authenticatorApp: factors.authenticatorApp,
    passkeyOptions: await passkeySignInOptions({ sessionId: user.sessionId, user }),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const confirmed = async (proof: IdentityProof, redirectTo: string | undefined) => {
    const confirmation = await confirmIdentity(user, proof, actorOf(user, request), new Date(), await requestTranslator(request));
    if (!confirmation.confirmed) throw redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
    return safeRedirectPath(redirectTo, homeOf(user.roles));
  };
  return submitIntent(request, {
    password: formSubmission(confirmIdentitySchema, ({ password, code, redirectTo }) => confirmed({ password, code }, redirectTo)),
    passkey: formSubmission(confirmWithPasskeySchema, ({ response, redirectTo }) => confirmed({ passkeyResponse: response }, redirectTo)),
  });
}

export default function ConfirmIdentity() {
  const { t } = useTranslation();
  const { email, redirectTo, authenticatorApp, passkeyOptions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(confirmIdentitySchema, { actionData, defaultValues: { intent: "password", redirectTo } });
  return (
    <div className="page narrow">
      <h1>{t("Confirm it is you")}</h1>
      <Notice tone="info">
        {t(
          "What you asked for needs you to have proved it is you in the last {minutes, plural, one {# minute} other {# minutes}}. Nothing was saved yet: once you confirm, you go back to the page to do it again.",
          { minutes: FRESH_AUTHENTICATION_MS / 60_000 },
        )}
      </Notice>
      <p>
        <Trans i18nKey="Signed in as <0>{email}</0>." values={{ email }} components={[<strong key="email" />]} />
      </p>
      <FormError message={zod.formError} />
      {passkeyOptions ? <PasskeySignIn options={passkeyOptions} extraFields={{ redirectTo }} /> : null}
      {passkeyOptions && !authenticatorApp ? null : (
        <Form method="post" noValidate onSubmit={zod.onSubmit}>
          <input type="hidden" value="password" {...zod.form.register("intent")} />
          <input type="hidden" {...zod.form.register("redirectTo")} defaultValue={redirectTo} />
          <TextField zod={zod} name="password" label={t("Password")} type="password" autoComplete="current-password" required />
          {authenticatorApp ? (
            <TextField zod={zod} name="code" label={t("Code from your authenticator app, or a recovery code")} autoComplete="one-time-code" required />
          ) : null}
          <div className="actions">
            <SubmitButton submitting={zod.submitting}>{t("Confirm and go back")}</SubmitButton>
          </div>
        </Form>
      )}
    </div>
  );
}
