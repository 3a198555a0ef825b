import type { CaseStatus } from "./case-status";
import type { DocumentKind } from "./documents/document-kinds";
import type { AssignmentStatus } from "./matching";

/**
 * What a reviewer may see of a case (docs/rules/reviewer-access.md):
 *   case    — the whole case file, the request, their notes and determination: while the case is in review
 *   outcome — their own determination and the decision letter only: once the case is decided or closed
 *   none    — nothing: the assignment never opened the records, or it ended (replaced, the plan
 *             reversed its denial, the applicant withdrew), or the case ended without a decision
 */
export type ReviewerView = "case" | "outcome" | "none";

/** Assignments that opened the records: accepted with the no-conflict attestation, or their work completed. */
export const OPENING_ASSIGNMENT_STATUSES = ["ACCEPTED", "COMPLETED"] as const satisfies readonly AssignmentStatus[];

/**
 * By the case's status, for an assignment that opened the records. Such an
 * assignment exists only from ACCEPTED on; before that the assignment itself
 * keeps the records closed, so the open statuses all read "case". A draft is
 * its applicant's alone.
 */
const VIEW_BY_CASE_STATUS: { readonly [S in CaseStatus]: ReviewerView } = {
  DRAFT: "none",
  SUBMITTED: "case",
  ELIGIBILITY_REVIEW: "case",
  INELIGIBLE: "none",
  ACCEPTED: "case",
  IN_REVIEW: "case",
  DETERMINED: "case",
  DECIDED: "outcome",
  CLOSED: "outcome",
  REVERSED_BY_PLAN: "none",
  WITHDRAWN: "none",
};

/** What the reviewer still reads of a decided case's documents: the letter. */
export const OUTCOME_DOCUMENT_KINDS = ["DECISION_LETTER"] as const satisfies readonly DocumentKind[];

export interface ReviewerAssignmentState {
  status: AssignmentStatus;
  attestedAt: Date | null;
  /** Set when the assignment was cut off (replaced, the review ended); a completed one keeps its end. */
  endedAt: Date | null;
}

export function reviewerView(assignment: ReviewerAssignmentState, caseStatus: CaseStatus): ReviewerView {
  if (!(OPENING_ASSIGNMENT_STATUSES as readonly AssignmentStatus[]).includes(assignment.status) || !assignment.attestedAt) return "none";
  if (assignment.endedAt && assignment.status !== "COMPLETED") return "none";
  return VIEW_BY_CASE_STATUS[caseStatus];
}

/** The case statuses in which an opening assignment gives the reviewer exactly `view`. */
export function caseStatusesShowing(view: ReviewerView): CaseStatus[] {
  return (Object.entries(VIEW_BY_CASE_STATUS) as [CaseStatus, ReviewerView][]).filter(([, given]) => given === view).map(([status]) => status);
}

/** The case statuses in which an opening assignment gives the reviewer at least `view` (the whole case gives the outcome too). */
export function caseStatusesGiving(view: Exclude<ReviewerView, "none">): CaseStatus[] {
  return view === "case" ? caseStatusesShowing("case") : [...caseStatusesShowing("case"), ...caseStatusesShowing("outcome")];
}
