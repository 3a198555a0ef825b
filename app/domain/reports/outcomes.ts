/**
 * The outcomes report (docs/rules/records-audit-reports.md, "Outcomes
 * report"): of the cases decided in a range, how many decisions upheld the
 * denial and how many overturned it (wholly or in part), overall and by
 * type of dispute, diagnosis category, treatment category and plan. Pure:
 * the server hands in the decided cases.
 */
import { toCsv } from "./csv";
import { DISPUTE_TYPE_LABELS, type DisputeTypeCode, NOT_RECORDED, type OutcomeCode } from "./labels";
import { roundToTenth } from "./timeliness";

/** A decided case, as much as the report needs of it. */
export interface OutcomeCase {
  outcome: OutcomeCode;
  disputeType: DisputeTypeCode | null;
  diagnosisCategory: string | null;
  treatmentCategory: string | null;
  planName: string | null;
}

export interface OutcomeFigures {
  decided: number;
  upheld: number;
  overturned: number;
  overturnedInPart: number;
  /** Overturned wholly or in part, as a percentage of the decisions, to one decimal. */
  overturnPercent: number | null;
}

export type OutcomeDimension = "disputeType" | "diagnosisCategory" | "treatmentCategory" | "plan";

export const OUTCOME_DIMENSION_LABELS: Record<OutcomeDimension, string> = {
  disputeType: "Type of dispute",
  diagnosisCategory: "Diagnosis category",
  treatmentCategory: "Treatment category",
  plan: "Health plan",
};

const DIMENSIONS = Object.keys(OUTCOME_DIMENSION_LABELS) as OutcomeDimension[];

const groupOf: Record<OutcomeDimension, (kase: OutcomeCase) => string> = {
  disputeType: (kase) => (kase.disputeType ? DISPUTE_TYPE_LABELS[kase.disputeType] : NOT_RECORDED),
  diagnosisCategory: (kase) => kase.diagnosisCategory ?? NOT_RECORDED,
  treatmentCategory: (kase) => kase.treatmentCategory ?? NOT_RECORDED,
  plan: (kase) => kase.planName ?? NOT_RECORDED,
};

export function outcomeFigures(cases: readonly OutcomeCase[]): OutcomeFigures {
  const count = (outcome: OutcomeCode) => cases.filter((kase) => kase.outcome === outcome).length;
  const overturned = count("OVERTURNED");
  const overturnedInPart = count("OVERTURNED_IN_PART");
  return {
    decided: cases.length,
    upheld: count("UPHELD"),
    overturned,
    overturnedInPart,
    overturnPercent: cases.length === 0 ? null : roundToTenth((100 * (overturned + overturnedInPart)) / cases.length),
  };
}

export interface OutcomeGroup extends OutcomeFigures {
  group: string;
}

/** The figures per group of one dimension: most decisions first, then by name; "Not recorded" last. */
export function outcomesBy(cases: readonly OutcomeCase[], dimension: OutcomeDimension): OutcomeGroup[] {
  const groups = new Map<string, OutcomeCase[]>();
  for (const kase of cases) {
    const group = groupOf[dimension](kase);
    groups.set(group, [...(groups.get(group) ?? []), kase]);
  }
  return [...groups.entries()]
    .map(([group, members]) => ({ group, ...outcomeFigures(members) }))
    .sort((a, b) => Number(a.group === NOT_RECORDED) - Number(b.group === NOT_RECORDED) || b.decided - a.decided || a.group.localeCompare(b.group));
}

export function outcomesReport(cases: readonly OutcomeCase[]) {
  return {
    overall: outcomeFigures(cases),
    sections: DIMENSIONS.map((dimension) => ({ dimension, label: OUTCOME_DIMENSION_LABELS[dimension], groups: outcomesBy(cases, dimension) })),
  };
}

export type OutcomesReport = ReturnType<typeof outcomesReport>;

const percentCell = (value: number | null) => (value === null ? null : value.toFixed(1));

/** One line per group of each dimension, after a line for all decisions. */
export function outcomesCsv(report: OutcomesReport): string {
  const row = (dimension: string, group: string, figures: OutcomeFigures) => [
    dimension,
    group,
    figures.decided,
    figures.upheld,
    figures.overturned,
    figures.overturnedInPart,
    percentCell(figures.overturnPercent),
  ];
  return toCsv(
    ["Grouped by", "Group", "Decided", "Upheld", "Overturned", "Overturned in part", "Overturned wholly or in part (%)"],
    [
      row("All decisions", "All", report.overall),
      ...report.sections.flatMap((section) => section.groups.map((group) => row(section.label, group.group, group))),
    ],
  );
}
