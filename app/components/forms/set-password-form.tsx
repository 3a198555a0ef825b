import { Trans, useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { SubmitButton, TextField, type AnyForm } from "./fields";
import { useZodForm } from "./use-zod-form";
import { setPasswordSchema } from "~/schemas/auth";

/** The form behind a reset link and an invitation link: the token travels in a hidden field. */
export function SetPasswordForm(props: { token: string; usable: boolean; actionData: unknown; title: string; intro: string; button: string }) {
  const { t } = useTranslation();
  const zod = useZodForm(setPasswordSchema, { actionData: props.actionData, defaultValues: { token: props.token } });
  const expired = !props.usable || (typeof props.actionData === "object" && props.actionData !== null && "expired" in props.actionData);
  if (expired) {
    return (
      <div className="page narrow">
        <h1>{t("This link no longer works")}</h1>
        <p>
          <Trans
            i18nKey="The link has expired or was already used. <0>Ask for a new link</0>, or contact the person who invited you."
            components={[<Link key="forgot" to="/forgot-password" />]}
          />
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>{props.title}</h1>
      <p>{props.intro}</p>
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <input type="hidden" value={props.token} {...zod.form.register("token")} />
        <NewPasswordFields zod={zod} />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>{props.button}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}

/** A new password typed twice, with what the server checks it against (settingPassword in app/schemas/auth.ts). */
export function NewPasswordFields({ zod, label, againLabel }: { zod: AnyForm; label?: string; againLabel?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        zod={zod}
        name="password"
        label={label ?? t("New password")}
        type="password"
        autoComplete="new-password"
        hint={t("At least 12 characters, not a common password and not your name. A few unrelated words are easy to remember and hard to guess.")}
        required
      />
      <TextField zod={zod} name="confirmPassword" label={againLabel ?? t("Type the password again")} type="password" autoComplete="new-password" required />
    </>
  );
}
