import { federalHolidaysBetween } from "~/domain/deadlines/holidays";
import { INITIAL_RULE_PROFILES } from "~/domain/rule-profiles";
import { DEFAULT_TIME_ZONE, forgetOrganizationCalendar } from "./deadlines/calendar.server";
import { db, type Prisma } from "./db.server";
import { ensureSpecialties } from "./reviewers/specialties.server";

const HOLIDAY_SEED_YEARS = { from: 2024, to: 2035 } as const;

/**
 * Data every installation needs, demo or not: the three rule profiles, the
 * organization's time zone, the US federal holidays, and the ABMS specialties
 * with the default map of similar ones. Runs at every start;
 * creates only what is missing, and seeds the holidays once, so a holiday an
 * admin removed stays removed.
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
  const seeded = await db.setting.findUnique({ where: { key: "federalHolidaysSeeded" } });
  if (!seeded) {
    const holidays = federalHolidaysBetween(HOLIDAY_SEED_YEARS.from, HOLIDAY_SEED_YEARS.to);
    await db.$transaction([
      db.holiday.createMany({
        data: holidays.map((holiday) => ({
          date: new Date(`${holiday.date}T00:00:00Z`),
          name: holiday.date === holiday.actualDate ? holiday.name : `${holiday.name} (observed)`,
          source: "FEDERAL" as const,
        })),
        skipDuplicates: true,
      }),
      db.setting.create({ data: { key: "federalHolidaysSeeded", value: { from: HOLIDAY_SEED_YEARS.from, to: HOLIDAY_SEED_YEARS.to } } }),
    ]);
    forgetOrganizationCalendar();
  }
  await ensureSpecialties();
}
