import { Trans, useTranslation } from "react-i18next";
import { Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/signup";
import { Form, NewPasswordFields, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { signUpSchema } from "~/schemas/auth";
import { signUp } from "~/server/auth/sign-up.server";
import { formFailure, parseForm, rejectForm } from "~/server/forms.server";
import { requestLocale } from "~/server/i18n/locale.server";
import { translator } from "~/i18n/i18n";
import { anonymousActor } from "~/server/request-context.server";
import { refusedForm } from "~/server/route-answers.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Create an account"))];

export async function action({ request }: Route.ActionArgs) {
  const parsed = await parseForm(request, signUpSchema);
  if (!parsed.ok) return rejectForm(parsed.failure);
  // The account keeps the language the person is reading this form in.
  const locale = await requestLocale(request, null);
  let result;
  try {
    result = await signUp({ ...parsed.data, language: locale }, anonymousActor(request));
  } catch (error) {
    // A password too easy to guess goes back next to its field.
    return refusedForm(parsed.values, error);
  }
  if (!result.ok) {
    const t = translator(locale);
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    const wait = t("Too many sign-ups from your network or for this address. Try again in {minutes, plural, one {# minute} other {# minutes}}.", { minutes });
    return formFailure(parsed.values, {}, wait, 429);
  }
  throw redirect("/signup?sent=1");
}

export async function loader({ request }: Route.LoaderArgs) {
  return { sent: new URL(request.url).searchParams.get("sent") === "1" };
}

export default function SignUp({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(signUpSchema, { actionData });
  if (loaderData.sent) {
    return (
      <div className="page narrow">
        <h1>{t("Check your email")}</h1>
        <p>{t("We sent a link to the address you gave. Open it to confirm your email and finish creating your account. The link works for 24 hours.")}</p>
        <p>
          <Trans
            i18nKey="If nothing arrives within a few minutes, look in your spam folder. If you already have an account, <0>sign in</0> instead."
            components={[<Link key="login" to="/login" />]}
          />
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>{t("Create an account")}</h1>
      <p>
        {t(
          "Create an account to ask for an independent review of a denied treatment, for yourself or for someone you act for (a child, a patient, a family member).",
        )}
      </p>
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <TextField zod={zod} name="name" label={t("Your full name")} autoComplete="name" required />
        <TextField
          zod={zod}
          name="email"
          label={t("Email address")}
          type="email"
          autoComplete="email"
          hint={t("We send updates about the request here. They never contain medical details.")}
          required
        />
        <NewPasswordFields zod={zod} label={t("Choose a password")} />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>{t("Create my account")}</SubmitButton>
        </div>
      </Form>
      <p className="space-above-lg">
        <Trans i18nKey="Already have an account? <0>Sign in</0>." components={[<Link key="login" to="/login" />]} />
      </p>
    </div>
  );
}
