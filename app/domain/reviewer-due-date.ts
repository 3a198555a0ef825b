/**
 * The reviewer's internal due date: the day the organization wants a
 * reviewer's determination, set by the coordinator. It is the organization's
 * own margin, not a regulatory deadline: it must fall before the case's
 * decision is due, so quality review and the letter fit in between. A date
 * means its whole local day (due by 23:59:59), like every day-based deadline.
 */
import { endOfLocalDate, isBusinessDay, type DeadlineCalendar } from "./deadlines/calendar";
import { addDaysToLocalDate, isRealLocalDate, localDate, type LocalDate } from "./deadlines/time-zone";
import { formatLocalDate } from "./rule-profiles";

/** How many business days before the decision is due the suggested date falls: time for quality review and the letter. */
export const REVIEWER_DUE_MARGIN_BUSINESS_DAYS = 2;

/**
 * The date offered by default: REVIEWER_DUE_MARGIN_BUSINESS_DAYS business
 * days before the decision's due date, or today when that has passed (an
 * expedited case), or null when even today ends after the decision is due.
 */
export function suggestedReviewerDueDate(decisionDueAt: Date, now: Date, calendar: DeadlineCalendar): LocalDate | null {
  let date = localDate(decisionDueAt, calendar.timeZone);
  for (let left = REVIEWER_DUE_MARGIN_BUSINESS_DAYS; left > 0;) {
    date = addDaysToLocalDate(date, -1);
    if (isBusinessDay(date, calendar.holidays)) left--;
  }
  const today = localDate(now, calendar.timeZone);
  const suggested = date < today ? today : date;
  return reviewerDueDateProblem(suggested, decisionDueAt, now, calendar.timeZone) === null ? suggested : null;
}

/** Why `date` cannot be the reviewer's internal due date, in the coordinator's words; null when it can. */
export function reviewerDueDateProblem(date: string, decisionDueAt: Date, now: Date, timeZone: string): string | null {
  if (!isRealLocalDate(date)) return "Enter the date as a day, month and year.";
  if (date < localDate(now, timeZone)) return "Choose today or a later date.";
  if (endOfLocalDate(date, timeZone).getTime() >= decisionDueAt.getTime()) {
    return `Choose a date before the decision is due (${formatLocalDate(localDate(decisionDueAt, timeZone))}): the internal date leaves time for quality review and the letter.`;
  }
  return null;
}

/** The instant the internal due date ends, which is what is stored. */
export function reviewerDueAt(date: LocalDate, timeZone: string): Date {
  return endOfLocalDate(date, timeZone);
}

/** The internal due date as the reviewer reads it: the organization's date, not the regulator's. */
export function reviewerDueText(internalDueAt: Date, timeZone: string): string {
  return `Due to us by ${formatLocalDate(localDate(internalDueAt, timeZone))}`;
}
