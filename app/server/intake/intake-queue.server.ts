import type { CaseStatus } from "~/domain/case-status";
import { deadlineState, timeLeftText, type DeadlineState } from "~/domain/deadlines/case-deadlines";
import { db } from "../db.server";

const QUEUE_PAGE_SIZE = 50;

interface QueueRow {
  id: string;
  reference: string;
  status: CaseStatus;
  track: "STANDARD" | "EXPEDITED";
  filedLate: boolean;
  submittedAt: Date | null;
  planName: string | null;
  coordinatorName: string | null;
  eligibilityStartedAt: Date | null;
  eligibilityDueAt: Date | null;
  objected: boolean;
  waitingForInformation: boolean;
}

/**
 * The coordinators' queue: filed requests waiting for their eligibility
 * decision, expedited first, then by when that decision is due.
 */
export async function intakeQueue(page: number, now = new Date()) {
  const offset = (page - 1) * QUEUE_PAGE_SIZE;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<QueueRow[]>`
      SELECT c.id, c.reference, c.status::text AS status, c.track::text AS track, c."filedLate", c."submittedAt",
             p.name AS "planName", u.name AS "coordinatorName",
             e."startedAt" AS "eligibilityStartedAt", e."dueAt" AS "eligibilityDueAt",
             EXISTS (SELECT 1 FROM "CaseEvent" ev WHERE ev."caseId" = c.id AND ev.type = 'eligibility_objection') AS objected,
             EXISTS (SELECT 1 FROM "InformationRequest" ir WHERE ir."caseId" = c.id AND ir."answeredAt" IS NULL) AS "waitingForInformation"
      FROM "Case" c
      LEFT JOIN "HealthPlan" p ON p.id = c."planId"
      LEFT JOIN "User" u ON u.id = c."coordinatorId"
      LEFT JOIN LATERAL (
        SELECT d."startedAt", d."dueAt" FROM "CaseDeadline" d
        WHERE d."caseId" = c.id AND d.kind = 'ELIGIBILITY'
        ORDER BY d."startedAt" DESC LIMIT 1
      ) e ON true
      WHERE c.status IN ('SUBMITTED', 'ELIGIBILITY_REVIEW')
      ORDER BY (c.track = 'EXPEDITED') DESC, e."dueAt" ASC NULLS LAST, c."submittedAt" ASC, c.id
      LIMIT ${QUEUE_PAGE_SIZE} OFFSET ${offset}`,
    db.case.count({ where: { status: { in: ["SUBMITTED", "ELIGIBILITY_REVIEW"] } } }),
  ]);
  return {
    total: counted,
    page,
    pages: Math.max(1, Math.ceil(counted / QUEUE_PAGE_SIZE)),
    rows: rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      status: row.status,
      expedited: row.track === "EXPEDITED",
      filedLate: row.filedLate,
      filed: row.submittedAt,
      plan: row.planName,
      coordinator: row.coordinatorName,
      objected: row.objected,
      waitingForInformation: row.waitingForInformation,
      eligibilityDue: row.eligibilityDueAt,
      timeLeft: row.eligibilityDueAt ? timeLeftText(row.eligibilityDueAt, now) : null,
      state: (row.eligibilityDueAt && row.eligibilityStartedAt
        ? deadlineState(row.eligibilityStartedAt, row.eligibilityDueAt, now)
        : null) as DeadlineState | null,
    })),
  };
}
