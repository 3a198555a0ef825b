/**
 * What a document on a case is, with the words shown to every party. The
 * union mirrors the Prisma enum DocumentKind; client code imports it from
 * here so it never pulls in Prisma.
 */
export const DOCUMENT_KINDS = [
  "DENIAL_LETTER",
  "APPEAL_DECISION",
  "MEDICAL_RECORDS",
  "PHYSICIAN_LETTER",
  "AUTHORIZATION",
  "PHYSICIAN_CERTIFICATION",
  "PLAN_CASE_FILE",
  "DECISION_LETTER",
  "NOTICE",
  "OTHER",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentKindText {
  label: string;
  help: string;
}

export const DOCUMENT_KIND_TEXT: Record<DocumentKind, DocumentKindText> = {
  DENIAL_LETTER: {
    label: "Denial letter",
    help: "The health plan's final letter refusing the treatment, drug or test. Every request needs it.",
  },
  APPEAL_DECISION: {
    label: "Appeal decision",
    help: "The plan's decision on your internal appeal, if you had one.",
  },
  MEDICAL_RECORDS: {
    label: "Medical records",
    help: "Notes, test results and reports about the condition and the treatment in dispute.",
  },
  PHYSICIAN_LETTER: {
    label: "Letter from a doctor",
    help: "A letter from a treating doctor explaining why the treatment is needed.",
  },
  AUTHORIZATION: {
    label: "Authorization to act for the patient",
    help: "The form the patient signed naming you as their representative, or papers showing you are their parent, guardian or conservator.",
  },
  PHYSICIAN_CERTIFICATION: {
    label: "Doctor's certification for an expedited review",
    help: "A treating doctor's statement that waiting for a standard review would seriously put the patient's life, health or recovery at risk.",
  },
  PLAN_CASE_FILE: {
    label: "Plan case file",
    help: "What the plan used to decide: its letters, the records it reviewed, the criteria it applied, the policy language and any expert opinions.",
  },
  DECISION_LETTER: {
    label: "Decision letter",
    help: "The review organization's letter with the independent review's decision.",
  },
  NOTICE: {
    label: "Notice",
    help: "A notice the review organization sent about the case.",
  },
  OTHER: {
    label: "Other document",
    help: "Anything else that supports the request.",
  },
};

/** Who is adding a document to a case; each has their own kinds and limits. */
export type UploaderParty = "APPLICANT" | "PLAN";

/** What an applicant may choose when adding documents to their request. */
export const APPLICANT_DOCUMENT_KINDS: readonly DocumentKind[] = [
  "DENIAL_LETTER",
  "APPEAL_DECISION",
  "MEDICAL_RECORDS",
  "PHYSICIAN_LETTER",
  "AUTHORIZATION",
  "PHYSICIAN_CERTIFICATION",
  "OTHER",
];

/** What a health plan may send. Decision letters and notices are written by the portal, never uploaded. */
const PLAN_DOCUMENT_KINDS: readonly DocumentKind[] = ["PLAN_CASE_FILE", "DENIAL_LETTER", "APPEAL_DECISION", "MEDICAL_RECORDS", "PHYSICIAN_LETTER", "OTHER"];

export function kindsFor(party: UploaderParty): readonly DocumentKind[] {
  return party === "APPLICANT" ? APPLICANT_DOCUMENT_KINDS : PLAN_DOCUMENT_KINDS;
}
