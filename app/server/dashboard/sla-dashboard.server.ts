import { OPEN_STATUSES, type CaseStatus } from "~/domain/case-status";
import type { DashboardFilter } from "~/schemas/dashboard";
import { db, type Prisma } from "../db.server";

export const DASHBOARD_PAGE_SIZE = 50;

/** The dashboard's `where`, shared by its rows and by the benchmark. */
export function dashboardWhere(filter: DashboardFilter, now: Date): Prisma.CaseWhereInput {
  const where: Prisma.CaseWhereInput = {
    status: filter.status ? (filter.status as CaseStatus) : { in: [...OPEN_STATUSES] },
  };
  if (filter.track) where.track = filter.track;
  if (filter.plan) where.planId = filter.plan;
  if (filter.assignee) where.coordinatorId = filter.assignee === "unassigned" ? null : filter.assignee;
  if (filter.risk === "overdue") where.nextDeadlineDueAt = { lt: now };
  if (filter.risk === "at_risk") {
    where.nextDeadlineDueAt = { gte: now };
    where.nextDeadlineAtRiskAt = { lte: now };
  }
  if (filter.risk === "flagged") where.flaggedAt = { not: null };
  return where;
}

/** Expedited first, then the least time left; cases without a running clock last. */
export const DASHBOARD_ORDER: Prisma.CaseOrderByWithRelationInput[] = [
  { track: "desc" },
  { nextDeadlineDueAt: { sort: "asc", nulls: "last" } },
  { id: "asc" },
];

export async function dashboardRows(filter: DashboardFilter, now: Date) {
  return db.case.findMany({
    where: dashboardWhere(filter, now),
    orderBy: DASHBOARD_ORDER,
    skip: (filter.page - 1) * DASHBOARD_PAGE_SIZE,
    take: DASHBOARD_PAGE_SIZE,
    select: {
      id: true,
      reference: true,
      status: true,
      track: true,
      flaggedAt: true,
      nextDeadlineKind: true,
      nextDeadlineDueAt: true,
      nextDeadlineAtRiskAt: true,
      // Names come from the plan and coordinator lists the page loads anyway: one query, not three.
      planId: true,
      coordinatorId: true,
    },
  });
}

interface Counts {
  open: number;
  expedited: number;
  atRisk: number;
  overdue: number;
  flagged: number;
}

/** Counts of every open case by group, for the top of the dashboard (not narrowed by the filters). */
async function dashboardCounts(now: Date): Promise<Counts> {
  const rows = await db.$queryRaw<{ open: bigint; expedited: bigint; at_risk: bigint; overdue: bigint; flagged: bigint }[]>`
    SELECT count(*) AS open,
           count(*) FILTER (WHERE track = 'EXPEDITED') AS expedited,
           count(*) FILTER (WHERE "nextDeadlineAtRiskAt" <= ${now} AND "nextDeadlineDueAt" >= ${now}) AS at_risk,
           count(*) FILTER (WHERE "nextDeadlineDueAt" < ${now}) AS overdue,
           count(*) FILTER (WHERE "flaggedAt" IS NOT NULL) AS flagged
      FROM "Case"
     WHERE status::text = ANY(${[...OPEN_STATUSES]})`;
  const row = rows[0];
  return {
    open: Number(row?.open ?? 0),
    expedited: Number(row?.expedited ?? 0),
    atRisk: Number(row?.at_risk ?? 0),
    overdue: Number(row?.overdue ?? 0),
    flagged: Number(row?.flagged ?? 0),
  };
}

/** Everything the coordinators' home shows: counts, the filtered page of cases, and the filter choices. */
export async function slaDashboard(filter: DashboardFilter, now = new Date()) {
  const [cases, matching, counts, plans, everyCoordinator] = await Promise.all([
    dashboardRows(filter, now),
    db.case.count({ where: dashboardWhere(filter, now) }),
    dashboardCounts(now),
    db.healthPlan.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.user.findMany({ where: { roles: { has: "COORDINATOR" } }, select: { id: true, name: true, disabledAt: true }, orderBy: { name: "asc" } }),
  ]);
  const planNames = new Map(plans.map((plan) => [plan.id, plan.name]));
  const coordinatorNames = new Map(everyCoordinator.map((user) => [user.id, user.name]));
  const rows = cases.map(({ planId, coordinatorId, ...row }) => ({
    ...row,
    planName: planId ? (planNames.get(planId) ?? null) : null,
    coordinatorName: coordinatorId ? (coordinatorNames.get(coordinatorId) ?? null) : null,
  }));
  // Only active coordinators are offered as a filter; a disabled one's cases still show their name.
  const coordinators = everyCoordinator.filter((user) => !user.disabledAt).map(({ id, name }) => ({ id, name }));
  return { rows, matching, counts, plans, coordinators, pageSize: DASHBOARD_PAGE_SIZE };
}
