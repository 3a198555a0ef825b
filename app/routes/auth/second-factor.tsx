import { useTranslation } from "react-i18next";
import { Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/second-factor";
import { Form, FormError, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { PasskeySignIn } from "~/components/second-factor";
import { homeOf } from "~/domain/roles";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { passkeySignInSchema, secondFactorCodeSchema } from "~/schemas/auth";
import { signInRefusalMessage } from "~/server/auth/log-in.server";
import { checkPasskeySignIn, checkSignInCode, passkeySignInOptions, secondFactorsOf, type SecondFactorResult } from "~/server/auth/second-factor.server";
import { audit } from "~/server/audit.server";
import { AppError } from "~/server/errors.server";
import { requestTranslator } from "~/server/i18n/locale.server";
import { formSubmission, submitIntent } from "~/server/route-answers.server";
import { actorOf, finishSignIn, pendingSignIn, safeRedirectPath, type PendingSignIn } from "~/server/session.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Confirm it is you"))];

async function owingSecondFactor(request: Request): Promise<PendingSignIn> {
  const pending = await pendingSignIn(request);
  if (pending?.stage !== "SECOND_FACTOR") throw redirect("/login");
  return pending;
}

export async function loader({ request }: Route.LoaderArgs) {
  const pending = await owingSecondFactor(request);
  const factors = await secondFactorsOf(pending.user.id);
  return { authenticatorApp: factors.authenticatorApp, passkeyOptions: await passkeySignInOptions(pending) };
}

export async function action({ request }: Route.ActionArgs) {
  const pending = await owingSecondFactor(request);
  const actor = actorOf(pending.user, request);
  const next = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), homeOf(pending.user.roles));
  async function signedIn(result: SecondFactorResult): Promise<never> {
    if (!result.ok) {
      const wrong = msg("That code is not right, or was used already. Try the code your app shows now.");
      throw new AppError("BAD_REQUEST", signInRefusalMessage(result, wrong, await requestTranslator(request)));
    }
    await audit(actor, { action: "auth.login", objectType: "User", objectId: pending.user.id, detail: { secondFactor: result.method } });
    throw redirect(next, { headers: { "Set-Cookie": await finishSignIn(pending, request) } });
  }
  return submitIntent(request, {
    code: formSubmission(secondFactorCodeSchema, async ({ code }) => signedIn(await checkSignInCode(pending, code, actor, new Date())), {
      fallbackField: "code",
    }),
    passkey: formSubmission(passkeySignInSchema, async ({ response }) => signedIn(await checkPasskeySignIn(pending, response, actor, new Date()))),
  });
}

export default function SecondFactor({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { authenticatorApp, passkeyOptions } = loaderData;
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(secondFactorCodeSchema, { actionData, defaultValues: { intent: "code" } });
  return (
    <div className="page narrow">
      <h1>{t("Confirm it is you")}</h1>
      <p className="lead">{t("Your password was right. Now prove it is you with your second factor.")}</p>
      <FormError message={zod.formError} />
      {passkeyOptions ? <PasskeySignIn options={passkeyOptions} /> : null}
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <input type="hidden" value="code" {...zod.form.register("intent")} />
        <TextField
          zod={zod}
          name="code"
          label={authenticatorApp ? t("Code from your authenticator app, or a recovery code") : t("A recovery code")}
          hint={authenticatorApp ? t("Six digits, changing every 30 seconds.") : t("One of the codes you kept when you set up your passkey.")}
          autoComplete="one-time-code"
          required
        />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>{t("Continue")}</SubmitButton>
          <Link to="/login">{t("Start again")}</Link>
        </div>
      </Form>
      <p className="muted space-above-lg">{t("Lost your phone or passkey and your recovery codes? Ask your administrator to reset your second factor.")}</p>
    </div>
  );
}
