import { Form } from "react-router";
import { DocumentUploader } from "~/components/document-uploader";
import { CaseFormFields, CheckboxGroup, FormError, SubmitButton, TextAreaField, useCaseForm } from "~/components/forms";
import { formatFileSize, perFileText, UPLOAD_LIMITS } from "~/domain/documents/limits";
import { CASE_FILE_ITEMS, type CaseFileItemKey, type CaseFileItemState, type CaseFileState } from "~/domain/plan-case-file";
import { completeCaseFileForm, PLAN_DENIAL_REASON_MAX_LENGTH } from "~/schemas/plan-actions";

export const COMPLETE_CASE_FILE_INTENT = "complete-case-file";

export interface CaseFileView {
  state: CaseFileState;
  label: string;
  due: string | null;
  items: readonly { key: CaseFileItemKey; label: string; state: CaseFileItemState; documents: number }[];
  notApplicable: readonly CaseFileItemKey[];
  documents: readonly { id: string; fileName: string; sizeBytes: number; added: string; item: CaseFileItemKey | null; description: string | null }[];
  canUpload: boolean;
  canComplete: boolean;
}

const ITEM_STATES: Record<CaseFileItemState, { label: string; className: string }> = {
  received: { label: "Sent", className: "badge badge--ok" },
  not_applicable: { label: "You have none", className: "badge" },
  missing: { label: "Missing", className: "badge badge--warn" },
};

const STATE_BADGES: Record<CaseFileState, string> = {
  not_requested: "badge",
  requested: "badge badge--warn",
  late: "badge badge--danger",
  received: "badge badge--ok",
  received_late: "badge badge--warn",
  proceeded_without: "badge badge--danger",
};

const DESCRIBE = {
  label: "What this file holds",
  hint: "Your annotated list of what you sent: the applicant sees this note next to the file.",
};

/**
 * The plan's case file: each checklist item with what was sent for it and
 * an uploader, then "case file complete", which meets the deadline.
 */
export function CaseFilePanel({ caseId, version, caseFile, actionData }: { caseId: string; version: number; caseFile: CaseFileView; actionData: unknown }) {
  return (
    <section aria-labelledby="case-file-heading">
      <h2 id="case-file-heading">Your case file</h2>
      <p>
        <span className={STATE_BADGES[caseFile.state]}>{caseFile.label}</span> {caseFile.due ? `Due by ${caseFile.due}.` : null}
      </p>
      <p>
        Send what your plan used to decide, item by item. Describe each file: the applicant sees your descriptions as the list of what you sent.{" "}
        {perFileText(UPLOAD_LIMITS.PLAN)}.
      </p>
      <ol className="card-list">
        {CASE_FILE_ITEMS.map((item) => {
          const state = caseFile.items.find((row) => row.key === item.key)?.state ?? "missing";
          const documents = caseFile.documents.filter((document) => document.item === item.key);
          return (
            <li key={item.key} className="card" aria-labelledby={`item-${item.key}`}>
              <h3 id={`item-${item.key}`} className="flush-top">
                {item.label} <span className={ITEM_STATES[state].className}>{ITEM_STATES[state].label}</span>
              </h3>
              <p className="hint">{item.help}</p>
              {documents.length ? (
                <ul>
                  {documents.map((document) => (
                    <li key={document.id}>
                      <a href={`/documents/${document.id}`}>{document.fileName}</a>{" "}
                      <span className="muted">
                        ({formatFileSize(document.sizeBytes)}, added {document.added})
                      </span>
                      {document.description ? <p className="subnote multiline">{document.description}</p> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              {caseFile.canUpload ? (
                <DocumentUploader
                  caseId={caseId}
                  kinds={["PLAN_CASE_FILE"]}
                  caseFileItem={item.key}
                  describe={DESCRIBE}
                  label={`Add files: ${item.label.toLowerCase()}`}
                />
              ) : null}
            </li>
          );
        })}
      </ol>
      {caseFile.documents.some((document) => document.item === null) ? (
        <p className="muted">
          Other case file documents:{" "}
          {caseFile.documents
            .filter((document) => document.item === null)
            .map((document) => document.fileName)
            .join(", ")}
          .
        </p>
      ) : null}
      {caseFile.canComplete ? <CompleteCaseFileForm key={version} version={version} caseFile={caseFile} actionData={actionData} /> : null}
    </section>
  );
}

function CompleteCaseFileForm({ version, caseFile, actionData }: { version: number; caseFile: CaseFileView; actionData: unknown }) {
  const zod = useCaseForm(completeCaseFileForm, {
    intent: COMPLETE_CASE_FILE_INTENT,
    version,
    actionData,
    defaultValues: { notApplicable: [...caseFile.notApplicable] },
  });
  const error = zod.errorFor("notApplicable");
  return (
    <Form method="post" noValidate onSubmit={zod.onSubmit} aria-labelledby="complete-heading" className="card">
      <h3 id="complete-heading" className="flush-top">
        Mark the case file complete
      </h3>
      <FormError message={error ? undefined : zod.formError} />
      <CaseFormFields intent={COMPLETE_CASE_FILE_INTENT} version={version} />
      <CheckboxGroup
        zod={zod}
        id="complete"
        choiceIdPrefix="not-applicable"
        name="notApplicable"
        legend="Items your plan does not have"
        hint="Every item needs a file, or a tick here if your plan has none (for example, it received no expert opinion)."
        choices={caseFile.items.map((item) => ({
          value: item.key,
          label: item.documents > 0 ? `${item.label} (files sent)` : item.label,
          // An item with files is sent: it cannot also be "none".
          disabled: item.documents > 0,
        }))}
      />
      <TextAreaField
        zod={zod}
        idPrefix="complete"
        name="denialReason"
        label="Why your plan denied the service"
        hint={`In your plan's own words, as in its denial letter (at most ${PLAN_DENIAL_REASON_MAX_LENGTH.toLocaleString("en-US")} characters). The decision letter quotes it.`}
        rows={4}
        required
      />
      <SubmitButton submitting={zod.submitting}>Case file complete</SubmitButton>
    </Form>
  );
}
