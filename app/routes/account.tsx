import { useTranslation } from "react-i18next";
import { Form, Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/account";
import { DataTable } from "~/components/data-table";
import { ROLE_LABELS } from "~/domain/roles";
import { NewPasswordFields, Notice, RadioGroup, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { translateMessage } from "~/i18n/i18n";
import { LOCALE_NAMES, LOCALES, noticeLocale, type Locale } from "~/i18n/locales";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { changePasswordSchema } from "~/schemas/auth";
import { languageChoiceSchema } from "~/schemas/language";
import { formSubmission, submitIntent } from "~/server/route-answers.server";
import { accountOverview, changePassword, signOutEverywhere } from "~/server/users/account.server";
import { actorOf, endSession, requireUser } from "~/server/session.server";
import { Instant } from "~/components/instant";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Your account"))];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const changed = new URL(request.url).searchParams.get("password") === "changed";
  // Staff and plan pages stay in English: only an applicant chooses a language.
  const language = user.roles.every((role) => role === "APPLICANT") ? noticeLocale(user.language) : null;
  return { ...(await accountOverview(user)), changed, language };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const actor = actorOf(user, request);
  return submitIntent(request, {
    "sign-out-everywhere": async () => {
      await signOutEverywhere(user, actor);
      throw redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
    },
    "change-password": formSubmission(changePasswordSchema, async (input) => {
      await changePassword(user, input, actor);
      return "/account?password=changed";
    }),
  });
}

export default function Account({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { name, email, roles, sessions, currentSessionId, changed, language } = loaderData;
  return (
    <div className="page">
      <h1>{t("Your account")}</h1>
      <dl className="summary">
        <dt>{t("Name")}</dt>
        <dd>{name}</dd>
        <dt>{t("Email")}</dt>
        <dd>{email}</dd>
        <dt>{t("Roles")}</dt>
        <dd>{roles.map((role) => translateMessage(t, ROLE_LABELS[role])).join(", ")}</dd>
      </dl>
      <h2>{t("Where you are signed in")}</h2>
      <DataTable
        caption={t("Active sessions")}
        captionHidden
        rows={sessions}
        rowKey={(session) => session.id}
        columns={[
          {
            header: t("Browser"),
            cell: (session) => (
              <>
                {session.userAgent ?? t("Unknown browser")}
                {session.id === currentSessionId ? <strong> {t("(this browser)")}</strong> : null}
              </>
            ),
          },
          { header: t("Address"), cell: (session) => session.ip ?? t("Unknown") },
          { header: t("Signed in"), cell: (session) => <Instant at={session.createdAt} style="table" /> },
          { header: t("Last active"), cell: (session) => <Instant at={session.lastSeenAt} style="table" /> },
        ]}
      />
      <Form method="post" className="actions">
        <input type="hidden" name="intent" value="sign-out-everywhere" />
        <button type="submit" className="button button--secondary">
          {t("Sign out everywhere")}
        </button>
        <span className="muted">{t("Ends every session above, including this one. Use it if you lost a device.")}</span>
      </Form>
      {language ? <ChooseLanguage language={language} /> : null}
      <h2>{t("Second factor")}</h2>
      <p>
        <Link to="/account/second-factor">{t("Passkeys, authenticator app and recovery codes")}</Link>
      </p>
      <ChangePassword changed={changed} />
    </div>
  );
}

/** The same choice as the header's, posted to /language: remembered on the account for the pages and the emails. */
function ChooseLanguage({ language }: { language: Locale }) {
  const { t } = useTranslation();
  const zod = useZodForm(languageChoiceSchema, { defaultValues: { language, redirectTo: "/account" } });
  return (
    <section aria-labelledby="language">
      <h2 id="language">{t("Language")}</h2>
      <Form method="post" action="/language" noValidate onSubmit={zod.onSubmit}>
        <input type="hidden" value="/account" {...zod.form.register("redirectTo")} />
        <RadioGroup
          zod={zod}
          name="language"
          legend={t("The language of your pages and of the emails we send you")}
          choices={LOCALES.map((locale) => ({ value: locale, label: <span lang={locale}>{LOCALE_NAMES[locale]}</span> }))}
        />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>{t("Save the language")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function ChangePassword({ changed }: { changed: boolean }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(changePasswordSchema, { actionData, defaultValues: { intent: "change-password" } });
  return (
    <section aria-labelledby="change-password">
      <h2 id="change-password">{t("Change your password")}</h2>
      {changed ? <Notice tone="success">{t("Your password was changed. Every other browser was signed out.")}</Notice> : null}
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <input type="hidden" value="change-password" {...zod.form.register("intent")} />
        <TextField zod={zod} name="currentPassword" label={t("Current password")} type="password" autoComplete="current-password" required />
        <NewPasswordFields zod={zod} againLabel={t("Type the new password again")} />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>{t("Change the password")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
