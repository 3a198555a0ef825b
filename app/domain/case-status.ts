import { msg } from "~/i18n/msg";

/** The life of a case (docs/rules/life-of-a-case.md, "Statuses"). */
export const CASE_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "ELIGIBILITY_REVIEW",
  "INELIGIBLE",
  "ACCEPTED",
  "IN_REVIEW",
  "DETERMINED",
  "DECIDED",
  "CLOSED",
  "REVERSED_BY_PLAN",
  "WITHDRAWN",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What each status means, in the words shown to every party. */
export const STATUS_LABELS: Record<CaseStatus, string> = {
  DRAFT: msg("Draft"),
  SUBMITTED: msg("Received"),
  ELIGIBILITY_REVIEW: msg("Checking eligibility"),
  INELIGIBLE: msg("Not eligible"),
  ACCEPTED: msg("Accepted for review"),
  IN_REVIEW: msg("With the reviewer"),
  DETERMINED: msg("Decision being finalised"),
  DECIDED: msg("Decided"),
  CLOSED: msg("Closed"),
  REVERSED_BY_PLAN: msg("Plan reversed its denial"),
  WITHDRAWN: msg("Withdrawn"),
};

/** States in which the review is still going on and clocks may run. */
export const OPEN_STATUSES: readonly CaseStatus[] = ["SUBMITTED", "ELIGIBILITY_REVIEW", "ACCEPTED", "IN_REVIEW", "DETERMINED"];
