import { Fragment } from "react";
import { data, Form as PlainForm, useActionData, useNavigation } from "react-router";
import type { Route } from "./+types/verify";
import { describedByFor, FieldFrame, Form, FormError, Notice, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { VERIFY_FILE_MAX_BYTES, verifyCodeSchema, verifyFileSchema } from "~/schemas/decision";
import { parseForm, rejectForm } from "~/server/forms.server";
import { formDataWithin, verifyByCode, verifyByFile, type VerifiedLetter, type VerifyAnswer } from "~/server/letters/verify-letter.server";
import { anonymousActor } from "~/server/request-context.server";

export function meta() {
  return [{ title: "Check a decision letter | Independent Medical Review" }];
}

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
      return data({ values: { intent: "file" }, fieldErrors: { letter: "This file is larger than 20 MB, so it is not one of our letters." } }, { status: 413 });
    const parsed = verifyFileSchema.safeParse({ intent: form.get("intent"), letter: form.get("letter") });
    if (!parsed.success) {
      return data({ values: { intent: "file" }, fieldErrors: { letter: parsed.error.issues[0]?.message ?? "Choose the letter's PDF file." } }, { status: 400 });
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
  const actionData = useActionData<typeof action>();
  const checked = isChecked(actionData) ? actionData : null;
  const failure = isChecked(actionData) ? undefined : (actionData as { values?: { intent?: unknown }; fieldErrors?: Record<string, string> } | undefined);
  const fileError = failure?.values?.intent === "file" ? failure.fieldErrors?.letter : undefined;
  return (
    <div className="page narrow">
      <h1>Check a decision letter</h1>
      <p>
        If you hold one of our decision letters, you can check here that it is genuine and that it is the latest version. You will see only what the letter
        itself says at the top: nothing else about the case.
      </p>
      {checked ? <Answer checked={checked} /> : null}
      <CodeForm actionData={failure?.values?.intent === "code" ? actionData : undefined} />
      <FileForm error={fileError} />
    </div>
  );
}

function CodeForm({ actionData }: { actionData: unknown }) {
  const zod = useZodForm(verifyCodeSchema, { defaultValues: { intent: "code", reference: "", code: "" }, actionData });
  return (
    <section aria-labelledby="by-code-heading" className="card space-below-xl">
      <h2 id="by-code-heading">With the reference number and code</h2>
      <Form method="post" noValidate onSubmit={zod.onSubmit}>
        <FormError message={zod.formError} />
        <input type="hidden" {...zod.form.register("intent")} defaultValue="code" />
        <TextField zod={zod} name="reference" label="Reference number" hint="At the top of the letter, for example IMR-2026-000123." required />
        <TextField zod={zod} name="code" label="Verification code" hint="At the foot of every page, for example K7PQ2-M9XWD." required />
        <div className="actions">
          <SubmitButton submitting={zod.submitting}>Check the letter</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function FileForm({ error }: { error: string | undefined }) {
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formEncType === "multipart/form-data";
  return (
    <section aria-labelledby="by-file-heading" className="card space-below-xl">
      <h2 id="by-file-heading">With the PDF file</h2>
      <PlainForm method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="file" />
        <FieldFrame
          id="field-letter"
          label="The letter's PDF file"
          hint="We compare its fingerprint (SHA-256) with the letters we issued. The file is not kept."
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
          <SubmitButton submitting={submitting}>Check the file</SubmitButton>
        </div>
      </PlainForm>
    </section>
  );
}

function LetterFacts({ letter }: { letter: VerifiedLetter }) {
  return (
    <>
      <dl>
        <dt>Reference number</dt>
        <dd>{letter.reference}</dd>
        <dt>Letter version</dt>
        <dd>{letter.version}</dd>
        <dt>Issued on</dt>
        <dd>{letter.issuedOn}</dd>
        <dt>Date of the decision</dt>
        <dd>{letter.decisionDate}</dd>
        <dt>Outcome</dt>
        <dd>{letter.outcome}</dd>
        <dt>SHA-256 fingerprint on file</dt>
        <dd>
          <code className="break-all">{letter.sha256}</code>
        </dd>
        {letter.copies.map((copy) => (
          <Fragment key={copy.sha256}>
            <dt>SHA-256 fingerprint of the {copy.language} copy on file</dt>
            <dd>
              <code className="break-all">{copy.sha256}</code>
            </dd>
          </Fragment>
        ))}
      </dl>
      {letter.newer ? (
        <p>
          <strong>
            This version was replaced by an amended letter (version {letter.newer.version}, issued on {letter.newer.issuedOn}).
          </strong>{" "}
          Ask the person who gave you this letter for the latest version.
        </p>
      ) : (
        <p>This is the latest version of the letter.</p>
      )}
    </>
  );
}

function Answer({ checked }: { checked: Checked }) {
  const { answer } = checked;
  if (answer.kind === "limited") {
    return <Notice tone="error">Too many checks from your network. Try again in {Math.ceil(answer.retryAfterSeconds / 60)} minutes.</Notice>;
  }
  if (answer.kind === "no-match") {
    return (
      <div className="alert alert--warning" role="status">
        <h2 className="flush-top">No match</h2>
        <p className="flush">
          {checked.checked === "code"
            ? "We found no letter with this reference number and verification code. Check both against the letter: the reference number is at the top, the verification code at the foot of every page."
            : "This file is not a letter we issued, or it was changed after we issued it: even saving it again from another program changes it. Check the letter with its reference number and verification code instead."}
        </p>
      </div>
    );
  }
  return (
    <div className="alert alert--success" role="status">
      <h2 className="flush-top">{checked.checked === "code" ? "We issued this letter" : "This file is exactly a letter we issued"}</h2>
      <LetterFacts letter={answer.letter} />
    </div>
  );
}
