/**
 * Dates a decision letter states must not contradict each other
 * (docs/rules/decision-letter.md, "Dates that agree"): a letter saying a
 * reviewer's opinion came after the decision, or a decision before the case
 * was received, is wrong on its face and is not issued. Pure: the caller
 * passes the case's dates and the counted opinions.
 */
import { formatDeadlineTime } from "./deadlines/case-deadlines";

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
