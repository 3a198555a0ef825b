import { instantAt, localDate } from "~/domain/deadlines/time-zone";
import { regulatorExportCsv } from "~/domain/reports/regulator-export";
import { audit } from "../audit.server";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import type { Actor } from "../request-context.server";

function yearStart(year: number, timeZone: string): Date {
  return instantAt(`${year}-01-01`, 0, 0, 0, timeZone);
}

/**
 * The regulators' yearly file: every case decided in `year` (local time), as
 * CSV. Only the published columns are read, so names, member IDs and contact
 * details never leave the database. The download is audited.
 */
export async function regulatorExport(year: number, actor: Actor): Promise<{ fileName: string; csv: string }> {
  const { timeZone } = await organizationCalendar();
  const cases = await db.case.findMany({
    where: { decidedAt: { gte: yearStart(year, timeZone), lt: yearStart(year + 1, timeZone) } },
    orderBy: [{ decidedAt: "asc" }, { reference: "asc" }],
    select: {
      reference: true,
      diagnosisCategory: true,
      diagnosisSubcategory: true,
      treatmentCategory: true,
      treatmentSubcategory: true,
      outcome: true,
      disputeType: true,
      track: true,
      patientBirthDate: true,
      patientSex: true,
      submittedAt: true,
      determinedAt: true,
      decidedAt: true,
      findings: true,
    },
  });
  const csv = regulatorExportCsv(
    cases.map(({ patientBirthDate, decidedAt, ...kase }) => ({
      ...kase,
      decidedAt: decidedAt!,
      // A @db.Date column comes back as midnight UTC of the stored date.
      patientBirthDate: patientBirthDate ? patientBirthDate.toISOString().slice(0, 10) : null,
    })),
    timeZone,
  );
  await audit(actor, { action: "report.regulator_export.downloaded", detail: { year, cases: cases.length } });
  return { fileName: `imr-regulator-export-${year}.csv`, csv };
}

/** The years a coordinator may export: from the first decision on record to this year, newest first. */
export async function exportYears(now = new Date()): Promise<number[]> {
  const { timeZone } = await organizationCalendar();
  const first = await db.case.aggregate({ _min: { decidedAt: true } });
  const thisYear = Number(localDate(now, timeZone).slice(0, 4));
  const firstYear = first._min.decidedAt ? Math.min(thisYear, Number(localDate(first._min.decidedAt, timeZone).slice(0, 4))) : thisYear;
  return Array.from({ length: thisYear - firstYear + 1 }, (_, i) => thisYear - i);
}
