import { outcomesReport as outcomesOf } from "~/domain/reports/outcomes";
import type { DateRange } from "~/domain/reports/timeliness";
import { db } from "../db.server";
import { reportRange } from "./report-range.server";

/** The outcomes of the decisions made from `range.from` to `range.to` (local dates, both included; by default the last full month). */
export async function outcomesReport(range?: DateRange, now = new Date()) {
  const { start, end, ...period } = await reportRange(range, now);
  const decided = await db.case.findMany({
    where: { decidedAt: { gte: start, lt: end }, outcome: { not: null } },
    select: { outcome: true, disputeType: true, diagnosisCategory: true, treatmentCategory: true, plan: { select: { name: true } } },
  });
  const report = outcomesOf(decided.map(({ plan, outcome, ...kase }) => ({ ...kase, outcome: outcome!, planName: plan?.name ?? null })));
  return { ...period, ...report };
}
