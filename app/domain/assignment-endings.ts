/**
 * What becomes of the reviewers' assignments when the case's review ends
 * (docs/rules/reviewers.md, "When the review ends"). An open offer can no
 * longer be answered; an accepted assignment is completed by the decision,
 * or cancelled when the review ended without one.
 */
import type { CaseActionName } from "./case-actions";
import type { AssignmentStatus } from "./matching";

export interface AssignmentEnding {
  /** What an accepted assignment becomes. */
  accepted: Extract<AssignmentStatus, "COMPLETED" | "CANCELLED">;
  /** Kept on each assignment ended, as the reason its work stopped. */
  reason: string;
}

/** The case actions that end the review, and how each ends the assignments (offers always end CANCELLED). */
export const ASSIGNMENT_ENDINGS: Partial<Record<CaseActionName, AssignmentEnding>> = {
  issueDecision: { accepted: "COMPLETED", reason: "The decision was issued." },
  withdraw: { accepted: "CANCELLED", reason: "The applicant withdrew the request: the review ended." },
  reverseDenial: { accepted: "CANCELLED", reason: "The health plan reversed its denial: the review ended." },
};
