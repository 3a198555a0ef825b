/**
 * Instants <-> local calendar dates and wall-clock times in an IANA time zone.
 *
 * Intl.DateTimeFormat takes microseconds per call, far too slow to run for
 * every deadline, so a zone's UTC offset is asked of Intl once per UTC day and
 * cached; on the rare day with an offset change the exact instant of the
 * change is found by bisection and cached with it. Calendar arithmetic then
 * runs on plain day numbers (days since 1970-01-01), which is exact and fast.
 *
 * A LocalDate is always an ISO "YYYY-MM-DD" string: the same key the holiday
 * table uses, so no second representation leaks out of this module.
 */

export type LocalDate = string;

/** What to do with a wall-clock time that a DST change skips or repeats (the Temporal API's terms). */
export type Disambiguation = "compatible" | "earlier" | "later" | "reject";

export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

// ---------------------------------------------------------------------------
// Civil (proleptic Gregorian) calendar on day numbers.
// Howard Hinnant's algorithms: exact for any year, no Date object (whose
// Date.UTC maps years 0-99 to 1900-1999) and no time zone involved.

export interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday … 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOfDayNumber(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  const n = DAYS_IN_MONTH[month - 1];
  if (n === undefined) throw new RangeError(`Month out of range: ${month}`);
  return n;
}

// Two-digit strings, precomputed because formatting dates is on the hot path.
const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

function pad2(n: number): string {
  return PAD2[n] ?? String(n).padStart(2, "0");
}

function formatYear(year: number): string {
  if (year >= 0 && year <= 9999) return year < 1000 ? String(year).padStart(4, "0") : String(year);
  // ISO 8601 expanded years keep the string sortable and unambiguous.
  return (year < 0 ? "-" : "+") + String(Math.abs(year)).padStart(6, "0");
}

export function formatCivilDate(year: number, month: number, day: number): LocalDate {
  return `${formatYear(year)}-${pad2(month)}-${pad2(day)}`;
}

export function formatDayNumber(days: number): LocalDate {
  const c = civilFromDays(days);
  return formatCivilDate(c.year, c.month, c.day);
}

const LOCAL_DATE_RE = /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})$/;

/** Parses "YYYY-MM-DD", rejecting impossible dates such as 2026-02-30. */
export function parseLocalDate(date: LocalDate): CivilDate {
  const m = LOCAL_DATE_RE.exec(date);
  if (m === null) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`No such date: ${date}`);
  }
  return { year, month, day };
}

/** Whether `value` is a real four-digit-year "YYYY-MM-DD" date, as a person types one. */
export function isRealLocalDate(value: string): value is LocalDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
}

export function dayNumberOfLocalDate(date: LocalDate): number {
  const c = parseLocalDate(date);
  return daysFromCivil(c.year, c.month, c.day);
}

