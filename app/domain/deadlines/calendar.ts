/**
 * Deadline arithmetic (docs/rules/deadlines.md, "Time rules"). Pure: the organization's
 * time zone and holiday table come in as a DeadlineCalendar.
 *
 * Every day-based deadline ends at 23:59:59.000 local time, computed from the
 * local date, so a DST change between start and end never moves it by an
 * hour; an hour-based deadline is elapsed time and ignores the calendar.
 */
import type { RuleDuration } from "~/domain/rule-profiles";
import {
  civilFromDays,
  dayNumberOfLocalDate,
  daysFromCivil,
  daysInMonth,
  formatDayNumber,
  instantMsAtLocal,
  localDayNumberAt,
  MS_PER_HOUR,
  MS_PER_SECOND,
  weekdayOfDayNumber,
  type LocalDate,
} from "./time-zone";
import type { HolidayLookup } from "./holidays";

export interface DeadlineCalendar {
  /** IANA zone of the organization (setting; default America/New_York). */
  timeZone: string;
  /** The organization's days off, by local date "YYYY-MM-DD" (`organizationHolidays`, or a Set of dates). */
  holidays: HolidayLookup;
}

function isBusinessDayNumber(dayNumber: number, holidays: HolidayLookup): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  if (weekday === 0 || weekday === 6) return false;
  return !holidays.has(formatDayNumber(dayNumber));
}

/** Monday to Friday and not in `holidays`. */
export function isBusinessDay(date: LocalDate, holidays: HolidayLookup): boolean {
  return isBusinessDayNumber(dayNumberOfLocalDate(date), holidays);
}

/** 23:59:59.000 local on local day `dayNumber`. */
function endOfDayNumber(dayNumber: number, timeZone: string): number {
  // One second before the next day starts, not "wall clock 23:59:59": the two
  // differ only where a DST change sits at midnight, and this way the deadline
  // is the day's true last second (the later one if 23:59:59 happens twice).
  return instantMsAtLocal(dayNumber + 1, 0, timeZone, "compatible") - MS_PER_SECOND;
}

/** The last second (23:59:59.000 local) of `date` in `timeZone`. */
export function endOfLocalDate(date: LocalDate, timeZone: string): Date {
  return new Date(endOfDayNumber(dayNumberOfLocalDate(date), timeZone));
}

/** The last second (23:59:59.000 local) of the local date that contains `instant`. */
export function endOfLocalDay(instant: Date, timeZone: string): Date {
  return new Date(endOfDayNumber(localDayNumberAt(validMs(instant), timeZone), timeZone));
}

function addBusinessDayNumbers(dayNumber: number, count: number, holidays: HolidayLookup): number {
  let day = dayNumber;
  let left = count;
  // The start's own date never counts, even when it is a business day.
  while (left > 0) {
    day++;
    if (isBusinessDayNumber(day, holidays)) left--;
  }
  return day;
}

/** The `count`th business day after `date` (which itself never counts). */
export function addBusinessDays(date: LocalDate, count: number, holidays: HolidayLookup): LocalDate {
  assertAmount(count);
  return formatDayNumber(addBusinessDayNumbers(dayNumberOfLocalDate(date), count, holidays));
}

function addMonthsToDayNumber(dayNumber: number, months: number): number {
  const { year, month, day } = civilFromDays(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  // Aug 31 + 6 months has no Feb 31: clamp to the month's last day.
  return daysFromCivil(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** `date` plus `months`, clamped to the last day of a shorter month. */
export function addMonthsClamped(date: LocalDate, months: number): LocalDate {
  if (!Number.isSafeInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  return formatDayNumber(addMonthsToDayNumber(dayNumberOfLocalDate(date), months));
}

function validMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
  return ms;
}

function assertAmount(amount: number): void {
  // Rule profiles are admin-edited data: refuse nonsense rather than compute a wrong date.
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`A rule duration must be a whole number ≥ 0, got ${amount}`);
}

/**
 * When a rule's time runs out, counted from `start`:
 * - hours: exactly start + N hours of elapsed time (weekends, holidays and DST do not matter);
 * - calendar_days: end of the local date of start + N days;
 * - business_days: end of the Nth business day after start's local date;
 * - months / years: end of the local date N months / years later, clamped to a shorter month's last day.
 * An amount of 0 days/months/years means the end of start's own local date.
 */
export function addRuleDuration(start: Date, duration: RuleDuration, calendar: DeadlineCalendar): Date {
  const ms = validMs(start);
  const { amount, unit } = duration;
  assertAmount(amount);
  if (unit === "hours") return new Date(ms + amount * MS_PER_HOUR);
  const { timeZone } = calendar;
  const startDay = localDayNumberAt(ms, timeZone);
  let endDay: number;
  switch (unit) {
    case "calendar_days":
      endDay = startDay + amount;
      break;
    case "business_days":
      endDay = addBusinessDayNumbers(startDay, amount, calendar.holidays);
      break;
    case "months":
      endDay = addMonthsToDayNumber(startDay, amount);
      break;
    case "years":
      endDay = addMonthsToDayNumber(startDay, amount * 12);
      break;
    default: {
      const never: never = unit;
      throw new RangeError(`Unknown duration unit: ${String(never)}`);
    }
  }
  return new Date(endOfDayNumber(endDay, timeZone));
}
