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
  DRAFT: "Draft",
  SUBMITTED: "Received",
  ELIGIBILITY_REVIEW: "Checking eligibility",
  INELIGIBLE: "Not eligible",
  ACCEPTED: "Accepted for review",
  IN_REVIEW: "With the reviewer",
  DETERMINED: "Decision being finalised",
  DECIDED: "Decided",
  CLOSED: "Closed",
  REVERSED_BY_PLAN: "Plan reversed its denial",
  WITHDRAWN: "Withdrawn",
};

/** States in which the review is still going on and clocks may run. */
export const OPEN_STATUSES: readonly CaseStatus[] = ["SUBMITTED", "ELIGIBILITY_REVIEW", "ACCEPTED", "IN_REVIEW", "DETERMINED"];
