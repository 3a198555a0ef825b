import { localDate } from "~/domain/deadlines/time-zone";
import { formatLocalDate } from "~/domain/rule-profiles";
import { HOLIDAY_YEARS, type HolidayInput } from "~/schemas/rules";
import { audit } from "../audit.server";
import { forgetOrganizationCalendar, organizationCalendar } from "../deadlines/calendar.server";
import { db } from "../db.server";
import { AppError } from "../errors.server";
import type { Actor } from "../request-context.server";

/** The Holiday table keys a date column by midnight UTC. */
function dateKey(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The holidays of `year` (this year in the organization's time zone when not given), and the years worth offering. */
export async function holidaysOfYear(year: number | undefined, now: Date = new Date()) {
  const { timeZone } = await organizationCalendar();
  const thisYear = Number(localDate(now, timeZone).slice(0, 4));
  const shown = year ?? thisYear;
  const [holidays, range] = await Promise.all([
    db.holiday.findMany({
      where: { date: { gte: dateKey(`${shown}-01-01`), lt: dateKey(`${shown + 1}-01-01`) } },
      orderBy: { date: "asc" },
      select: { date: true, name: true, source: true },
    }),
    db.holiday.aggregate({ _min: { date: true }, _max: { date: true } }),
  ]);
  const first = Math.max(HOLIDAY_YEARS.from, Math.min(shown, thisYear, range._min.date?.getUTCFullYear() ?? thisYear));
  const last = Math.min(HOLIDAY_YEARS.to, Math.max(shown, thisYear, range._max.date?.getUTCFullYear() ?? thisYear));
  return {
    year: shown,
    thisYear,
    years: Array.from({ length: last - first + 1 }, (_, index) => first + index),
    holidays: holidays.map((holiday) => {
      const date = isoDate(holiday.date);
      return { date, label: formatLocalDate(date), name: holiday.name, source: holiday.source };
    }),
  };
}

/**
 * A day off for the organization: new business-day deadlines skip it from now
 * on. Deadlines already running keep their due dates.
 */
export async function addHoliday(input: HolidayInput, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    // ON CONFLICT DO NOTHING: two admins adding the same day cannot both succeed.
    const { count } = await tx.holiday.createMany({ data: [{ date: dateKey(input.date), name: input.name, source: "ADMIN" }], skipDuplicates: true });
    if (count === 0) {
      const existing = await tx.holiday.findUnique({ where: { date: dateKey(input.date) }, select: { name: true } });
      throw new AppError("CONFLICT", `${formatLocalDate(input.date)} is already a holiday (${existing?.name ?? "another holiday"}).`, { field: "date" });
    }
    await audit(actor, { action: "holiday.added", objectType: "Holiday", objectId: input.date, detail: { name: input.name } }, tx);
  });
  forgetOrganizationCalendar();
}

/** Makes the day a business day again; answers the holiday removed, or null when it was already gone. */
export async function removeHoliday(date: string, actor: Actor): Promise<{ name: string } | null> {
  const removed = await db.$transaction(async (tx) => {
    const holiday = await tx.holiday.findUnique({ where: { date: dateKey(date) }, select: { name: true, source: true } });
    if (!holiday) return null;
    await tx.holiday.delete({ where: { date: dateKey(date) } });
    await audit(actor, { action: "holiday.removed", objectType: "Holiday", objectId: date, detail: { name: holiday.name, source: holiday.source } }, tx);
    return { name: holiday.name };
  });
  forgetOrganizationCalendar();
  return removed;
}
