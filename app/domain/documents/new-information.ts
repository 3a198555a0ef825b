/**
 * When the applicant may add documents to a filed request, and which of them
 * are "new information" the plan must be sent (docs/rules/plan-case-file.md,
 * "New information from the applicant"; ADR 0015):
 * - from filing until acceptance, a document simply joins the case;
 * - from acceptance, each document is new information, forwarded to the plan;
 * - the window closes the profile's `applicantInformation` time after the
 *   first reviewer is assigned (accepted and attested), and with the review.
 * Answers to the organization's own requests for information are not bound
 * by the window: each has its due date.
 */
import { can } from "../case-actions";
import { STATUS_LABELS, type CaseStatus } from "../case-status";
import { addRuleDuration, type DeadlineCalendar } from "../deadlines/calendar";
import { formatDeadlineTime } from "../deadlines/case-deadlines";
import { describeDuration, type RuleDuration } from "../rule-profiles";

export type ApplicantDocumentWindow =
  /** Filed, not accepted yet: documents join the case. */
  | { state: "joins_case"; opensAt: Date }
  /** Accepted: documents are new information; `closesAt` is null until a reviewer is assigned. */
  | { state: "new_information"; opensAt: Date; closesAt: Date | null }
  /** The window ran out after the assignment. */
  | { state: "closed"; opensAt: Date; closesAt: Date }
  /** The review is over (or never started): nothing more is added. */
  | { state: "review_over"; status: CaseStatus };

export interface WindowFacts {
  status: CaseStatus;
  filedAt: Date | null;
  /** When the first reviewer accepted and attested; null before. */
  assignedAt: Date | null;
  /** The profile's `applicantInformation` rule. */
  rule: RuleDuration;
}

export function applicantDocumentWindow(facts: WindowFacts, calendar: DeadlineCalendar, at: Date): ApplicantDocumentWindow {
  if (!can("addDocument", facts.status, ["APPLICANT"]) || facts.filedAt === null) return { state: "review_over", status: facts.status };
  const opensAt = facts.filedAt;
  if (!can("addNewInformation", facts.status, ["APPLICANT"])) return { state: "joins_case", opensAt };
  const closesAt = facts.assignedAt ? addRuleDuration(facts.assignedAt, facts.rule, calendar) : null;
  // The closing time itself still counts, as for every deadline.
  if (closesAt && at.getTime() > closesAt.getTime()) return { state: "closed", opensAt, closesAt };
  return { state: "new_information", opensAt, closesAt };
}

export function windowIsOpen(window: ApplicantDocumentWindow): window is Extract<ApplicantDocumentWindow, { state: "joins_case" | "new_information" }> {
  return window.state === "joins_case" || window.state === "new_information";
}

/** A document added now (in the window, or answering a request once it closed) goes to the plan as new information. */
export function isNewInformation(window: ApplicantDocumentWindow): boolean {
  return window.state === "new_information" || window.state === "closed";
}

export interface WindowText {
  opens: string | null;
  closes: string | null;
  /** What adding a document now does, or why it cannot be done. */
  explanation: string;
}

/** The window in the applicant's words, times in the organization's zone. */
export function describeWindow(window: ApplicantDocumentWindow, rule: RuleDuration, timeZone: string): WindowText {
  const after = `${describeDuration(rule)} after a reviewer is assigned`;
  switch (window.state) {
    case "joins_case":
      return {
        opens: formatDeadlineTime(window.opensAt, timeZone),
        closes: `${after} (your request is not accepted yet)`,
        explanation:
          "Documents you add now join your request for the review organization to consider. Once your request is accepted, anything you add is also sent to your health plan.",
      };
    case "new_information":
      return {
        opens: formatDeadlineTime(window.opensAt, timeZone),
        closes: window.closesAt ? formatDeadlineTime(window.closesAt, timeZone) : `${after} (no reviewer is assigned yet)`,
        explanation:
          "Your request is accepted: a document you add now is new information. We send it to your health plan within 1 business day, and the plan may reconsider its denial.",
      };
    case "closed":
      return {
        opens: formatDeadlineTime(window.opensAt, timeZone),
        closes: formatDeadlineTime(window.closesAt, timeZone),
        explanation: windowClosedMessage(window, rule, timeZone),
      };
    case "review_over":
      return { opens: null, closes: null, explanation: reviewOverMessage(window.status) };
  }
}

/** Why an upload outside the window is refused: shown on the page and answered by the server. */
export function windowClosedMessage(window: Extract<ApplicantDocumentWindow, { state: "closed" }>, rule: RuleDuration, timeZone: string): string {
  return `The window to add documents closed on ${formatDeadlineTime(window.closesAt, timeZone)}, ${describeDuration(rule)} after a reviewer was assigned. If the review organization asks you for information, answer its request; otherwise contact the review organization.`;
}

export function reviewOverMessage(status: CaseStatus): string {
  return `This request is "${STATUS_LABELS[status]}", so documents can no longer be added to it. Contact the review organization if something is missing.`;
}
