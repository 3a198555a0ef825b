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
import { translateMessage, translator } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import { can } from "../case-actions";
import { STATUS_LABELS, type CaseStatus } from "../case-status";
import { addRuleDuration, type DeadlineCalendar } from "../deadlines/calendar";
import { formatDeadlineTime } from "../deadlines/case-deadlines";
import { durationWords } from "../duration-words";
import type { RuleDuration } from "../rule-profiles";

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

/** The window in the applicant's words and language, times in the organization's zone. */
export function describeWindow(window: ApplicantDocumentWindow, rule: RuleDuration, timeZone: string, locale: Locale = "en"): WindowText {
  const t = translator(locale);
  const time = (at: Date) => formatDeadlineTime(at, timeZone, locale);
  const duration = durationWords(t, rule);
  switch (window.state) {
    case "joins_case":
      return {
        opens: time(window.opensAt),
        closes: t("{duration} after a reviewer is assigned (your request is not accepted yet)", { duration }),
        explanation: t(
          "Documents you add now join your request for the review organization to consider. Once your request is accepted, anything you add is also sent to your health plan.",
        ),
      };
    case "new_information":
      return {
        opens: time(window.opensAt),
        closes: window.closesAt ? time(window.closesAt) : t("{duration} after a reviewer is assigned (no reviewer is assigned yet)", { duration }),
        explanation: t(
          "Your request is accepted: a document you add now is new information. We send it to your health plan within 1 business day, and the plan may reconsider its denial.",
        ),
      };
    case "closed":
      return { opens: time(window.opensAt), closes: time(window.closesAt), explanation: windowClosedMessage(window, rule, timeZone, locale) };
    case "review_over":
      return { opens: null, closes: null, explanation: reviewOverMessage(window.status, locale) };
  }
}

/** Why an upload outside the window is refused: shown on the page and answered by the server. */
export function windowClosedMessage(
  window: Extract<ApplicantDocumentWindow, { state: "closed" }>,
  rule: RuleDuration,
  timeZone: string,
  locale: Locale = "en",
): string {
  const t = translator(locale);
  return t(
    "The window to add documents closed on {time}, {duration} after a reviewer was assigned. If the review organization asks you for information, answer its request; otherwise contact the review organization.",
    { time: formatDeadlineTime(window.closesAt, timeZone, locale), duration: durationWords(t, rule) },
  );
}

export function reviewOverMessage(status: CaseStatus, locale: Locale = "en"): string {
  const t = translator(locale);
  return t('This request is "{status}", so documents can no longer be added to it. Contact the review organization if something is missing.', {
    status: translateMessage(t, STATUS_LABELS[status]),
  });
}
