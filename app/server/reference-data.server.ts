import { federalHolidaysBetween } from "~/domain/deadlines/holidays";
import { INITIAL_RULE_PROFILES } from "~/domain/rule-profiles";
import { DEFAULT_TIME_ZONE, forgetOrganizationCalendar } from "./deadlines/calendar.server";
import { db, type Prisma } from "./db.server";
import { ensureSpecialties } from "./reviewers/specialties.server";

/**
 * Data every installation needs, demo or not: the three rule profiles, the
 * organization's time zone, and the ABMS specialties with the default map of
 * similar ones. Runs at every start and creates only what is missing. The
 * federal holidays need no rows: they are computed by rule
 * (`organizationHolidays`).
 */
export async function ensureReferenceData(): Promise<void> {
  for (const profile of INITIAL_RULE_PROFILES) {
    const existing = await db.ruleProfile.count({ where: { code: profile.code } });
    if (existing === 0) {
      await db.ruleProfile.create({
        // Local midnight of 1 Jan 2024 in New York, the default time zone.
        data: { ...profile, version: 1, effectiveFrom: new Date("2024-01-01T05:00:00Z"), rules: profile.rules as unknown as Prisma.InputJsonValue },
      });
    }
  }
  await db.setting.upsert({ where: { key: "timeZone" }, create: { key: "timeZone", value: DEFAULT_TIME_ZONE }, update: {} });
  await convertSeededHolidays();
  await ensureSpecialties();
}

/**
 * Installations from before the holidays were computed by rule hold the
 * federal holidays of the seeded years as rows. Once: a federal day of those
 * years an administrator had deleted becomes a removal, and the seeded rows
 * go, since the rule now counts them.
 */
async function convertSeededHolidays(): Promise<void> {
  const seeded = await db.setting.findUnique({ where: { key: "federalHolidaysSeeded" }, select: { value: true } });
  if (!seeded) return;
  const years = seeded.value as { from: number; to: number };
  await db.$transaction(async (tx) => {
    const kept = new Set((await tx.holiday.findMany({ select: { date: true } })).map((holiday) => holiday.date.toISOString().slice(0, 10)));
    const deleted = federalHolidaysBetween(years.from, years.to).filter((holiday) => !kept.has(holiday.date));
    await tx.holiday.deleteMany({ where: { source: "FEDERAL", removedAt: null } });
    await tx.holiday.createMany({
      data: deleted.map((holiday) => ({ date: new Date(`${holiday.date}T00:00:00Z`), name: holiday.name, source: "FEDERAL" as const, removedAt: new Date() })),
      skipDuplicates: true,
    });
    await tx.setting.delete({ where: { key: "federalHolidaysSeeded" } });
  });
  forgetOrganizationCalendar();
}
