import { OPEN_STATUSES, type CaseStatus } from "~/domain/case-status";
import type { DashboardFilter } from "~/schemas/dashboard";
import type { DeadlineKind, Track } from "~/.server/prisma/enums";
import type { LocalDate } from "~/domain/deadlines/time-zone";
import { db, Prisma, readRows } from "../db.server";
import { reverificationPanel, reverificationPanelSql, type ReverificationRow } from "../reviewers/reverification.server";

const DASHBOARD_PAGE_SIZE = 50;

export interface DashboardRow {
  id: string;
  reference: string | null;
  status: CaseStatus;
  track: Track;
  flaggedAt: Date | null;
  nextDeadlineKind: DeadlineKind | null;
  nextDeadlineDueAt: Date | null;
  nextDeadlineAtRiskAt: Date | null;
  planName: string | null;
  coordinatorName: string | null;
}

/** `text` found anywhere, whatever its case: LIKE's own wildcards in it are only characters. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The filters as one SQL condition on "Case" c, shared by the page and its
 * count. Open cases only, unless a status is chosen or something is searched
 * for: a patient who calls about a closed case is found too.
 */
function dashboardCondition(filter: DashboardFilter, now: Date): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter.status) conditions.push(Prisma.sql`c.status = ${filter.status}::"CaseStatus"`);
  else if (!filter.q) conditions.push(Prisma.sql`c.status = ANY(${[...OPEN_STATUSES]}::"CaseStatus"[])`);
  else conditions.push(Prisma.sql`c.reference IS NOT NULL`);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(
      Prisma.sql`(c.reference ILIKE ${pattern} OR c."patientName" ILIKE ${pattern} OR c."memberId" ILIKE ${pattern} OR c."planDenialReference" ILIKE ${pattern})`,
    );
  }
  if (filter.track) conditions.push(Prisma.sql`c.track = ${filter.track}::"Track"`);
  if (filter.plan) conditions.push(Prisma.sql`c."planId" = ${filter.plan}::uuid`);
  if (filter.assignee)
    conditions.push(filter.assignee === "unassigned" ? Prisma.sql`c."coordinatorId" IS NULL` : Prisma.sql`c."coordinatorId" = ${filter.assignee}::uuid`);
  if (filter.risk === "overdue") conditions.push(Prisma.sql`c."nextDeadlineDueAt" < ${now}`);
  if (filter.risk === "at_risk") conditions.push(Prisma.sql`c."nextDeadlineDueAt" >= ${now} AND c."nextDeadlineAtRiskAt" <= ${now}`);
  if (filter.risk === "flagged") conditions.push(Prisma.sql`c."flaggedAt" IS NOT NULL`);
  return Prisma.join(conditions, " AND ");
}

/**
 * The page of cases the coordinators see, as one SQL statement: expedited
 * first, then the least time left, cases without a running clock last. It
 * is written in SQL because Prisma 6's query compiler costs a few
 * milliseconds for each model query, several times this statement's own
 * time on the dashboard's index; bench:dashboard runs the same statement
 * over plain pg to show the difference.
 */
