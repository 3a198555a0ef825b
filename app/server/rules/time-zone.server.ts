import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { audit } from "../audit.server";
import { DEFAULT_TIME_ZONE, forgetOrganizationCalendar } from "../deadlines/calendar.server";
import { db, type Tx } from "../db.server";
import type { Actor } from "../request-context.server";

const TIME_ZONE_KEY = "timeZone";

async function savedTimeZone(tx: Tx = db): Promise<string> {
  // Read past the calendar's one-minute cache: the page must show what is saved.
  const setting = await tx.setting.findUnique({ where: { key: TIME_ZONE_KEY }, select: { value: true } });
  return typeof setting?.value === "string" ? setting.value : DEFAULT_TIME_ZONE;
}

/** The organization's time zone, the clock there now, and every zone this runtime knows, by region. */
export async function timeZoneSettings(now: Date = new Date()) {
  const timeZone = await savedTimeZone();
  const zones = Intl.supportedValuesOf("timeZone");
  if (!zones.includes(timeZone)) zones.push(timeZone);
  const regions = new Map<string, string[]>();
  for (const zone of zones.sort()) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
    regions.set(region, [...(regions.get(region) ?? []), zone]);
  }
  return {
    timeZone,
    localNow: formatDeadlineTime(now, timeZone),
    regions: [...regions].map(([region, names]) => ({ region, zones: names })),
  };
}

/**
 * The zone business days and end-of-day deadlines are counted in. Deadlines
 * already running keep their due dates; new ones use the new zone.
 */
export async function setOrganizationTimeZone(timeZone: string, actor: Actor): Promise<{ changed: boolean }> {
  const changed = await db.$transaction(async (tx) => {
    const from = await savedTimeZone(tx);
    if (from === timeZone) return false;
    await tx.setting.upsert({ where: { key: TIME_ZONE_KEY }, create: { key: TIME_ZONE_KEY, value: timeZone }, update: { value: timeZone } });
    await audit(actor, { action: "settings.time_zone_changed", objectType: "Setting", objectId: TIME_ZONE_KEY, detail: { from, to: timeZone } }, tx);
    return true;
  });
  forgetOrganizationCalendar();
  return { changed };
}
