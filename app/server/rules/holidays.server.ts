import { federalHolidayOn, federalHolidays } from "~/domain/deadlines/holidays";
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

/** Years offered around this one: the federal holidays have no last year, so the list is a window. */
const YEARS_AROUND = { before: 2, after: 10 } as const;

/**
 * The holidays observed in `year` (this year in the organization's time zone
 * when not given): the federal ones by rule, less those removed, plus the
 * days added; and the years worth offering.
 */
export async function holidaysOfYear(year: number | undefined, now: Date = new Date()) {
  const { timeZone } = await organizationCalendar();
  const thisYear = Number(localDate(now, timeZone).slice(0, 4));
  const shown = year ?? thisYear;
  const [changes, range] = await Promise.all([
    db.holiday.findMany({
      where: { date: { gte: dateKey(`${shown}-01-01`), lt: dateKey(`${shown + 1}-01-01`) } },
      select: { date: true, name: true, removedAt: true },
    }),
    db.holiday.aggregate({ where: { removedAt: null }, _min: { date: true }, _max: { date: true } }),
  ]);
  const removed = new Set(changes.filter((row) => row.removedAt !== null).map((row) => isoDate(row.date)));
  const added = changes.filter((row) => row.removedAt === null).map((row) => ({ date: isoDate(row.date), name: row.name, source: "ADMIN" as const }));
  const federal = [...federalHolidays(shown), ...federalHolidays(shown + 1)]
    .filter((holiday) => holiday.date.startsWith(`${shown}-`) && !removed.has(holiday.date) && !added.some((row) => row.date === holiday.date))
    .map((holiday) => ({ date: holiday.date, name: observedName(holiday), source: "FEDERAL" as const }));
  const first = Math.max(HOLIDAY_YEARS.from, Math.min(shown, thisYear - YEARS_AROUND.before, range._min.date?.getUTCFullYear() ?? thisYear));
  const last = Math.min(HOLIDAY_YEARS.to, Math.max(shown, thisYear + YEARS_AROUND.after, range._max.date?.getUTCFullYear() ?? thisYear));
  return {
    year: shown,
    thisYear,
    years: Array.from({ length: last - first + 1 }, (_, index) => first + index),
    holidays: [...federal, ...added]
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map((holiday) => ({ ...holiday, label: formatLocalDate(holiday.date) })),
  };
}

function observedName(holiday: { date: string; actualDate: string; name: string }): string {
  return holiday.date === holiday.actualDate ? holiday.name : `${holiday.name} (observed)`;
}

/**
 * A day off for the organization: new business-day deadlines skip it from now
 * on. Deadlines already running keep their due dates.
 */
export async function addHoliday(input: HolidayInput, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const alreadyOff = (name: string) => new AppError("CONFLICT", `${formatLocalDate(input.date)} is already a holiday (${name}).`, { field: "date" });
    const removal = await tx.holiday.findUnique({ where: { date: dateKey(input.date) }, select: { removedAt: true } });
    const federal = federalHolidayOn(input.date);
    if (federal && !removal) throw alreadyOff(observedName(federal));
    if (removal?.removedAt) {
      // A federal day removed earlier: the day off comes back, under the name given now.
      await tx.holiday.update({ where: { date: dateKey(input.date) }, data: { name: input.name, source: "ADMIN", removedAt: null } });
    } else {
      // ON CONFLICT DO NOTHING: two admins adding the same day cannot both succeed.
      const { count } = await tx.holiday.createMany({ data: [{ date: dateKey(input.date), name: input.name, source: "ADMIN" }], skipDuplicates: true });
      if (count === 0) {
        const existing = await tx.holiday.findUnique({ where: { date: dateKey(input.date) }, select: { name: true } });
        throw alreadyOff(existing?.name ?? "another holiday");
      }
    }
    await audit(actor, { action: "holiday.added", objectType: "Holiday", objectId: input.date, detail: { name: input.name } }, tx);
  });
  forgetOrganizationCalendar();
}

/** Makes the day a business day again; answers the holiday removed, or null when it was already gone. */
export async function removeHoliday(date: string, actor: Actor): Promise<{ name: string } | null> {
  const removed = await db.$transaction(async (tx) => {
    const row = await tx.holiday.findUnique({ where: { date: dateKey(date) }, select: { name: true, removedAt: true } });
    if (row?.removedAt) return null;
    const federal = federalHolidayOn(date);
    const name = row?.name ?? (federal ? observedName(federal) : null);
    if (name === null) return null;
    // The rule would count a federal day again: its removal is kept as a row.
    if (federal) {
      await tx.holiday.upsert({
        where: { date: dateKey(date) },
        create: { date: dateKey(date), name, source: "FEDERAL", removedAt: new Date() },
        update: { source: "FEDERAL", removedAt: new Date() },
      });
    } else {
      await tx.holiday.delete({ where: { date: dateKey(date) } });
    }
    await audit(actor, { action: "holiday.removed", objectType: "Holiday", objectId: date, detail: { name, source: row ? "ADMIN" : "FEDERAL" } }, tx);
    return { name };
  });
  forgetOrganizationCalendar();
  return removed;
}