export function dashboardPageSql(filter: DashboardFilter, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT c.id, c.reference, c.status, c.track, c."flaggedAt", c."nextDeadlineKind", c."nextDeadlineDueAt", c."nextDeadlineAtRiskAt",
           p.name AS "planName", u.name AS "coordinatorName"
      FROM "Case" c
      LEFT JOIN "HealthPlan" p ON p.id = c."planId"
      LEFT JOIN "User" u ON u.id = c."coordinatorId"
     WHERE ${dashboardCondition(filter, now)}
     ORDER BY c.track DESC, c."nextDeadlineDueAt" ASC NULLS LAST, c.id ASC
    OFFSET ${(filter.page - 1) * DASHBOARD_PAGE_SIZE} LIMIT ${DASHBOARD_PAGE_SIZE}`;
}

export async function dashboardRows(filter: DashboardFilter, now: Date): Promise<DashboardRow[]> {
  return db.$queryRaw<DashboardRow[]>(dashboardPageSql(filter, now));
}

interface Counts {
  open: number;
  expedited: number;
  atRisk: number;
  overdue: number;
  flagged: number;
}

interface Choice {
  id: string;
  name: string;
}

/** A row of the page as json_agg gives it: instants as text. */
type PageRowJson = Omit<DashboardRow, "flaggedAt" | "nextDeadlineDueAt" | "nextDeadlineAtRiskAt"> & {
  flaggedAt: string | null;
  nextDeadlineDueAt: string | null;
  nextDeadlineAtRiskAt: string | null;
};

const instantOrNull = (text: string | null) => (text === null ? null : new Date(text));

/**
 * Everything the coordinators' home shows, in one statement sent straight to
 * PostgreSQL (readRows), as they open it all day: the filtered page of cases and how many match, counts of every
 * open case by group (not narrowed by the filters), the filters' choices, and
 * the reviewers due for re-verification.
 */
export async function slaDashboard(filter: DashboardFilter, now: Date, today: LocalDate) {
  // Counts come as text from the driver (bigint).
  const rows = await readRows<{
    page: PageRowJson[] | null;
    matching: string;
    open: string;
    expedited: string;
    at_risk: string;
    overdue: string;
    flagged: string;
    plans: Choice[] | null;
    coordinators: Choice[] | null;
    reverification: ReverificationRow[] | null;
  }>(Prisma.sql`
    WITH page AS (${dashboardPageSql(filter, now)})
    SELECT (SELECT json_agg(page ORDER BY page.track DESC, page."nextDeadlineDueAt" ASC NULLS LAST, page.id ASC) FROM page) AS page,
           (SELECT count(*) FROM "Case" c WHERE ${dashboardCondition(filter, now)}) AS matching,
           count(*) AS open,
           count(*) FILTER (WHERE track = 'EXPEDITED') AS expedited,
           count(*) FILTER (WHERE "nextDeadlineAtRiskAt" <= ${now} AND "nextDeadlineDueAt" >= ${now}) AS at_risk,
           count(*) FILTER (WHERE "nextDeadlineDueAt" < ${now}) AS overdue,
           count(*) FILTER (WHERE "flaggedAt" IS NOT NULL) AS flagged,
           (SELECT json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.name) FROM "HealthPlan" p) AS plans,
           -- Only active coordinators are offered as a filter; a disabled one's cases still show their name.
           (SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name)
              FROM "User" u WHERE 'COORDINATOR' = ANY(u.roles) AND u."disabledAt" IS NULL) AS coordinators,
           (SELECT json_agg(panel ORDER BY panel."verifiedOn" ASC NULLS FIRST, panel.name ASC, panel.id ASC)
              FROM (${reverificationPanelSql(today)}) panel) AS reverification
      FROM "Case"
     WHERE status::text = ANY(${[...OPEN_STATUSES]})`);
  const row = rows[0];
  const counts: Counts = {
    open: Number(row?.open ?? 0),
    expedited: Number(row?.expedited ?? 0),
    atRisk: Number(row?.at_risk ?? 0),
    overdue: Number(row?.overdue ?? 0),
    flagged: Number(row?.flagged ?? 0),
  };
  const pageRows: DashboardRow[] = (row?.page ?? []).map((json) => ({
    ...json,
    flaggedAt: instantOrNull(json.flaggedAt),
    nextDeadlineDueAt: instantOrNull(json.nextDeadlineDueAt),
    nextDeadlineAtRiskAt: instantOrNull(json.nextDeadlineAtRiskAt),
  }));
  return {
    rows: pageRows,
    matching: Number(row?.matching ?? 0),
    counts,
    plans: row?.plans ?? [],
    coordinators: row?.coordinators ?? [],
    reverification: reverificationPanel(row?.reverification ?? [], today),
    pageSize: DASHBOARD_PAGE_SIZE,
  };
}
