import { FollowUp, RadioGroup, TextAreaField, type AnyForm } from "~/components/forms";
import { DocumentList, DocumentUploader } from "~/components/document-uploader";
import { APPLICANT_DOCUMENT_KINDS, DOCUMENT_KIND_TEXT, type DocumentKind } from "~/domain/documents/document-kinds";
import type { DocumentSummary } from "~/domain/documents/document-summary";
import { TRACK_LABELS, TRACKS } from "~/domain/requests/options";
import { Explainer } from "./step-frame";

/** Step 6: standard or expedited, and for expedited why and the doctor's certification. */
export function UrgencyStep({ zod }: { zod: AnyForm }) {
  const track = zod.form.watch("track") as string | undefined;
  return (
    <>
      <RadioGroup
        large
        zod={zod}
        name="track"
        legend="How quickly is a decision needed?"
        hint="Expedited means decided much faster, for when waiting could seriously harm the patient."
        choices={TRACKS.map((value) => ({ value, ...TRACK_LABELS[value] }))}
      />
      {track === "EXPEDITED" ? (
        <FollowUp>
          <TextAreaField
            zod={zod}
            name="expeditedReason"
            label="Why can the patient not wait?"
            hint="For example: the patient is in hospital after an emergency, or the treatment must start within days."
            rows={4}
            required
          />
          <RadioGroup
            large
            zod={zod}
            name="certificationToFollow"
            legend="The treating doctor's certification"
            hint="An expedited review needs a statement from a treating doctor that waiting for a standard review would seriously put the patient's life, health or recovery at risk, or that the patient was admitted in an emergency and is still in hospital."
            choices={[
              { value: "false", label: "I have it and will upload it on the documents step" },
              {
                value: "true",
                label: "The doctor will send it later",
                hint: "We start at once. When the doctor gives it to you, upload it on your request's page.",
              },
            ]}
          />
        </FollowUp>
      ) : null}
      <Explainer summary="What does “expedited” mean?">
        <p>
          A standard review is decided within weeks. An expedited (urgent) review is decided within about 72 hours. It is for when the standard time could
          seriously put the patient's life or health at risk, or their ability to regain full function.
        </p>
      </Explainer>
    </>
  );
}

/** Step 7: the patient's side, in their own words. */
export function StatementStep({ zod }: { zod: AnyForm }) {
  return (
    <TextAreaField
      zod={zod}
      name="applicantStatement"
      label="Why do you think the plan is wrong?"
      hint="Write it in your own words. You might say how the condition affects daily life, what else was tried, and what the doctors said. The independent reviewer reads this."
      rows={12}
      required
    />
  );
}

export interface ChecklistItem {
  kind: string;
  message: string;
  present: boolean;
}

/** Step 8: the documents, with what the request cannot go without. */
export function DocumentsStep({
  caseId,
  documents,
  checklist,
  stepForm,
  fileError,
}: {
  caseId: string;
  documents: readonly DocumentSummary[];
  checklist: readonly ChecklistItem[];
  /** The id of the step's form, which carries a file chosen without JavaScript. */
  stepForm: string;
  /** Why the file sent with the step's button was not added. */
  fileError?: string;
}) {
  return (
    <>
      <h2 id="needed-documents">What your request needs</h2>
      <ul aria-labelledby="needed-documents" className="checklist">
        {checklist.map((item) => (
          <li key={item.kind}>
            <span className={`badge ${item.present ? "badge--ok" : "badge--warn"}`}>{item.present ? "Added" : "Still needed"}</span>{" "}
            <strong>{DOCUMENT_KIND_TEXT[item.kind as DocumentKind].label}</strong>
            {item.present ? null : <span className="hint"> {item.message}</span>}
          </li>
        ))}
      </ul>
      <p>
        Anything else that supports the request helps too: the plan's appeal decision, medical records, letters from the doctors. Take a clear photo of each
        page if you have no scanner.
      </p>
      <DocumentUploader
        caseId={caseId}
        kinds={APPLICANT_DOCUMENT_KINDS}
        label="Add documents"
        leaving="step"
        formFallback={{ form: stepForm, error: fileError }}
      />
      <h2>Documents on this request</h2>
      <DocumentList documents={documents} caption="Documents you added" />
    </>
  );
}
