/**
 * The library's exports: the regulators' yearly layout (REGULATOR_EXPORT_HEADER),
 * one row per published decision, with what the library shows and nothing
 * more. The library number stands in for the reference; days to review are
 * the days from filing to decision; days to adopt stay blank, as the library
 * does not keep the determination's date.
 */
import { type CsvCell } from "~/domain/reports/csv";
import { DETERMINATION_LABELS, DISPUTE_TYPE_LABELS, type DisputeTypeCode, type OutcomeCode, TRACK_LABELS, type TrackCode } from "~/domain/reports/labels";
import { REGULATOR_EXPORT_HEADER } from "~/domain/reports/regulator-export";
import { sexLabel } from "~/domain/requests/options";

export interface PublishedRow {
  number: number;
  year: number;
  diagnosisCategory: string;
  /** The subcategory as published: null when the decision is shown with its category alone. */
  diagnosisSubcategory: string | null;
  treatmentCategory: string;
  treatmentSubcategory: string;
  outcome: OutcomeCode;
  disputeType: DisputeTypeCode;
  ageRange: string | null;
  gender: string | null;
  track: TrackCode;
  daysToDecision: number;
  findings: string;
}

/** The row's cells in REGULATOR_EXPORT_HEADER's order. */
export function libraryExportCells(row: PublishedRow): CsvCell[] {
  return [
    String(row.number),
    row.year,
    row.diagnosisCategory,
    row.diagnosisSubcategory,
    row.treatmentCategory,
    row.treatmentSubcategory,
    DETERMINATION_LABELS[row.outcome],
    DISPUTE_TYPE_LABELS[row.disputeType],
    row.ageRange,
    sexLabel(row.gender),
    TRACK_LABELS[row.track],
    row.daysToDecision,
    null,
    row.findings,
  ];
}

/** The JSON export's keys, one per column of REGULATOR_EXPORT_HEADER. */
const JSON_KEYS = [
  "referenceId",
  "year",
  "diagnosisCategory",
  "diagnosisSubcategory",
  "treatmentCategory",
  "treatmentSubcategory",
  "determination",
  "type",
  "ageRange",
  "gender",
  "expeditedOrStandard",
  "daysToReview",
  "daysToAdopt",
  "findings",
] as const satisfies readonly string[] & { length: (typeof REGULATOR_EXPORT_HEADER)["length"] };

/** The same row as the CSV's, as an object (the JSON export). */
export function libraryExportObject(row: PublishedRow): Record<(typeof JSON_KEYS)[number], CsvCell> {
  const cells = libraryExportCells(row);
  return Object.fromEntries(JSON_KEYS.map((key, index) => [key, cells[index] ?? null])) as Record<(typeof JSON_KEYS)[number], CsvCell>;
}
