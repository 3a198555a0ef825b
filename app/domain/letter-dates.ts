/**
 * Dates a decision letter states must not contradict each other
 * (docs/rules/decision-letter.md, "Dates that agree"): a letter saying a
 * reviewer's opinion came after the decision, or a decision before the case
 * was received, is wrong on its face and is not issued. Pure: the caller
 * passes the case's dates and the counted opinions.
 */
import type { Locale } from "~/i18n/locales";
import { formatDeadlineTime } from "./deadlines/case-deadlines";
import { localDate, parseLocalDate, type LocalDate } from "./deadlines/time-zone";
import { formatInstant } from "./format-instant";
import { formatLocalDate } from "./rule-profiles";

export interface LetterDates {
  /** When the organization received the request. */
  receivedAt: Date;
  /** The date of the decision: when the first letter was (or is being) issued. */
  decidedAt: Date;
  opinions: readonly { number: number; submittedAt: Date }[];
}

/** Each contradiction in words, for the coordinator; empty when the dates agree. */
export function letterDateContradictions(dates: LetterDates, timeZone: string): string[] {
  const when = (instant: Date) => formatDeadlineTime(instant, timeZone);
  const problems: string[] = [];
  if (dates.decidedAt < dates.receivedAt)
    problems.push(`The decision (${when(dates.decidedAt)}) would be dated before the case was received (${when(dates.receivedAt)}).`);
  const panel = dates.opinions.length > 1;
  for (const opinion of dates.opinions) {
    if (opinion.submittedAt > dates.decidedAt)
      problems.push(
        `${panel ? `Reviewer ${opinion.number}'s opinion` : "The reviewer's opinion"} (${when(opinion.submittedAt)}) is dated after the decision (${when(dates.decidedAt)}).`,
      );
  }
  return problems;
}

const MONTH_NAMES_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"] as const;

/**
 * A day as a letter in that language states it: "Tue 3 Feb 2026" in
 * English (as the portal writes every date), "3 de febrero de 2026" in
 * Spanish, as a letter in Spanish is dated.
 */
export function letterDay(date: LocalDate, locale: Locale): string {
  if (locale === "en") return formatLocalDate(date);
  const { year, month, day } = parseLocalDate(date);
  return `${day} de ${MONTH_NAMES_ES[month - 1] ?? ""} de ${year}`;
}

/** The day an instant falls on in the organization's zone, as the letter states it. */
export function letterDayOf(instant: Date, timeZone: string, locale: Locale): string {
  return letterDay(localDate(instant, timeZone), locale);
}

/** A deadline to the minute: "Sat 5 Dec 2026, 11:59 PM EST"; "sáb 5 dic 2026, 11:59 p. m. ET". */
export function letterDeadline(instant: Date, timeZone: string, locale: Locale): string {
  return locale === "en" ? formatDeadlineTime(instant, timeZone) : formatInstant(instant, timeZone, "dateTime", locale);
}
