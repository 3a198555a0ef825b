import { complianceByPlan, complianceFigures, type OverturnedCase } from "~/domain/reports/plan-compliance";
import type { DateRange } from "~/domain/reports/timeliness";
import { db } from "../db.server";
import { reportRange } from "./report-range.server";

/** How the plans complied with the overturns decided from `range.from` to `range.to` (by default the last full month), as it stands at `now`. */
export async function planComplianceReport(range?: DateRange, now = new Date()) {
  const { start, end, ...period } = await reportRange(range, now);
  const overturns = await db.case.findMany({
    where: { decidedAt: { gte: start, lt: end }, outcome: { in: ["OVERTURNED", "OVERTURNED_IN_PART"] } },
    select: {
      decidedAt: true,
      plan: { select: { name: true } },
      deadlines: { where: { kind: "COMPLIANCE" }, orderBy: { startedAt: "desc" }, take: 1, select: { dueAt: true } },
      complianceConfirmations: { orderBy: { confirmedAt: "asc" }, take: 1, select: { confirmedAt: true, late: true } },
    },
  });
  const cases: OverturnedCase[] = overturns.map((kase) => ({
    planName: kase.plan?.name ?? null,
    decidedAt: kase.decidedAt!,
    dueAt: kase.deadlines[0]?.dueAt ?? null,
    confirmation: kase.complianceConfirmations[0] ?? null,
  }));
  return { ...period, overall: complianceFigures(cases, now), plans: complianceByPlan(cases, now) };
}
