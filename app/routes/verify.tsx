import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { data, Form as PlainForm, useActionData, useNavigation } from "react-router";
import type { Route } from "./+types/verify";
import { describedByFor, FieldFrame, Form, FormError, Notice, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { translateMessage } from "~/i18n/i18n";
import { msg } from "~/i18n/msg";
import { pageTitle } from "~/i18n/page-title";
import { VERIFY_FILE_MAX_BYTES, verifyCodeSchema, verifyFileSchema } from "~/schemas/decision";
import { parseForm, rejectForm } from "~/server/forms.server";
import { formDataWithin, verifyByCode, verifyByFile, type VerifiedLetter, type VerifyAnswer } from "~/server/letters/verify-letter.server";
import { anonymousActor } from "~/server/request-context.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, msg("Check a decision letter"))];

type Checked = { checked: "code" | "file"; answer: VerifyAnswer };

function reply(checked: Checked) {
  return data(checked, { status: checked.answer.kind === "limited" ? 429 : 200 });
}

/**
 * Anyone may check a letter, signed in or not: by its reference number and
 * verification code, or by uploading the PDF. The answer reveals only what
 * the letter itself states.
 */
export async function action({ request }: Route.ActionArgs) {
  const actor = anonymousActor(request);
  if (request.headers.get("content-type")?.startsWith("multipart/form-data")) {
    const form = await formDataWithin(request, VERIFY_FILE_MAX_BYTES);
    if (!form)
      return data(
        { values: { intent: "file" }, fieldErrors: { letter: msg("This file is larger than 20 MB, so it is not one of our letters.") } },
        { status: 413 },
      );
    const parsed = verifyFileSchema.safeParse({ intent: form.get("intent"), letter: form.get("letter") });
    if (!parsed.success) {
      return data(
        { values: { intent: "file" }, fieldErrors: { letter: parsed.error.issues[0]?.message ?? msg("Choose the letter's PDF file.") } },
        { status: 400 },
      );
    }
    const bytes = new Uint8Array(await parsed.data.letter.arrayBuffer());
    return reply({ checked: "file", answer: await verifyByFile({ bytes, actor }) });
  }
  const parsed = await parseForm(request, verifyCodeSchema);
  if (!parsed.ok) return rejectForm(parsed.failure);
  return reply({ checked: "code", answer: await verifyByCode({ reference: parsed.data.reference, code: parsed.data.code, actor }) });
}

function isChecked(value: unknown): value is Checked {
  return typeof value === "object" && value !== null && "answer" in value;
}

export default function Verify() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const checked = isChecked(actionData) ? actionData : null;
  const failure = isChecked(actionData) ? undefined : (actionData as { values?: { intent?: unknown }; fieldErrors?: Record<string, string> } | undefined);
  const fileMessage = failure?.values?.intent === "file" ? failure.fieldErrors?.letter : undefined;
  const fileError = fileMessage === undefined ? undefined : translateMessage(t, fileMessage);
  return (
    <div className="page narrow">
      <h1>{t("Check a decision letter")}</h1>
      <p>
        {t(
          "If you hold one of our decision letters, you can check here that it is genuine and that it is the latest version. You will see only what the letter itself says at the top: nothing else about the case.",
        )}
      </p>
      {checked ? <Answer checked={checked} /> : null}
      <CodeForm actionData={failure?.values?.intent === "code" ? actionData : undefined} />
      <FileForm error={fileError} />
    </div>
  );
}

