import { useTranslation } from "react-i18next";
import { data, Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/set-up-second-factor";
import { FormError, useZodForm } from "~/components/forms";
import { AddPasskey, AuthenticatorSetUp, RecoveryCodes } from "~/components/second-factor";
import { homeOf } from "~/domain/roles";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { addPasskeySchema, confirmAuthenticatorSchema } from "~/schemas/auth";
import { addPasskey, authenticatorToSetUp, confirmAuthenticator, passkeyRegistrationOptions } from "~/server/auth/second-factor.server";
import { audit } from "~/server/audit.server";
import { formSubmission, submitIntent } from "~/server/route-answers.server";
import { actorOf, finishSignIn, pendingSignIn, safeRedirectPath, type PendingSignIn } from "~/server/session.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Set up your second factor"))];

async function owingSetUp(request: Request): Promise<PendingSignIn> {
  const pending = await pendingSignIn(request);
  if (pending?.stage !== "ENROLMENT") throw redirect("/login");
  return pending;
}

export async function loader({ request }: Route.LoaderArgs) {
  const pending = await owingSetUp(request);
  return {
    authenticator: await authenticatorToSetUp(pending.user),
    passkeyOptions: await passkeyRegistrationOptions(pending.user, pending.sessionId),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const pending = await owingSetUp(request);
  const actor = actorOf(pending.user, request);
  const next = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), homeOf(pending.user.roles));
  // The factor is set up: signed in, and the recovery codes are shown once before going on.
  async function signedIn(method: string, recoveryCodes: string[] | null) {
    await audit(actor, { action: "auth.login", objectType: "User", objectId: pending.user.id, detail: { secondFactor: method, setUp: true } });
    const headers = { "Set-Cookie": await finishSignIn(pending, request) };
    if (!recoveryCodes) throw redirect(next, { headers });
    return data({ recoveryCodes, next }, { headers });
  }
  const at = new Date();
  return submitIntent(request, {
    authenticator: formSubmission(confirmAuthenticatorSchema, async ({ code }) =>
      signedIn("authenticator", await confirmAuthenticator(pending.user, code, actor, at)),
    ),
    "add-passkey": formSubmission(addPasskeySchema, async (input) => signedIn("passkey", await addPasskey(pending.user, pending.sessionId, input, actor, at))),
  });
}

// The halfway session is over once a factor is set up: reloading this page's data would only send the person to sign in again.
export function shouldRevalidate({ actionResult, defaultShouldRevalidate }: { actionResult?: unknown; defaultShouldRevalidate: boolean }) {
  return actionResult && typeof actionResult === "object" && "recoveryCodes" in actionResult ? false : defaultShouldRevalidate;
}

export default function SetUpSecondFactor({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  if (actionData && "recoveryCodes" in actionData) {
    return (
      <div className="page narrow">
        <h1>{t("Your second factor is set up")}</h1>
        <RecoveryCodes codes={actionData.recoveryCodes} />
        <Link className="button" to={actionData.next}>
          {t("I have kept my codes: continue")}
        </Link>
      </div>
    );
  }
  return <ChooseFactor {...loaderData} actionData={actionData} />;
}

function ChooseFactor({ authenticator, passkeyOptions, actionData }: Route.ComponentProps["loaderData"] & { actionData: unknown }) {
  const { t } = useTranslation();
  const zod = useZodForm(confirmAuthenticatorSchema, { actionData, defaultValues: { intent: "authenticator" } });
  const passkeyFailure =
    actionData && typeof actionData === "object" && "values" in actionData && (actionData.values as { intent?: string }).intent === "add-passkey";
  return (
    <div className="page narrow">
      <h1>{t("Set up your second factor")}</h1>
      <p className="lead">
        {t("Staff sign in with a password and a second factor, because this portal holds patients’ health records. Set one up now; it takes a minute.")}
      </p>
      <section aria-labelledby="passkey" className="space-below-lg">
        <h2 id="passkey">{t("A passkey (recommended)")}</h2>
        <p>{t("Your device’s fingerprint, face or PIN, or a security key. Nothing to type, and it cannot be phished.")}</p>
        <AddPasskey options={passkeyOptions} error={passkeyFailure ? zod.formError : undefined} />
      </section>
      {authenticator ? (
        <section aria-labelledby="authenticator">
          <h2 id="authenticator">{t("Or an authenticator app")}</h2>
          {passkeyFailure ? null : <FormError message={zod.formError} />}
          <AuthenticatorSetUp setUp={authenticator} zod={zod} submit={t("Confirm and continue")} />
        </section>
      ) : null}
    </div>
  );
}
