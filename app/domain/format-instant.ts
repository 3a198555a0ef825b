import type { Locale } from "~/i18n/locales";
import { localDateTime, parseLocalDate, weekdayOfLocalDate, type LocalDate } from "./deadlines/time-zone";

/**
 * An instant as the organization reads it: in its time zone (a setting), with
 * the zone's short name whenever a time is shown. The server and the browser
 * are given the same zone, so the text they render is the same.
 */
const STYLES = {
  /** Dec 5, 2026 */
  date: { dateStyle: "medium" },
  /** Dec 5, 2026, 2:04 PM EST */
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  /** 2:04 PM EST: within the day, such as when a draft was saved */
  time: { timeStyle: "short" },
  /** Dec 5, 2026, 2:04:31 PM EST: logs, where seconds order the entries */
  dateTimeSeconds: { dateStyle: "medium", timeStyle: "medium" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type InstantStyle = keyof typeof STYLES;

const formats = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

export function formatInstant(at: Date | string, timeZone: string, style: InstantStyle = "dateTime", locale: Locale = "en"): string {
  const instant = new Date(at);
  if (locale === "es") return formatInstantInSpanish(instant, timeZone, style);
  const options: Intl.DateTimeFormatOptions = STYLES[style];
  const text = cached(`${timeZone} ${style}`, () => new Intl.DateTimeFormat("en-US", { ...options, timeZone })).format(instant);
  if (style === "date") return text;
  const zone = zoneName(instant, timeZone);
  return zone ? `${text} ${zone}` : text;
}

/** "EST", "EDT", "GMT+1": dateStyle and timeZoneName cannot share one format, so the zone's name comes from its own. */
function zoneName(instant: Date, timeZone: string): string {
  const zone = cached(`${timeZone} zone`, () => new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" }));
  return zone.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "";
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const WEEKDAYS_ES = ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"] as const;
const MONTHS_ES = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"] as const;

/** "ET", "PT": the zone as Spanish-language notices in the United States write it, whatever the season. */
function genericZoneName(instant: Date, timeZone: string): string {
  const zone = cached(`${timeZone} generic`, () => new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "shortGeneric" }));
  return zone.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "";
}

/** "11:59 p. m.": the 12-hour clock of Spanish in the United States. */
function spanishTime(local: ReturnType<typeof localDateTime>, seconds: boolean): string {
  const hour12 = local.hour % 12 === 0 ? 12 : local.hour % 12;
  const second = seconds ? `:${String(local.second).padStart(2, "0")}` : "";
  return `${hour12}:${String(local.minute).padStart(2, "0")}${second} ${local.hour < 12 ? "a. m." : "p. m."}`;
}

/**
 * "sáb 5 dic 2026, 11:59 p. m. ET", written from the zone's wall clock like
 * the table's dates: Intl's Spanish differs between the server's ICU and the
 * browser's, and the two must render the same text.
 */
function formatInstantInSpanish(instant: Date, timeZone: string, style: InstantStyle): string {
  const local = localDateTime(instant, timeZone);
  const date = `${local.day} ${MONTHS_ES[local.month - 1]} ${local.year}`;
  if (style === "date") return date;
  const zone = genericZoneName(instant, timeZone);
  const time = `${spanishTime(local, style === "dateTimeSeconds")} ${zone}`.trimEnd();
  return style === "time" ? time : `${WEEKDAYS_ES[local.weekday]} ${date}, ${time}`;
}

/** "sáb 5 dic 2026": a day of the organization's calendar (a draft's last save), as Spanish pages write it. */
export function formatLocalDateInSpanish(date: LocalDate): string {
  const { year, month, day } = parseLocalDate(date);
  return `${WEEKDAYS_ES[weekdayOfLocalDate(date)]} ${day} ${MONTHS_ES[month - 1]} ${year}`;
}

/** A cell's date and its tooltip: short to scan down a column, in full (year and zone) to check one. */
export interface TableInstant {
  /** "Sat 5 Dec, 11:59 PM"; "Tue 29 Dec 2025, 9:00 AM" when its year is not the reference's */
  text: string;
  /** "Sat 5 Dec 2026, 11:59 PM EST" (with the seconds for a log) */
  title: string;
}

/**
 * An instant for a table cell. The year is left out when it is the year the
 * reference instant (the request's, given by the page, never the clock at
 * render: the server and the browser must write the same text) falls in,
 * both read in the organization's zone. Built from the zone's wall clock
 * rather than Intl's en-US output, whose spacing differs between the
 * runtime's ICU and the browser's.
 */
export function formatTableInstant(
  at: Date | string,
  timeZone: string,
  reference: Date | string,
  precision: "minute" | "second" = "minute",
  locale: Locale = "en",
): TableInstant {
  const instant = new Date(at);
  const local = localDateTime(instant, timeZone);
  const sameYear = localDateTime(new Date(reference), timeZone).year === local.year;
  if (locale === "es") {
    const day = `${WEEKDAYS_ES[local.weekday]} ${local.day} ${MONTHS_ES[local.month - 1]}`;
    const time = spanishTime(local, false);
    return {
      text: sameYear ? `${day}, ${time}` : `${day} ${local.year}, ${time}`,
      title: `${day} ${local.year}, ${spanishTime(local, precision === "second")} ${genericZoneName(instant, timeZone)}`.trimEnd(),
    };
  }
  const hour12 = local.hour % 12 === 0 ? 12 : local.hour % 12;
  const minute = String(local.minute).padStart(2, "0");
  // The portal's own order, as in every deadline it writes: "Sat 5 Dec".
  const day = `${WEEKDAYS[local.weekday]} ${local.day} ${MONTHS[local.month - 1]}`;
  const meridiem = local.hour < 12 ? "AM" : "PM";
  const time = `${hour12}:${minute} ${meridiem}`;
  // Logs keep the seconds in the full form: they order entries of the same minute.
  const fullTime = precision === "second" ? `${hour12}:${minute}:${String(local.second).padStart(2, "0")} ${meridiem}` : time;
  return {
    text: sameYear ? `${day}, ${time}` : `${day} ${local.year}, ${time}`,
    title: `${day} ${local.year}, ${fullTime} ${zoneName(instant, timeZone)}`.trimEnd(),
  };
}