export function addDaysToLocalDate(date: LocalDate, days: number): LocalDate {
  return formatDayNumber(dayNumberOfLocalDate(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfLocalDate(date: LocalDate): number {
  return weekdayOfDayNumber(dayNumberOfLocalDate(date));
}

// ---------------------------------------------------------------------------
// Zone offsets, cached per UTC day.

// Intl is only trusted for years 1..9999: outside them en-US switches to era years.
const MIN_MS = daysFromCivil(1, 1, 2) * MS_PER_DAY;
const MAX_MS = daysFromCivil(9999, 12, 30) * MS_PER_DAY;
// A long-running server touching many distinct days should not grow without bound.
const MAX_CACHED_DAYS = 100_000;

interface DayOffsets {
  /** Offset (local minus UTC, ms) at the start of the UTC day. */
  before: number;
  /** Offset from `change` to the end of the day (equal to `before` on most days). */
  after: number;
  /** First instant with the `after` offset; +Infinity when the offset does not change that day. */
  change: number;
}

class Zone {
  private readonly formatter: Intl.DateTimeFormat;
  private readonly days = new Map<number, DayOffsets>();

  constructor(readonly name: string) {
    // Throws RangeError for an unknown zone, which is what callers should see.
    this.formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  }

  /** Offset in ms (local = UTC + offset) in force at the instant `ms`. */
  offsetAt(ms: number): number {
    const day = Math.floor(ms / MS_PER_DAY);
    const entry = this.days.get(day) ?? this.computeDay(day);
    return ms < entry.change ? entry.before : entry.after;
  }

  private computeDay(day: number): DayOffsets {
    const start = day * MS_PER_DAY;
    const last = start + MS_PER_DAY - MS_PER_SECOND;
    const before = this.intlOffset(start);
    const after = this.intlOffset(last);
    let change = Number.POSITIVE_INFINITY;
    if (before !== after) {
      // Offsets change at most once a day in practice, on a whole second.
      let lo = start;
      let hi = last;
      while (hi - lo > MS_PER_SECOND) {
        const mid = lo + Math.floor((hi - lo) / (2 * MS_PER_SECOND)) * MS_PER_SECOND;
        if (this.intlOffset(mid) === before) lo = mid;
        else hi = mid;
      }
      change = hi;
    }
    const entry: DayOffsets = { before, after, change };
    if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
    this.days.set(day, entry);
    return entry;
  }

  private intlOffset(ms: number): number {
    if (!(ms >= MIN_MS && ms <= MAX_MS)) throw new RangeError(`Instant out of the supported range (years 1-9999): ${ms}`);
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of this.formatter.formatToParts(ms)) {
      switch (part.type) {
        case "year":
          year = Number(part.value);
          break;
        case "month":
          month = Number(part.value);
          break;
        case "day":
          day = Number(part.value);
          break;
        case "hour":
          hour = Number(part.value);
          break;
        case "minute":
          minute = Number(part.value);
          break;
        case "second":
          second = Number(part.value);
          break;
        default:
          break;
      }
    }
    const wall = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * MS_PER_SECOND;
    return wall - ms;
  }
}

const zones = new Map<string, Zone>();
// Nearly every call uses the organization's one zone: skip the map for it.
let lastZone: Zone | undefined;

function zoneFor(timeZone: string): Zone {
  if (lastZone !== undefined && lastZone.name === timeZone) return lastZone;
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = new Zone(timeZone);
    zones.set(timeZone, zone);
  }
  lastZone = zone;
  return zone;
}

function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
  return ms;
}

// ---------------------------------------------------------------------------
// Fast paths on numbers, for the calendar arithmetic.

/** Offset in ms (local = UTC + offset) at the instant `ms`. */
function offsetMsAt(ms: number, timeZone: string): number {
  return zoneFor(timeZone).offsetAt(ms);
}

/** The local date (as a day number) at the instant `ms`. */
export function localDayNumberAt(ms: number, timeZone: string): number {
  return Math.floor((ms + zoneFor(timeZone).offsetAt(ms)) / MS_PER_DAY);
}

/**
 * The instant (ms) when the local wall clock shows `secondOfDay` on local day
 * `dayNumber`. Skipped times (spring forward) and repeated times (fall back)
 * follow `disambiguation` like Temporal: "compatible" takes the earlier of a
 * repeated time and moves a skipped time forward by the length of the gap.
 */
export function instantMsAtLocal(dayNumber: number, secondOfDay: number, timeZone: string, disambiguation: Disambiguation = "compatible"): number {
  const zone = zoneFor(timeZone);
  const wall = dayNumber * MS_PER_DAY + secondOfDay * MS_PER_SECOND;
  // Offsets a day either side bracket any candidate (offsets stay within ±18 h).
  const before = zone.offsetAt(wall - MS_PER_DAY);
  const after = zone.offsetAt(wall + MS_PER_DAY);
  if (before === after) {
    const candidate = wall - before;
    if (zone.offsetAt(candidate) === before) return candidate;
  }
  const withBefore = wall - before;
  const withAfter = wall - after;
  const beforeValid = zone.offsetAt(withBefore) === before;
  const afterValid = zone.offsetAt(withAfter) === after;
  if (beforeValid && afterValid && withBefore !== withAfter) {
    // Fall back: the wall time happens twice.
    if (disambiguation === "reject") throw new RangeError(`${formatDayNumber(dayNumber)} ${formatSecondOfDay(secondOfDay)} is ambiguous in ${timeZone}`);
    return disambiguation === "later" ? Math.max(withBefore, withAfter) : Math.min(withBefore, withAfter);
  }
  if (beforeValid) return withBefore;
  if (afterValid) return withAfter;
  // Spring forward: the wall time never happens. Offsets grew, so withAfter < withBefore.
  if (disambiguation === "reject") throw new RangeError(`${formatDayNumber(dayNumber)} ${formatSecondOfDay(secondOfDay)} does not exist in ${timeZone}`);
  return disambiguation === "earlier" ? Math.min(withBefore, withAfter) : Math.max(withBefore, withAfter);
}

