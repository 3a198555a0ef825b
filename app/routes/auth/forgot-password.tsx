import { useTranslation } from "react-i18next";
import { redirect, useActionData } from "react-router";
import type { Route } from "./+types/forgot-password";
import { Form, FormError, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { forgotPasswordSchema } from "~/schemas/auth";
import { requestPasswordReset } from "~/server/auth/request-password-reset.server";
import { formFailure, parseForm, rejectForm } from "~/server/forms.server";
import { requestTranslator } from "~/server/i18n/locale.server";
import { anonymousActor } from "~/server/request-context.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Reset your password"))];

export async function loader({ request }: Route.LoaderArgs) {
  return { sent: new URL(request.url).searchParams.get("sent") === "1" };
}

export async function action({ request }: Route.ActionArgs) {
  const parsed = await parseForm(request, forgotPasswordSchema);
  if (!parsed.ok) return rejectForm(parsed.failure);
  const result = await requestPasswordReset(parsed.data.email, anonymousActor(request));
  if (!result.ok) {
    const t = await requestTranslator(request);
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return formFailure(
      parsed.values,
      {},
      t("Too many requests from your network. Try again in {minutes, plural, one {# minute} other {# minutes}}.", { minutes }),
    );
  }
  throw redirect("/forgot-password?sent=1");
}

export default function ForgotPassword({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const zod = useZodForm(forgotPasswordSchema, { actionData });
  if (loaderData.sent) {
    return (
      <div className="page narrow">
        <h1>{t("Check your email")}</h1>
        <p>{t("If an account uses that address, we sent it a link to choose a new password. The link works once, for one hour.")}</p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>{t("Reset your password")}</h1>
      <p>{t("Enter the email address of your account. We will send you a link to choose a new password.")}</p>
      <FormError message={zod.formError} />
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <TextField zod={zod} name="email" label={t("Email address")} type="email" autoComplete="email" required />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>{t("Send me a link")}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
