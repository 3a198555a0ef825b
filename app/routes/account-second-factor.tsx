import { useTranslation } from "react-i18next";
import { Link, useActionData } from "react-router";
import type { Route } from "./+types/account-second-factor";
import { DataTable } from "~/components/data-table";
import { Form, FormError, Notice, RemoveButton, useZodForm } from "~/components/forms";
import { Instant } from "~/components/instant";
import { AddPasskey, AuthenticatorSetUp, RecoveryCodes } from "~/components/second-factor";
import { secondFactorRequired } from "~/domain/second-factor";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { addPasskeySchema, confirmAuthenticatorSchema, newRecoveryCodesSchema, removeAuthenticatorSchema, removePasskeySchema } from "~/schemas/auth";
import {
  addPasskey,
  authenticatorToSetUp,
  confirmAuthenticator,
  passkeyRegistrationOptions,
  removeAuthenticator,
  removePasskey,
  replaceRecoveryCodes,
  secondFactorsOf,
} from "~/server/auth/second-factor.server";
import { formSubmission, submitIntent } from "~/server/route-answers.server";
import { actorOf, requireUser } from "~/server/session.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Second factor"))];

const HERE = "/account/second-factor";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const factors = await secondFactorsOf(user.id);
  const settingUp = new URL(request.url).searchParams.get("set-up") === "authenticator" && !factors.authenticatorApp;
  return {
    factors,
    required: secondFactorRequired(user.roles),
    authenticator: settingUp ? await authenticatorToSetUp(user) : null,
    passkeyOptions: await passkeyRegistrationOptions(user, user.sessionId),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const actor = actorOf(user, request);
  const at = new Date();
  const shown = (recoveryCodes: string[] | null) => (recoveryCodes ? { recoveryCodes } : HERE);
  return submitIntent(request, {
    authenticator: formSubmission(confirmAuthenticatorSchema, async ({ code }) => shown(await confirmAuthenticator(user, code, actor, at)), {
      fallbackField: "code",
    }),
    "add-passkey": formSubmission(addPasskeySchema, async (input) => shown(await addPasskey(user, user.sessionId, input, actor, at))),
    "remove-authenticator": formSubmission(removeAuthenticatorSchema, async () => {
      await removeAuthenticator(user, actor);
      return HERE;
    }),
    "remove-passkey": formSubmission(removePasskeySchema, async ({ passkeyId }) => {
      await removePasskey(user, passkeyId, actor);
      return HERE;
    }),
    "new-recovery-codes": formSubmission(newRecoveryCodesSchema, async () => ({ recoveryCodes: await replaceRecoveryCodes(user, actor) })),
  });
}

export default function AccountSecondFactor({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { factors, required, authenticator, passkeyOptions } = loaderData;
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(confirmAuthenticatorSchema, { actionData, defaultValues: { intent: "authenticator" } });
  const failedIntent = actionData && "values" in actionData ? (actionData.values as { intent?: string }).intent : undefined;
  const hasFactor = factors.authenticatorApp || factors.passkeys.length > 0;
  return (
    <div className="page">
      <p>
        <Link to="/account">{t("← Your account")}</Link>
      </p>
      <h1>{t("Second factor")}</h1>
      <p className="lead">
        {required
          ? t("Staff sign in with a password and a second factor. Keep at least one; a passkey is the easiest and safest.")
          : t("A second factor keeps your requests safe even if someone learns your password. It is your choice.")}
      </p>
      {actionData && "recoveryCodes" in actionData ? <RecoveryCodes codes={actionData.recoveryCodes} /> : null}
      {failedIntent && failedIntent !== "authenticator" && failedIntent !== "add-passkey" ? <FormError message={zod.formError} /> : null}

      <h2>{t("Passkeys")}</h2>
      <DataTable
        caption={t("Your passkeys")}
        captionHidden
        rows={factors.passkeys}
        rowKey={(passkey) => passkey.id}
        empty={t("No passkeys yet.")}
        columns={[
          { header: t("Name"), cell: (passkey) => passkey.name },
          { header: t("Added"), cell: (passkey) => <Instant at={passkey.createdAt} style="table" /> },
          { header: t("Last used"), cell: (passkey) => (passkey.lastUsedAt ? <Instant at={passkey.lastUsedAt} style="table" /> : t("Not yet")) },
          {
            header: "",
            cell: (passkey) => (
              <RemoveButton
                intent="remove-passkey"
                fields={{ passkeyId: passkey.id }}
                label={t("Remove")}
                what={t("the passkey {name}", { name: passkey.name })}
              />
            ),
          },
        ]}
      />
      <AddPasskey options={passkeyOptions} error={failedIntent === "add-passkey" ? zod.formError : undefined} />

      <h2 className="space-above-lg">{t("Authenticator app")}</h2>
      {factors.authenticatorApp ? (
        <>
          <Notice tone="success">{t("Your authenticator app is set up.")}</Notice>
          <RemoveButton intent="remove-authenticator" fields={{}} what={t("the authenticator app")} label={t("Remove the authenticator app")} />
        </>
      ) : authenticator ? (
        <AuthenticatorSetUp setUp={authenticator} zod={zod} submit={t("Confirm the app")} className="narrow narrow--start" />
      ) : (
        <p>
          <Link to="?set-up=authenticator">{t("Set up an authenticator app")}</Link>
        </p>
      )}

      {hasFactor ? (
        <>
          <h2 className="space-above-lg">{t("Recovery codes")}</h2>
          <p>
            {t("{count, plural, one {# of your recovery codes is unused} other {# of your recovery codes are unused}}. New codes replace them all.", {
              count: factors.recoveryCodesLeft,
            })}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="new-recovery-codes" />
            <button type="submit" className="button button--secondary">
              {t("Make new recovery codes")}
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}