function formatSecondOfDay(secondOfDay: number): string {
  const h = Math.floor(secondOfDay / 3600);
  const m = Math.floor((secondOfDay % 3600) / 60);
  return `${pad2(h)}:${pad2(m)}:${pad2(secondOfDay % 60)}`;
}

// ---------------------------------------------------------------------------
// Public API on Date and LocalDate.

/** The local calendar date in `timeZone` at `instant`. */
export function localDate(instant: Date, timeZone: string): LocalDate {
  return formatDayNumber(localDayNumberAt(instantMs(instant), timeZone));
}

export interface LocalDateTime extends CivilDate {
  date: LocalDate;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** Local minus UTC, in minutes (e.g. -300 for EST). */
  offsetMinutes: number;
}

/** The local wall-clock reading in `timeZone` at `instant`. */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const ms = instantMs(instant);
  const offset = zoneFor(timeZone).offsetAt(ms);
  const local = ms + offset;
  const dayNumber = Math.floor(local / MS_PER_DAY);
  const msOfDay = local - dayNumber * MS_PER_DAY;
  const civil = civilFromDays(dayNumber);
  return {
    ...civil,
    date: formatCivilDate(civil.year, civil.month, civil.day),
    hour: Math.floor(msOfDay / MS_PER_HOUR),
    minute: Math.floor((msOfDay % MS_PER_HOUR) / MS_PER_MINUTE),
    second: Math.floor((msOfDay % MS_PER_MINUTE) / MS_PER_SECOND),
    millisecond: msOfDay % MS_PER_SECOND,
    weekday: weekdayOfDayNumber(dayNumber),
    offsetMinutes: offset / MS_PER_MINUTE,
  };
}

/**
 * The instant when the wall clock in `timeZone` shows `hour:minute:second` on
 * `date`. See instantMsAtLocal for skipped and repeated times.
 */
export function instantAt(
  date: LocalDate,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
  disambiguation: Disambiguation = "compatible",
): Date {
  if (!isIntIn(hour, 0, 23) || !isIntIn(minute, 0, 59) || !isIntIn(second, 0, 59)) {
    throw new RangeError(`Not a time of day: ${hour}:${minute}:${second}`);
  }
  return new Date(instantMsAtLocal(dayNumberOfLocalDate(date), (hour * 60 + minute) * 60 + second, timeZone, disambiguation));
}

function isIntIn(n: number, min: number, max: number): boolean {
  return Number.isInteger(n) && n >= min && n <= max;
}

/** The offset in force in `timeZone` at `instant`, in minutes (local minus UTC). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  return offsetMsAt(instantMs(instant), timeZone) / MS_PER_MINUTE;
}

/**
 * ISO 8601 with the zone's local offset, e.g. "2027-01-06T23:59:59-05:00".
 * Milliseconds appear only when not zero (deadlines never have them), and a
 * zero offset is "+00:00" rather than "Z" because it is a local time.
 */
export function formatOffsetIso(instant: Date, timeZone: string): string {
  const t = localDateTime(instant, timeZone);
  const ms = t.millisecond === 0 ? "" : `.${String(t.millisecond).padStart(3, "0")}`;
  // Pre-1900 local mean time offsets have seconds; ISO offsets cannot show them, so round.
  const total = Math.round(t.offsetMinutes);
  const sign = total < 0 ? "-" : "+";
  const abs = Math.abs(total);
  return `${t.date}T${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}${ms}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
