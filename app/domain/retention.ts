/**
 * Record retention (docs/rules/records-audit-reports.md, "Record retention"):
 * each rule profile says how long a case's records are kept after the case
 * ended. Pure: the server hands in the dates.
 */
import { addMonthsClamped } from "./deadlines/calendar";
import type { LocalDate } from "./deadlines/time-zone";
import type { RuleDuration } from "./rule-profiles";
import type { CaseStatus } from "./case-status";

/** The statuses in which a case has ended, and its retention runs. */
export const ENDED_STATUSES: readonly CaseStatus[] = ["CLOSED", "INELIGIBLE", "WITHDRAWN", "REVERSED_BY_PLAN"];

/** The last local date the records must be kept: the end date plus the retention, a 29 February ending on 28 February. */
export function retainedUntil(endedOn: LocalDate, retention: RuleDuration): LocalDate {
  if (retention.unit !== "months" && retention.unit !== "years") throw new RangeError(`Records are kept for months or years, not ${retention.unit}`);
  return addMonthsClamped(endedOn, retention.unit === "years" ? retention.amount * 12 : retention.amount);
}

/** Past retention from the day after the last day the records must be kept. */
export function isPastRetention(keptUntil: LocalDate, today: LocalDate): boolean {
  return today > keptUntil;
}
