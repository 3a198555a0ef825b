/**
 * The filing window (docs/rules/filing.md, "Filing window"): a request is due within the
 * profile's window after the date of the plan's final denial. Filing later is
 * allowed but flagged for the coordinator, who may accept it for good cause.
 * Pure: dates are local dates in the organization's time zone.
 */
import { addBusinessDays, addMonthsClamped } from "~/domain/deadlines/calendar";
import type { HolidayLookup } from "~/domain/deadlines/holidays";
import { addDaysToLocalDate, type LocalDate } from "~/domain/deadlines/time-zone";
import type { RuleDuration } from "~/domain/rule-profiles";

const HOURS_PER_DAY = 24;

/**
 * The last local date a request is in time. Months and years are calendar
 * months, clamped at a shorter month's end: a denial of 31 October with a
 * 4-month window may be filed until 28 February (29 in a leap year).
 */
export function lastDayToFile(denialDate: LocalDate, window: RuleDuration, holidays: HolidayLookup = new Set()): LocalDate {
  switch (window.unit) {
    case "months":
      return addMonthsClamped(denialDate, window.amount);
    case "years":
      return addMonthsClamped(denialDate, window.amount * 12);
    case "calendar_days":
      return addDaysToLocalDate(denialDate, window.amount);
    case "business_days":
      return addBusinessDays(denialDate, window.amount, holidays);
    case "hours":
      // A window in hours is counted in whole days: a denial has a date, not a time.
      return addDaysToLocalDate(denialDate, Math.ceil(window.amount / HOURS_PER_DAY));
  }
}

/** Whether a request filed on `filedOn` comes after the window that started on `denialDate`. */
export function isFiledLate(denialDate: LocalDate, filedOn: LocalDate, window: RuleDuration, holidays?: HolidayLookup): boolean {
  // ISO dates compare correctly as strings.
  return filedOn > lastDayToFile(denialDate, window, holidays);
}
