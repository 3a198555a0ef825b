/**
 * Record retention (docs/rules/records-audit-reports.md, "Record retention"):
 * each rule profile says how long a case's records are kept after the case
 * ended. Pure: the server hands in the dates.
 */
import { addMonthsClamped } from "./deadlines/calendar";
import type { LocalDate } from "./deadlines/time-zone";
import type { RuleDuration } from "./rule-profiles";
import type { CaseStatus } from "./case-status";

/** The administrator's retention page lists at most this many cases of each stage, and a purge is confirmed for at most as many at once. */
export const RETENTION_LIST_LIMIT = 100;

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

/**
 * Where a case stands in its retention. A legal hold outranks everything;
 * then the case is kept while its retention runs, archived the day after,
 * and purged only once an administrator confirmed it (docs/rules/records-audit-reports.md).
 */
export type RetentionStage = "kept" | "due-to-archive" | "due-for-purge" | "purge-confirmed" | "held";

export interface RetentionFacts {
  keptUntil: LocalDate;
  archived: boolean;
  held: boolean;
  purgeConfirmed: boolean;
}

export function retentionStage(facts: RetentionFacts, today: LocalDate): RetentionStage {
  if (facts.held) return "held";
  if (!isPastRetention(facts.keptUntil, today)) return "kept";
  if (!facts.archived) return "due-to-archive";
  return facts.purgeConfirmed ? "purge-confirmed" : "due-for-purge";
}

/** An administrator may confirm the purge of an archived case past retention and not held, once. */
export function mayConfirmPurge(facts: RetentionFacts, today: LocalDate): boolean {
  return retentionStage(facts, today) === "due-for-purge";
}

/** The job purges a case only if, at that instant, it is still archived, past retention, confirmed and not held. */
export function mayPurge(facts: RetentionFacts, today: LocalDate): boolean {
  return retentionStage(facts, today) === "purge-confirmed";
}
