import { useTranslation } from "react-i18next";
import { FollowUp, RadioGroup, TextAreaField, type AnyForm } from "~/components/forms";
import { DocumentList, DocumentUploader } from "~/components/document-uploader";
import { APPLICANT_DOCUMENT_KINDS, DOCUMENT_KIND_TEXT, type DocumentKind } from "~/domain/documents/document-kinds";
import type { DocumentSummary } from "~/domain/documents/document-summary";
import { TRACK_LABELS, TRACKS } from "~/domain/requests/options";
import { translateMessage } from "~/i18n/i18n";
import { Explainer } from "./step-frame";

/** Step 6: standard or expedited, and for expedited why and the doctor's certification. */
export function UrgencyStep({ zod }: { zod: AnyForm }) {
  const { t } = useTranslation();
  const track = zod.form.watch("track") as string | undefined;
  return (
    <>
      <RadioGroup
        large
        zod={zod}
        name="track"
        legend={t("How quickly is a decision needed?")}
        hint={t("Expedited means decided much faster, for when waiting could seriously harm the patient.")}
        choices={TRACKS.map((value) => ({ value, label: translateMessage(t, TRACK_LABELS[value].label), hint: translateMessage(t, TRACK_LABELS[value].hint) }))}
      />
      {track === "EXPEDITED" ? (
        <FollowUp>
          <TextAreaField
            zod={zod}
            name="expeditedReason"
            label={t("Why can the patient not wait?")}
            hint={t("For example: the patient is in hospital after an emergency, or the treatment must start within days.")}
            rows={4}
            required
          />
          <RadioGroup
            large
            zod={zod}
            name="certificationToFollow"
            legend={t("The treating doctor's certification")}
            hint={t(
              "An expedited review needs a statement from a treating doctor that waiting for a standard review would seriously put the patient's life, health or recovery at risk, or that the patient was admitted in an emergency and is still in hospital.",
            )}
            choices={[
              { value: "false", label: t("I have it and will upload it on the documents step") },
              {
                value: "true",
                label: t("The doctor will send it later"),
                hint: t("We start at once. When the doctor gives it to you, upload it on your request's page."),
              },
            ]}
          />
        </FollowUp>
      ) : null}
      <Explainer summary={t("What does “expedited” mean?")}>
        <p>
          {t(
            "A standard review is decided within weeks. An expedited (urgent) review is decided within about 72 hours. It is for when the standard time could seriously put the patient's life or health at risk, or their ability to regain full function.",
          )}
        </p>
      </Explainer>
    </>
  );
}

/** Step 7: the patient's side, in their own words. */
export function StatementStep({ zod }: { zod: AnyForm }) {
  const { t } = useTranslation();
  return (
    <TextAreaField
      zod={zod}
      name="applicantStatement"
      label={t("Why do you think the plan is wrong?")}
      hint={t(
        "Write it in your own words. You might say how the condition affects daily life, what else was tried, and what the doctors said. The independent reviewer reads this.",
      )}
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
  const { t } = useTranslation();
  return (
    <>
      <h2 id="needed-documents">{t("What your request needs")}</h2>
      <ul aria-labelledby="needed-documents" className="checklist">
        {checklist.map((item) => (
          <li key={item.kind}>
            <span className={`badge ${item.present ? "badge--ok" : "badge--warn"}`}>{item.present ? t("Added") : t("Still needed")}</span>{" "}
            <strong>{translateMessage(t, DOCUMENT_KIND_TEXT[item.kind as DocumentKind].label)}</strong>
            {item.present ? null : <span className="hint"> {translateMessage(t, item.message)}</span>}
          </li>
        ))}
      </ul>
      <p>
        {t(
          "Anything else that supports the request helps too: the plan's appeal decision, medical records, letters from the doctors. Take a clear photo of each page if you have no scanner.",
        )}
      </p>
      <DocumentUploader
        caseId={caseId}
        kinds={APPLICANT_DOCUMENT_KINDS}
        label={t("Add documents")}
        leaving="step"
        formFallback={{ form: stepForm, error: fileError }}
      />
      <h2>{t("Documents on this request")}</h2>
      <DocumentList documents={documents} caption={t("Documents you added")} />
    </>
  );
}
