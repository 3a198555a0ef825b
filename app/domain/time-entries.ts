import { can } from "./case-actions";
import type { CaseStatus } from "./case-status";
import type { AssignmentStatus } from "./matching";

/**
 * A reviewer's time on a case, logged for the organization's billing
 * (docs/rules/reviewers.md, "Time spent"). Pure: the limits of an entry and
 * of a case, and when the entries are locked.
 */
export const TIME_LIMITS = {
  /** One entry: a minute at least, a long working day (10 hours) at most. */
  entryMinutes: { min: 1, max: 600 },
  /** Everything one reviewer logs on one case: 100 hours, far past any review, so a slip of the keyboard is caught. */
  caseMinutes: 6_000,
  activity: 200,
} as const;

/**
 * Whether the reviewer may log, change or remove time on the case now: their
 * assignment still held (accepted, not replaced) and the case not yet decided
 * (CASE_ACTIONS.logTime). From the decision on, the entries are locked for billing.
 */
export function timeLogOpen(caseStatus: CaseStatus, assignmentStatus: AssignmentStatus): boolean {
  return assignmentStatus === "ACCEPTED" && can("logTime", caseStatus, ["REVIEWER"]);
}

/**
 * Why an entry of `minutes` cannot be kept, given the minutes the reviewer
 * already logged on the case without it (`otherMinutes`); null when it can.
 */
export function entryRefusal(minutes: number, otherMinutes: number): string | null {
  const { min, max } = TIME_LIMITS.entryMinutes;
  if (!Number.isInteger(minutes) || minutes < min || minutes > max) return `Enter whole minutes from ${min} to ${max} (10 hours) for one entry.`;
  const room = TIME_LIMITS.caseMinutes - otherMinutes;
  if (minutes > room) {
    return `This would bring your time on the case past ${formatMinutes(TIME_LIMITS.caseMinutes)}: you can log ${formatMinutes(Math.max(room, 0))} more. Ask the coordinator if the case needed more.`;
  }
  return null;
}

export function totalMinutes(entries: readonly { minutes: number }[]): number {
  return entries.reduce((sum, entry) => sum + entry.minutes, 0);
}

/** 45 → "45 minutes", 90 → "1 hour 30 minutes", 120 → "2 hours". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [hours ? `${hours} ${hours === 1 ? "hour" : "hours"}` : null, rest || !hours ? `${rest} ${rest === 1 ? "minute" : "minutes"}` : null];
  return parts.filter(Boolean).join(" ");
}

/**
 * The minutes a running timer offers to fill in: the time the page was open
 * and in view, rounded to the nearest minute, within one entry's limits.
 */
export function timerMinutes(activeMs: number): number {
  const { min, max } = TIME_LIMITS.entryMinutes;
  return Math.min(max, Math.max(min, Math.round(activeMs / 60_000)));
}
