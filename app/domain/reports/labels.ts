/**
 * The words reports use for a case's stored codes. Shared by the pages and
 * the CSV files, so a download says what the screen says.
 */
import type { ResponsibleParty } from "~/domain/deadlines/lifecycle";

export type TrackCode = "STANDARD" | "EXPEDITED";
export type DisputeTypeCode = "MEDICAL_NECESSITY" | "EXPERIMENTAL_INVESTIGATIONAL" | "URGENT_CARE";
export type OutcomeCode = "UPHELD" | "OVERTURNED" | "OVERTURNED_IN_PART";

export const TRACKS: readonly TrackCode[] = ["STANDARD", "EXPEDITED"];
export const DISPUTE_TYPES: readonly DisputeTypeCode[] = ["MEDICAL_NECESSITY", "EXPERIMENTAL_INVESTIGATIONAL", "URGENT_CARE"];

export const TRACK_LABELS: Record<TrackCode, string> = {
  STANDARD: "Standard",
  EXPEDITED: "Expedited",
};

/** The regulators' own names for the type of dispute (docs/rules/records-audit-reports.md, "Yearly export for regulators"). */
export const DISPUTE_TYPE_LABELS: Record<DisputeTypeCode, string> = {
  MEDICAL_NECESSITY: "Medical necessity",
  EXPERIMENTAL_INVESTIGATIONAL: "Experimental/Investigational",
  URGENT_CARE: "Urgent care",
};

export const DETERMINATION_LABELS: Record<OutcomeCode, string> = {
  UPHELD: "Upheld",
  OVERTURNED: "Overturned",
  OVERTURNED_IN_PART: "Overturned in part",
};

export const RESPONSIBLE_PARTY_LABELS: Record<ResponsibleParty, string> = {
  ORGANIZATION: "Review organization",
  APPLICANT: "Applicant",
  PLAN: "Health plan",
  REVIEWER: "Reviewer",
};

/** What a report shows for a category the case never had recorded. */
export const NOT_RECORDED = "Not recorded";