function CodeForm({ actionData }: { actionData: unknown }) {
  const { t } = useTranslation();
  const zod = useZodForm(verifyCodeSchema, { defaultValues: { intent: "code", reference: "", code: "" }, actionData });
  return (
    <section aria-labelledby="by-code-heading" className="card space-below-xl">
      <h2 id="by-code-heading">{t("With the reference number and code")}</h2>
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <FormError message={zod.formError} />
        <input type="hidden" {...zod.form.register("intent")} defaultValue="code" />
        <TextField zod={zod} name="reference" label={t("Reference number")} hint={t("At the top of the letter, for example IMR-2026-000123.")} required />
        <TextField zod={zod} name="code" label={t("Verification code")} hint={t("At the foot of every page, for example K7PQ2-M9XWD.")} required />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>{t("Check the letter")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function FileForm({ error }: { error: string | undefined }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formEncType === "multipart/form-data";
  return (
    <section aria-labelledby="by-file-heading" className="card space-below-xl">
      <h2 id="by-file-heading">{t("With the PDF file")}</h2>
      <PlainForm method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="file" />
        <FieldFrame
          id="field-letter"
          label={t("The letter's PDF file")}
          hint={t("We compare its fingerprint (SHA-256) with the letters we issued. The file is not kept.")}
          error={error}
        >
          <input
            id="field-letter"
            name="letter"
            type="file"
            accept="application/pdf,.pdf"
            aria-describedby={describedByFor("field-letter", true, error)}
            aria-invalid={error ? true : undefined}
          />
        </FieldFrame>
        <div className="actions">
          <SubmitButton submitting={submitting}>{t("Check the file")}</SubmitButton>
        </div>
      </PlainForm>
    </section>
  );
}

function LetterFacts({ letter }: { letter: VerifiedLetter }) {
  const { t } = useTranslation();
  return (
    <>
      <dl>
        <dt>{t("Reference number")}</dt>
        <dd>{letter.reference}</dd>
        <dt>{t("Letter version")}</dt>
        <dd>{letter.version}</dd>
        <dt>{t("Issued on")}</dt>
        <dd>{letter.issuedOn}</dd>
        <dt>{t("Date of the decision")}</dt>
        <dd>{letter.decisionDate}</dd>
        <dt>{t("Outcome")}</dt>
        <dd>{letter.outcome}</dd>
        <dt>{t("SHA-256 fingerprint on file")}</dt>
        <dd>
          <code className="break-all">{letter.sha256}</code>
        </dd>
        {letter.copies.map((copy) => (
          <Fragment key={copy.sha256}>
            <dt>{copy.language === "es" ? t("SHA-256 fingerprint of the Spanish copy on file") : t("SHA-256 fingerprint of a translated copy on file")}</dt>
            <dd>
              <code className="break-all">{copy.sha256}</code>
            </dd>
          </Fragment>
        ))}
      </dl>
      {letter.newer ? (
        <p>
          <strong>
            {t("This version was replaced by an amended letter (version {version}, issued on {issuedOn}).", {
              version: letter.newer.version,
              issuedOn: letter.newer.issuedOn,
            })}
          </strong>{" "}
          {t("Ask the person who gave you this letter for the latest version.")}
        </p>
      ) : (
        <p>{t("This is the latest version of the letter.")}</p>
      )}
    </>
  );
}

function Answer({ checked }: { checked: Checked }) {
  const { t } = useTranslation();
  const { answer } = checked;
  if (answer.kind === "limited") {
    return (
      <Notice tone="error">
        {t("Too many checks from your network. Try again in {minutes, plural, one {# minute} other {# minutes}}.", {
          minutes: Math.ceil(answer.retryAfterSeconds / 60),
        })}
      </Notice>
    );
  }
  if (answer.kind === "no-match") {
    return (
      <div className="alert alert--warning" role="status">
        <h2 className="flush-top">{t("No match")}</h2>
        <p className="flush">
          {checked.checked === "code"
            ? t(
                "We found no letter with this reference number and verification code. Check both against the letter: the reference number is at the top, the verification code at the foot of every page.",
              )
            : t(
                "This file is not a letter we issued, or it was changed after we issued it: even saving it again from another program changes it. Check the letter with its reference number and verification code instead.",
              )}
        </p>
      </div>
    );
  }
  return (
    <div className="alert alert--success" role="status">
      <h2 className="flush-top">{checked.checked === "code" ? t("We issued this letter") : t("This file is exactly a letter we issued")}</h2>
      <LetterFacts letter={answer.letter} />
    </div>
  );
}
