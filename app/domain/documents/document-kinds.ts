/**
 * What a document on a case is, with the words shown to every party. The
 * union mirrors the Prisma enum DocumentKind; client code imports it from
 * here so it never pulls in Prisma. The words are English (msg), translated
 * where they are shown.
 */
import { msg } from "~/i18n/msg";

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
    label: msg("Denial letter"),
    help: msg("The health plan's final letter refusing the treatment, drug or test. Every request needs it."),
  },
  APPEAL_DECISION: {
    label: msg("Appeal decision"),
    help: msg("The plan's decision on your internal appeal, if you had one."),
  },
  MEDICAL_RECORDS: {
    label: msg("Medical records"),
    help: msg("Notes, test results and reports about the condition and the treatment in dispute."),
  },
  PHYSICIAN_LETTER: {
    label: msg("Letter from a doctor"),
    help: msg("A letter from a treating doctor explaining why the treatment is needed."),
  },
  AUTHORIZATION: {
    label: msg("Authorization to act for the patient"),
    help: msg("The form the patient signed naming you as their representative, or papers showing you are their parent, guardian or conservator."),
  },
  PHYSICIAN_CERTIFICATION: {
    label: msg("Doctor's certification for an expedited review"),
    help: msg("A treating doctor's statement that waiting for a standard review would seriously put the patient's life, health or recovery at risk."),
  },
  PLAN_CASE_FILE: {
    label: msg("Plan case file"),
    help: msg("What the plan used to decide: its letters, the records it reviewed, the criteria it applied, the policy language and any expert opinions."),
  },
  DECISION_LETTER: {
    label: msg("Decision letter"),
    help: msg("The review organization's letter with the independent review's decision."),
  },
  NOTICE: {
    label: msg("Notice"),
    help: msg("A notice the review organization sent about the case."),
  },
  OTHER: {
    label: msg("Other document"),
    help: msg("Anything else that supports the request."),
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
