import type { DeadlineCalendar } from "~/domain/deadlines/calendar";
import { organizationHolidays } from "~/domain/deadlines/holidays";
import { db, type Tx } from "../db.server";

export const DEFAULT_TIME_ZONE = "America/New_York";
const CACHE_MS = 60_000;

let cached: { calendar: DeadlineCalendar; loadedAt: number } | undefined;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The organization's calendar: its time zone (setting) and holidays (the
 * federal ones by rule, with the administrator's changes from the table).
 * Cached for a minute; an admin change clears it at once in this process.
 */
export async function organizationCalendar(tx: Tx = db): Promise<DeadlineCalendar> {
  if (cached && Date.now() - cached.loadedAt < CACHE_MS) return cached.calendar;
  const [setting, holidays] = await Promise.all([
    tx.setting.findUnique({ where: { key: "timeZone" }, select: { value: true } }),
    tx.holiday.findMany({ select: { date: true, removedAt: true } }),
  ]);
  const timeZone = typeof setting?.value === "string" ? setting.value : DEFAULT_TIME_ZONE;
  const added = holidays.filter((holiday) => holiday.removedAt === null).map((holiday) => isoDate(holiday.date));
  const removed = holidays.filter((holiday) => holiday.removedAt !== null).map((holiday) => isoDate(holiday.date));
  const calendar = { timeZone, holidays: organizationHolidays(added, removed) };
  cached = { calendar, loadedAt: Date.now() };
  return calendar;
}

export function forgetOrganizationCalendar(): void {
  cached = undefined;
}
