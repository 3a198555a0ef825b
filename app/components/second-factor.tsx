import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigation, useSubmit } from "react-router";
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import { fieldId, Form, SubmitButton, TextField, type AnyForm } from "./forms";
import { msg } from "~/i18n/msg";

/** Passkeys need the browser's WebAuthn; a browser without it is offered the other ways. Known only once the page runs in the browser. */
function useWebAuthn(): boolean {
  const [supported, setSupported] = useState(false);
  useEffect(() => setSupported(browserSupportsWebAuthn()), []);
  return supported;
}

const CANCELLED = msg("The passkey prompt was closed before it finished. Try again, or use another way below.");

/** Signs in (or confirms it is the person) with one of their passkeys: the browser asks the authenticator, the answer goes to the page's action with `extraFields`. */
export function PasskeySignIn({
  options,
  extraFields = {},
}: {
  options: Omit<PublicKeyCredentialRequestOptionsJSON, "extensions">;
  extraFields?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const supported = useWebAuthn();
  const submit = useSubmit();
  const busy = useNavigation().state !== "idle";
  const [problem, setProblem] = useState<string>();
  if (!supported) return null;
  async function signIn() {
    setProblem(undefined);
    try {
      const response = await startAuthentication({ optionsJSON: options });
      await submit({ ...extraFields, intent: "passkey", response: JSON.stringify(response) }, { method: "post" });
    } catch {
      setProblem(t(CANCELLED));
    }
  }
  return (
    <div className="space-below">
      <button type="button" className="button" disabled={busy} onClick={() => void signIn()}>
        {t("Use a passkey")}
      </button>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

/** Makes a passkey on this device (or a security key) and sends it to the page's action to keep, under the name given. */
export function AddPasskey({ options, error }: { options: Omit<PublicKeyCredentialCreationOptionsJSON, "extensions">; error?: string }) {
  const { t } = useTranslation();
  const supported = useWebAuthn();
  const submit = useSubmit();
  const busy = useNavigation().state !== "idle";
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string>();
  if (!supported) return <p className="muted">{t("This browser cannot make passkeys. Use an authenticator app instead.")}</p>;
  const id = fieldId("passkey-name");
  const shown = problem ?? error;
  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) return setProblem(t("Name the passkey, for example the device it is on."));
    setProblem(undefined);
    try {
      const response = await startRegistration({ optionsJSON: options });
      await submit({ intent: "add-passkey", name: name.trim(), response: JSON.stringify(response) }, { method: "post" });
    } catch {
      setProblem(t(CANCELLED));
    }
  }
  return (
    <form method="post" noValidate onSubmit={(event) => void add(event)}>
      <div className={shown ? "field field--error" : "field"}>
        <label htmlFor={id}>{t("Name for this passkey")}</label>
        <p className="hint" id={`${id}-hint`}>
          {t("For example “Work laptop” or “Security key”, so you can tell your passkeys apart.")}
        </p>
        {shown ? (
          <p className="field-error" id={`${id}-error`} role="alert">
            {shown}
          </p>
        ) : null}
        <input
          id={id}
          name="name"
          maxLength={60}
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-describedby={shown ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={shown ? true : undefined}
        />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t("Add a passkey")}
      </button>
    </form>
  );
}

/** Recovery codes, shown once: what to do with them is said beside them. */
export function RecoveryCodes({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="recovery-codes" className="card space-below">
      <h2 id="recovery-codes">{t("Your recovery codes")}</h2>
      <p>
        {t(
          "Each code signs you in once if you lose your phone or passkey. Keep them somewhere safe, away from this device: they are shown only now. Any earlier codes no longer work.",
        )}
      </p>
      <ul className="recovery-codes" aria-label={t("Recovery codes")}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A new authenticator app: its QR code (or the secret to type), then the code it shows, which confirms it holds the secret. */
export function AuthenticatorSetUp(props: { setUp: { qrCode: string; secret: string }; zod: AnyForm; submit: string; className?: string }) {
  const { setUp, zod, submit, className } = props;
  const { t } = useTranslation();
  return (
    <>
      <p>
        {t("Scan this code with an authenticator app (for example Google Authenticator, Microsoft Authenticator or 1Password), then type the code it shows.")}
      </p>
      <img src={setUp.qrCode} alt={t("QR code holding the secret for your authenticator app")} width={220} height={220} />
      <p>
        {t("Cannot scan it? Type this secret into the app instead:")} <code className="secret">{setUp.secret}</code>
      </p>
      <Form method="post" noValidate onSubmit={zod.onSubmit} className={className}>
        <input type="hidden" value="authenticator" {...zod.form.register("intent")} />
        <TextField zod={zod} name="code" label={t("Code from the app")} hint={t("Six digits.")} autoComplete="one-time-code" inputMode="numeric" required />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>{submit}</SubmitButton>
        </div>
      </Form>
    </>
  );
}
