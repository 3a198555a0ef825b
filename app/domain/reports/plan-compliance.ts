/**
 * The plan compliance report (docs/rules/records-audit-reports.md, "Plan
 * compliance report"): of the overturns decided in a range, per plan, how
 * many the plan confirmed implementing by the profile's compliance time,
 * how many late, and how many are still unconfirmed (overdue or not yet
 * due), with the days from the decision to the confirmation. Pure.
 */
import { toCsv } from "./csv";
import { NOT_RECORDED } from "./labels";
import { elapsedDays, formatDays, median, roundToTenth } from "./timeliness";

/** An overturn, as much as the report needs of it. */
export interface OverturnedCase {
  planName: string | null;
  decidedAt: Date;
  /** The compliance clock's due time; null when none was started. */
  dueAt: Date | null;
  /** The plan's first confirmation, with whether it came after the due time. */
  confirmation: { confirmedAt: Date; late: boolean } | null;
}

export interface ComplianceFigures {
  overturns: number;
  confirmedOnTime: number;
  confirmedLate: number;
  /** Not confirmed, and past the due time at `now`. */
  overdue: number;
  /** Not confirmed, and not due yet. */
  awaiting: number;
  /** Of the overturns confirmed or overdue, the percentage confirmed on time, to one decimal. */
  onTimePercent: number | null;
  /** From the decision to the confirmation, in days to one decimal. */
  medianDaysToConfirm: number | null;
}

export function complianceFigures(cases: readonly OverturnedCase[], now: Date): ComplianceFigures {
  const confirmedOnTime = cases.filter((kase) => kase.confirmation && !kase.confirmation.late).length;
  const confirmedLate = cases.filter((kase) => kase.confirmation?.late).length;
  const overdue = cases.filter((kase) => !kase.confirmation && kase.dueAt !== null && kase.dueAt < now).length;
  const settled = confirmedOnTime + confirmedLate + overdue;
  const days = cases.flatMap((kase) => (kase.confirmation ? [elapsedDays(kase.decidedAt, kase.confirmation.confirmedAt)] : []));
  const middle = median(days);
  return {
    overturns: cases.length,
    confirmedOnTime,
    confirmedLate,
    overdue,
    awaiting: cases.length - confirmedOnTime - confirmedLate - overdue,
    onTimePercent: settled === 0 ? null : roundToTenth((100 * confirmedOnTime) / settled),
    medianDaysToConfirm: middle === null ? null : roundToTenth(middle),
  };
}

export interface PlanCompliance extends ComplianceFigures {
  planName: string;
}

/** The figures per plan, by name. */
export function complianceByPlan(cases: readonly OverturnedCase[], now: Date): PlanCompliance[] {
  const plans = new Map<string, OverturnedCase[]>();
  for (const kase of cases) {
    const name = kase.planName ?? NOT_RECORDED;
    plans.set(name, [...(plans.get(name) ?? []), kase]);
  }
  return [...plans.entries()]
    .map(([planName, members]) => ({ planName, ...complianceFigures(members, now) }))
    .sort((a, b) => a.planName.localeCompare(b.planName));
}

export function planComplianceCsv(plans: readonly PlanCompliance[]): string {
  return toCsv(
    ["Health plan", "Overturns", "Confirmed on time", "Confirmed late", "Overdue, not confirmed", "Not due yet", "On time (%)", "Median days to confirm"],
    plans.map((plan) => [
      plan.planName,
      plan.overturns,
      plan.confirmedOnTime,
      plan.confirmedLate,
      plan.overdue,
      plan.awaiting,
      plan.onTimePercent === null ? null : plan.onTimePercent.toFixed(1),
      formatDays(plan.medianDaysToConfirm),
    ]),
  );
}
