import type { PlanCaseRow } from "~/components/plan/plan-case-table";
import type { CaseStatus } from "~/domain/case-status";
import { deadlineLine } from "~/domain/next-steps";
import { INITIAL_RULE_PROFILES } from "~/domain/rule-profiles";
import { PLAN_CASES_PAGE_SIZE, type PlanCasesFilter } from "~/schemas/plan-cases";
import { caseAccessWhere } from "../cases/case-access.server";
import { db, type Prisma } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { KIND_OF_DB } from "../deadlines/case-clocks.server";
import { notFound } from "../errors.server";
import type { SessionUser } from "../session.server";

const REVIEW_STATUSES: CaseStatus[] = ["ACCEPTED", "IN_REVIEW", "DETERMINED"];
const OVERTURNS = ["OVERTURNED", "OVERTURNED_IN_PART"] as const;

/**
 * Cases where the plan has something to do now: a clock of its own running,
 * its case file still outstanding, an overturn not yet confirmed, or a
 * question from the review organization not yet answered.
 */
const NEEDS_PLAN_ACTION: Prisma.CaseWhereInput = {
  OR: [
    { deadlines: { some: { responsible: "PLAN", status: "OPEN" } } },
    { status: { in: REVIEW_STATUSES }, planCaseFileRequestedAt: { not: null }, planCaseFileCompletedAt: null, proceededWithoutCaseFileAt: null },
    { status: "DECIDED", outcome: { in: [...OVERTURNS] }, complianceConfirmations: { none: {} } },
    { informationRequests: { some: { addressedTo: "PLAN", answeredAt: null } } },
  ],
};

/**
 * A plan user's home: their plan, the rules it is under, and one page of its
 * cases with the plan's own deadlines, filtered and counted on the server.
 * Only the plan's cases are ever loaded, whatever other roles the person holds.
 */
export async function planCasesList(user: Pick<SessionUser, "id" | "roles" | "planId">, filter: PlanCasesFilter, now = new Date()) {
  if (!user.planId || !user.roles.includes("PLAN")) throw notFound("Your health plan");
  const plan = await db.healthPlan.findUnique({ where: { id: user.planId }, select: { name: true, ruleProfileCode: true } });
  if (!plan) throw notFound("Your health plan");
  const profile = await db.ruleProfile.findFirst({
    where: { code: plan.ruleProfileCode, effectiveFrom: { lte: now } },
    orderBy: { version: "desc" },
    select: { name: true },
  });

  const conditions: Prisma.CaseWhereInput[] = [caseAccessWhere({ ...user, roles: ["PLAN"] }, "case:read"), { reference: { not: null } }];
  if (filter.status) conditions.push({ status: filter.status });
  if (filter.action) conditions.push(NEEDS_PLAN_ACTION);
  if (filter.q) {
    const contains = { contains: filter.q, mode: "insensitive" as const };
    conditions.push({ OR: [{ reference: contains }, { planDenialReference: contains }, { memberId: contains }] });
  }
  const where: Prisma.CaseWhereInput = { AND: conditions };

  const [matching, rows] = await Promise.all([
    db.case.count({ where }),
    db.case.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (filter.page - 1) * PLAN_CASES_PAGE_SIZE,
      take: PLAN_CASES_PAGE_SIZE,
      select: {
        id: true,
        reference: true,
        status: true,
        track: true,
        serviceDescription: true,
        planDenialReference: true,
        submittedAt: true,
        deadlines: {
          where: { kind: { in: ["PLAN_CASE_FILE", "COMPLIANCE"] } },
          orderBy: { startedAt: "desc" },
          select: { kind: true, status: true, responsible: true, startedAt: true, dueAt: true, closedAt: true },
        },
      },
    }),
  ]);
  const needingAction = await db.case.findMany({ where: { AND: [{ id: { in: rows.map((row) => row.id) } }, NEEDS_PLAN_ACTION] }, select: { id: true } });
  const { timeZone } = await organizationCalendar();
  const acting = new Set(needingAction.map((row) => row.id));
  const line = (clocks: (typeof rows)[number]["deadlines"], kind: "PLAN_CASE_FILE" | "COMPLIANCE") => {
    const clock = clocks.find((row) => row.kind === kind);
    return clock ? deadlineLine({ ...clock, kind: KIND_OF_DB[clock.kind] }, now, timeZone) : null;
  };

  return {
    planName: plan.name,
    ruleProfileName: profile?.name ?? INITIAL_RULE_PROFILES.find((p) => p.code === plan.ruleProfileCode)?.name ?? plan.ruleProfileCode,
    matching,
    pages: Math.max(1, Math.ceil(matching / PLAN_CASES_PAGE_SIZE)),
    rows: rows.map((row): PlanCaseRow => ({
      id: row.id,
      reference: row.reference ?? "",
      status: row.status,
      expedited: row.track === "EXPEDITED",
      service: row.serviceDescription,
      planReference: row.planDenialReference,
      filed: row.submittedAt,
      needsAction: acting.has(row.id),
      caseFile: line(row.deadlines, "PLAN_CASE_FILE"),
      compliance: line(row.deadlines, "COMPLIANCE"),
    })),
  };
}
