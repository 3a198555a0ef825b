/**
 * The yearly export with the columns regulators publish (docs/rules/records-audit-reports.md,
 * "Yearly export for regulators"). One row per case decided in the year,
 * de-identified: an age range instead of the birth date, and never a name,
 * an address or a member ID.
 */
import { localDate, localDayNumberAt, parseLocalDate, type LocalDate } from "~/domain/deadlines/time-zone";
import { toCsv, type CsvCell } from "./csv";
import { DETERMINATION_LABELS, DISPUTE_TYPE_LABELS, type DisputeTypeCode, type OutcomeCode, TRACK_LABELS, type TrackCode } from "./labels";
import { sexLabel } from "~/domain/requests/options";

/** Whole years of age on `on`; a birthday on 29 February comes on 1 March in other years. */
export function ageInYears(birthDate: LocalDate, on: LocalDate): number {
  const birth = parseLocalDate(birthDate);
  const day = parseLocalDate(on);
  const hadBirthday = day.month > birth.month || (day.month === birth.month && day.day >= birth.day);
  return day.year - birth.year - (hadBirthday ? 0 : 1);
}

const AGE_RANGES: readonly { upTo: number; label: string }[] = [
  { upTo: 10, label: "0-10" },
  { upTo: 20, label: "11-20" },
  { upTo: 30, label: "21-30" },
  { upTo: 40, label: "31-40" },
  { upTo: 50, label: "41-50" },
  { upTo: 64, label: "51-64" },
  { upTo: Number.POSITIVE_INFINITY, label: "65+" },
];

/** The published age band on `on`; null when unknown or when the birth date comes after it. */
export function ageRange(birthDate: LocalDate | null, on: LocalDate | null): string | null {
  if (!birthDate || !on) return null;
  const age = ageInYears(birthDate, on);
  if (age < 0) return null;
  return AGE_RANGES.find((range) => age <= range.upTo)!.label;
}

/** Calendar days between two instants' local dates in `timeZone` (a case filed at 23:00 and decided at 01:00 took one day). */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  return localDayNumberAt(to.getTime(), timeZone) - localDayNumberAt(from.getTime(), timeZone);
}

/** A decided case, as much as the export needs of it. */
export interface ExportedCase {
  reference: string | null;
  diagnosisCategory: string | null;
  diagnosisSubcategory: string | null;
  treatmentCategory: string | null;
  treatmentSubcategory: string | null;
  outcome: OutcomeCode | null;
  disputeType: DisputeTypeCode | null;
  track: TrackCode;
  /** The patient's birth date ("YYYY-MM-DD"): only its age band leaves the portal. */
  patientBirthDate: LocalDate | null;
  patientSex: string | null;
  submittedAt: Date | null;
  determinedAt: Date | null;
  decidedAt: Date;
  findings: string | null;
}

export const REGULATOR_EXPORT_HEADER = [
  "Reference ID",
  "Year",
  "Diagnosis category",
  "Diagnosis subcategory",
  "Treatment category",
  "Treatment subcategory",
  "Determination",
  "Type",
  "Age range",
  "Gender",
  "Expedited or standard",
  "Days to review",
  "Days to adopt",
  "Findings",
] as const;

/**
 * "Days to review": calendar days from the filing to the reviewers'
 * determination. "Days to adopt": calendar days from that determination to
 * the decision that adopts it, as the DMHC counts from the review
 * organization's determination to the Director's adoption; here the
 * organization's issued decision is the adoption. Blank when the case has no
 * separate determination (the plan's compliance is the plan compliance
 * report's, not this column's).
 */
export function regulatorExportRow(kase: ExportedCase, timeZone: string): CsvCell[] {
  const reviewedAt = kase.determinedAt ?? kase.decidedAt;
  return [
    kase.reference,
    Number(localDate(kase.decidedAt, timeZone).slice(0, 4)),
    kase.diagnosisCategory,
    kase.diagnosisSubcategory,
    kase.treatmentCategory,
    kase.treatmentSubcategory,
    kase.outcome ? DETERMINATION_LABELS[kase.outcome] : null,
    kase.disputeType ? DISPUTE_TYPE_LABELS[kase.disputeType] : null,
    ageRange(kase.patientBirthDate, kase.submittedAt ? localDate(kase.submittedAt, timeZone) : null),
    sexLabel(kase.patientSex),
    TRACK_LABELS[kase.track],
    kase.submittedAt ? calendarDaysBetween(kase.submittedAt, reviewedAt, timeZone) : null,
    kase.determinedAt ? calendarDaysBetween(kase.determinedAt, kase.decidedAt, timeZone) : null,
    kase.findings,
  ];
}

export function regulatorExportCsv(cases: readonly ExportedCase[], timeZone: string): string {
  return toCsv(
    REGULATOR_EXPORT_HEADER,
    cases.map((kase) => regulatorExportRow(kase, timeZone)),
  );
}
