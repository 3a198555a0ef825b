import { DEADLINE_LABELS } from "~/domain/deadlines/lifecycle";
import type { z } from "zod";
import type { apiCase, apiCaseSummary, caseListQuery } from "~/schemas/api";
import { db, type Prisma } from "../db.server";
import { caseRefused, caseViewed } from "../cases/case-views.server";
import type { Actor } from "../request-context.server";
import { KIND_OF_DB } from "../deadlines/case-clocks.server";

type CaseListQuery = z.infer<typeof caseListQuery>;

/** Cursor of the case list: the last row's update time and id, opaque to clients. */
function encodeCursor(updatedAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([updatedAt.toISOString(), id])).toString("base64url");
}
function decodeCursor(cursor: string): { updatedAt: Date; id: string } | null {
  try {
    const [updatedAt, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const date = new Date(updatedAt);
    return Number.isNaN(date.getTime()) || typeof id !== "string" ? null : { updatedAt: date, id };
  } catch {
    return null;
  }
}

export class BadCursor extends Error {}

const SUMMARY = {
  id: true,
  reference: true,
  status: true,
  track: true,
  disputeType: true,
  planDenialReference: true,
  memberId: true,
  submittedAt: true,
  updatedAt: true,
} as const;

function summary(row: Prisma.CaseGetPayload<{ select: typeof SUMMARY }>): z.input<typeof apiCaseSummary> {
  return {
    reference: row.reference!,
    status: row.status,
    track: row.track,
    disputeType: row.disputeType,
    planDenialReference: row.planDenialReference,
    memberId: row.memberId,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The plan's cases, oldest change first, so a client can poll with updatedSince and follow nextCursor. */
export async function listPlanCases(planId: string, query: CaseListQuery) {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (after === null) throw new BadCursor();
  const where: Prisma.CaseWhereInput = {
    planId,
    status: query.status ? (query.status as Prisma.CaseWhereInput["status"]) : { not: "DRAFT" },
    reference: { not: null },
    ...(query.updatedSince ? { updatedAt: { gte: new Date(query.updatedSince) } } : {}),
    ...(after ? { OR: [{ updatedAt: { gt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { gt: after.id } }] } : {}),
  };
  const rows = await db.case.findMany({ where, orderBy: [{ updatedAt: "asc" }, { id: "asc" }], take: query.limit + 1, select: SUMMARY });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { data: page.map(summary), nextCursor: rows.length > query.limit && last ? encodeCursor(last.updatedAt, last.id) : null };
}

/** One case of the plan by reference, with its deadlines; never anything about reviewers. Another plan's case is 404. */
export async function planCaseByReference(planId: string, reference: string, actor: Actor): Promise<z.input<typeof apiCase>> {
  const row = await db.case.findFirst({
    where: { planId, reference, status: { not: "DRAFT" } },
    select: {
      ...SUMMARY,
      patientName: true,
      serviceDescription: true,
      procedureCodes: true,
      diagnosisCodes: true,
      denialDate: true,
      acceptedAt: true,
      decidedAt: true,
      closedAt: true,
      outcome: true,
      planCaseFileRequestedAt: true,
      planCaseFileCompletedAt: true,
      planCaseFileDenialReason: true,
      deadlines: {
        // An offer's answer (between the organization and a reviewer) and the publication review (the organization's own) are not the plan's business.
        where: { kind: { notIn: ["OFFER_RESPONSE", "PUBLICATION"] } },
        orderBy: { startedAt: "asc" },
        select: { kind: true, responsible: true, status: true, startedAt: true, dueAt: true, closedAt: true },
      },
    },
  });
  const reader = { actor, page: "API GET /api/v1/cases/:reference" };
  if (!row) throw await caseRefused(reader, reference, `Case ${reference}`);
  await caseViewed(reader, row);
  return {
    ...summary(row),
    patientName: row.patientName,
    serviceDescription: row.serviceDescription,
    procedureCodes: row.procedureCodes,
    diagnosisCodes: row.diagnosisCodes,
    denialDate: row.denialDate?.toISOString().slice(0, 10) ?? null,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    outcome: row.outcome,
    planCaseFile: {
      requestedAt: row.planCaseFileRequestedAt?.toISOString() ?? null,
      completedAt: row.planCaseFileCompletedAt?.toISOString() ?? null,
      denialReason: row.planCaseFileDenialReason,
    },
    deadlines: row.deadlines.map((deadline) => ({
      kind: deadline.kind as Exclude<typeof deadline.kind, "OFFER_RESPONSE" | "PUBLICATION">,
      label: DEADLINE_LABELS[KIND_OF_DB[deadline.kind]],
      responsible: deadline.responsible as "ORGANIZATION" | "APPLICANT" | "PLAN",
      status: deadline.status,
      startedAt: deadline.startedAt.toISOString(),
      dueAt: deadline.dueAt.toISOString(),
      closedAt: deadline.closedAt?.toISOString() ?? null,
    })),
  };
}
