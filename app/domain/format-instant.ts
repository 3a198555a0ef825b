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

export function formatInstant(at: Date | string, timeZone: string, style: InstantStyle = "dateTime"): string {
  const instant = new Date(at);
  const options: Intl.DateTimeFormatOptions = STYLES[style];
  const text = cached(`${timeZone} ${style}`, () => new Intl.DateTimeFormat("en-US", { ...options, timeZone })).format(instant);
  if (style === "date") return text;
  // dateStyle and timeZoneName cannot share one format: the zone's name comes from its own.
  const zone = cached(`${timeZone} zone`, () => new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" }));
  const zoneName = zone.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value;
  return zoneName ? `${text} ${zoneName}` : text;
}
