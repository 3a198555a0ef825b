/**
 * US federal holidays (5 U.S.C. 6103), computed for any year: the
 * organization's holidays are these, plus the days an administrator added,
 * less the federal days an administrator removed (`organizationHolidays`).
 * The rules are today's; only Juneteenth's start (2021) is modelled, not
 * earlier history (e.g. MLK Day before 1986).
 */
import { daysFromCivil, formatCivilDate, formatDayNumber, weekdayOfDayNumber } from "./time-zone";

export interface FederalHoliday {
  /** The day offices close (YYYY-MM-DD): a Saturday holiday moves to Friday, a Sunday one to Monday. */
  date: string;
  /** The holiday's own date (YYYY-MM-DD). */
  actualDate: string;
  name: string;
}

const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;
const SUNDAY = 0;

/** Day number of the nth (1-based) given weekday of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = daysFromCivil(year, month, 1);
  return first + ((weekday - weekdayOfDayNumber(first) + 7) % 7) + (n - 1) * 7;
}

function lastWeekday(year: number, month: number, weekday: number): number {
  const nextMonthFirst = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
  const last = nextMonthFirst - 1;
  return last - ((weekdayOfDayNumber(last) - weekday + 7) % 7);
}

function fixed(year: number, month: number, day: number, name: string): FederalHoliday {
  const actual = daysFromCivil(year, month, day);
  const weekday = weekdayOfDayNumber(actual);
  const observed = weekday === SATURDAY ? actual - 1 : weekday === SUNDAY ? actual + 1 : actual;
  return { date: formatDayNumber(observed), actualDate: formatCivilDate(year, month, day), name };
}

function floating(day: number, name: string): FederalHoliday {
  const date = formatDayNumber(day);
  return { date, actualDate: date, name };
}

/**
 * The federal holidays of `year` (by their actual date), sorted by observed
 * date. New Year's Day on a Saturday is observed on Dec 31 of the year
 * before, so that entry's `date` lies outside `year`: a caller building a
 * holiday set for a year should include the next year's holidays too.
 */
export function federalHolidays(year: number): FederalHoliday[] {
  if (!Number.isInteger(year) || year < 1 || year > 9998) throw new RangeError(`Year out of range: ${year}`);
  const list: FederalHoliday[] = [
    fixed(year, 1, 1, "New Year's Day"),
    floating(nthWeekday(year, 1, MONDAY, 3), "Birthday of Martin Luther King, Jr."),
    floating(nthWeekday(year, 2, MONDAY, 3), "Washington's Birthday"),
    floating(lastWeekday(year, 5, MONDAY), "Memorial Day"),
  ];
  if (year >= 2021) list.push(fixed(year, 6, 19, "Juneteenth National Independence Day"));
  list.push(
    fixed(year, 7, 4, "Independence Day"),
    floating(nthWeekday(year, 9, MONDAY, 1), "Labor Day"),
    floating(nthWeekday(year, 10, MONDAY, 2), "Columbus Day"),
    fixed(year, 11, 11, "Veterans Day"),
    floating(nthWeekday(year, 11, THURSDAY, 4), "Thanksgiving Day"),
    fixed(year, 12, 25, "Christmas Day"),
  );
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The holidays of every year from `fromYear` to `toYear` inclusive, sorted by observed date. */
export function federalHolidaysBetween(fromYear: number, toYear: number): FederalHoliday[] {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`Bad year range: ${fromYear}..${toYear}`);
  }
  const all: FederalHoliday[] = [];
  for (let year = fromYear; year <= toYear; year++) all.push(...federalHolidays(year));
  // Already in order: each year's list is sorted and only its first entry can move back to Dec 31.
  return all;
}

/** The observed dates as a set, ready for `DeadlineCalendar.holidays`. */
export function federalHolidayDates(fromYear: number, toYear: number): Set<string> {
  return new Set(federalHolidaysBetween(fromYear, toYear).map((h) => h.date));
}

/** What a deadline asks of the holidays: is this local date ("YYYY-MM-DD") a day off? A Set of dates is one. */
export interface HolidayLookup {
  has(date: string): boolean;
}

const FIRST_YEAR = 1;
const LAST_YEAR = 9998;
// One entry per year asked about: at most LAST_YEAR sets of about eleven dates.
const observedByYear = new Map<number, ReadonlySet<string>>();

/** The federal holidays observed within `year`, including New Year's Day of the next year observed on 31 December. */
function federalObservedIn(year: number): ReadonlySet<string> {
  let dates = observedByYear.get(year);
  if (dates === undefined) {
    const prefix = `${String(year).padStart(4, "0")}-`;
    const candidates = year < LAST_YEAR ? [...federalHolidays(year), ...federalHolidays(year + 1)] : federalHolidays(year);
    dates = new Set(candidates.map((holiday) => holiday.date).filter((date) => date.startsWith(prefix)));
    observedByYear.set(year, dates);
  }
  return dates;
}

/** Whether `date` ("YYYY-MM-DD") is the observed date of a US federal holiday, by rule, in any year. */
export function isFederalHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) return false;
  return federalObservedIn(year).has(date);
}

/** The federal holiday observed on `date`, or null. */
export function federalHolidayOn(date: string): FederalHoliday | null {
  const year = Number(date.slice(0, 4));
  if (!isFederalHoliday(date)) return null;
  const candidates = year < LAST_YEAR ? [...federalHolidays(year), ...federalHolidays(year + 1)] : federalHolidays(year);
  return candidates.find((holiday) => holiday.date === date) ?? null;
}

/**
 * The organization's days off: every federal holiday's observed date, by
 * rule, in any year, plus `added`, less `removed` (the administrator's
 * changes, local dates "YYYY-MM-DD").
 */
export function organizationHolidays(added: Iterable<string>, removed: Iterable<string>): HolidayLookup {
  const plus = new Set(added);
  const minus = new Set(removed);
  return { has: (date) => plus.has(date) || (!minus.has(date) && isFederalHoliday(date)) };
}
