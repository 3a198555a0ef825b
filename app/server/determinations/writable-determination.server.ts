import { can } from "~/domain/case-actions";
import { citationProblems, type CitableDocument, type Citation } from "~/domain/citations";
import type { CaseStatus } from "~/domain/case-status";
import type { DeterminationInput } from "~/schemas/determination";
import { reviewerView } from "~/domain/reviewer-access";
import { caseAccessWhere, openingAssignmentWhere } from "../cases/case-access.server";
import { caseRefused, type CaseReader } from "../cases/case-views.server";
import { db, type Prisma, type Tx } from "../db.server";
import { AppError, conflict } from "../errors.server";
import type { SessionUser } from "../session.server";

/**
 * The reviewer's own assignment on a case they may `action` (caseAccessWhere,
 * built from app/domain/reviewer-access.ts): to write, the case in review; to
 * read, decided or closed cases too, and `view` says how much they see.
 * Anyone else, or an assignment that ended, gets 404, logged as
 * `access.denied` for `reader`.
 */
export async function ownAssignment(
  user: Pick<SessionUser, "id" | "roles" | "planId">,
  caseId: string,
  reader: CaseReader,
  options: { action?: "case:read" | "determination:write"; tx?: Tx } = {},
) {
  const tx = options.tx ?? db;
  const assignment = await tx.reviewerAssignment.findFirst({
    where: { caseId, ...openingAssignmentWhere(user.id), case: caseAccessWhere(user, options.action ?? "determination:write") },
    select: { id: true, status: true, caseId: true, attestedAt: true, endedAt: true, case: { select: { status: true } } },
    orderBy: { offeredAt: "desc" },
  });
  if (!assignment) throw await caseRefused(reader, caseId);
  return { id: assignment.id, status: assignment.status, caseId: assignment.caseId, view: reviewerView(assignment, assignment.case.status) };
}

/** The documents considered must be on this case; a stale or forged id is refused next to the field. */
export async function assertDocumentsOnCase(tx: Tx, caseId: string, documentIds: readonly string[]): Promise<void> {
  if (documentIds.length === 0) return;
  const found = await tx.document.count({ where: { caseId, id: { in: [...documentIds] } } });
  if (found !== documentIds.length) {
    throw new AppError("BAD_REQUEST", "A document you ticked is no longer in this case's file. Reload the page and tick the documents again.", {
      field: "documentsConsidered",
    });
  }
}

/** Documents a reviewer reads and cites: the case file, not the letters and notices the portal wrote. */
export const CITABLE_DOCUMENTS = { kind: { notIn: ["DECISION_LETTER", "NOTICE"] } } satisfies Prisma.DocumentWhereInput;

/** The case's documents a citation may name, with their page counts, for the form's check. */
export async function citableDocuments(caseId: string, tx: Tx = db): Promise<CitableDocument[]> {
  return tx.document.findMany({ where: { caseId, ...CITABLE_DOCUMENTS }, select: { id: true, pageCount: true }, orderBy: { id: "asc" } });
}

/** The same, for the reviewer's form on a case they may write on (anyone else: 404, as ownAssignment). */
export async function reviewerCitableDocuments(user: Pick<SessionUser, "id" | "roles" | "planId">, caseId: string, reader: CaseReader) {
  await ownAssignment(user, caseId, reader);
  return citableDocuments(caseId);
}

/**
 * The citations again, inside the write: the form checked them against the
 * documents as it read them; a document removed or a page count learnt since
 * is refused next to the field.
 */
export async function assertCitationsOnCase(tx: Tx, caseId: string, citations: readonly Citation[]): Promise<void> {
  if (citations.length === 0) return;
  const [problem] = citationProblems(citations, await citableDocuments(caseId, tx));
  if (problem) throw new AppError("BAD_REQUEST", problem.message, { field: `citations.${problem.index}.${problem.field}` });
}

/** The determination's columns from the form (both drafts and submissions). */
export function determinationColumns(input: DeterminationInput) {
  return {
    outcome: input.outcome,
    partOverturned: input.partOverturned,
    principalReasons: input.principalReasons || null,
    clinicalRationale: input.clinicalRationale || null,
    references: input.references as unknown as Prisma.InputJsonValue,
    documentsConsidered: input.documentsConsidered,
    citations: input.citations as unknown as Prisma.InputJsonValue,
    standardOfReview: input.standardOfReview,
  };
}

/**
 * Where the reviewer's determination stands for writing: the case must be in
 * review (`caseStatus`, as the caller's transaction saw it), their assignment
 * still active, and their determination not submitted (a submitted one
 * changes only after the coordinator sends it back).
 */
export async function writableDetermination(tx: Tx, assignment: { id: string; status: string }, caseStatus: CaseStatus) {
  const determination = await tx.determination.findUnique({ where: { assignmentId: assignment.id }, select: { id: true, status: true, draftVersion: true } });
  if (determination?.status === "SUBMITTED") {
    throw conflict("You already submitted this determination. It can be changed only if the coordinator sends it back to you.");
  }
  if (assignment.status !== "ACCEPTED" || !can("writeOpinion", caseStatus, ["REVIEWER"])) {
    throw conflict("This case is no longer in review, so the determination cannot be changed.");
  }
  return determination;
}

/** Serializes writes to one reviewer's determination (a double click, two tabs). */
export async function lockAssignment(tx: Tx, assignmentId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "ReviewerAssignment" WHERE id = ${assignmentId}::uuid FOR UPDATE`;
}
