import { can } from "~/domain/case-actions";
import type { CaseStatus } from "~/domain/case-status";
import type { DecisionOutcome } from "~/domain/panel";
import type { DeterminationInput, ReferenceItem } from "~/schemas/determination";
import { caseAccessWhere } from "../cases/case-access.server";
import { db, type Prisma, type Tx } from "../db.server";
import { AppError, conflict, notFound } from "../errors.server";
import type { SessionUser } from "../session.server";

/**
 * Reads shared by the reviewer's page, the quality review and the decision
 * letter. A panel's opinions are the SUBMITTED determinations of reviewers
 * still on the case (a replaced reviewer's work does not count).
 */

export function countedOpinionsWhere(caseId: string): Prisma.DeterminationWhereInput {
  return { caseId, status: "SUBMITTED", assignment: { status: { in: ["ACCEPTED", "COMPLETED"] } } };
}

/** The references column as typed rows; anything malformed is left out rather than trusted. */
export function referencesOf(value: Prisma.JsonValue): ReferenceItem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (!item || typeof item !== "object" || Array.isArray(item)) return [];
    const row = item as Record<string, unknown>;
    if (typeof row.title !== "string" || typeof row.source !== "string") return [];
    return [
      {
        title: row.title,
        source: row.source,
        year: typeof row.year === "number" ? row.year : null,
        url: typeof row.url === "string" ? row.url : null,
      },
    ];
  });
}

/**
 * The reviewer's own assignment on a case they may work on: accepted (or
 * completed) and attested, inside caseAccessWhere. Anyone else gets 404.
 */
export async function ownAssignment(user: Pick<SessionUser, "id" | "roles" | "planId">, caseId: string, tx: Tx = db) {
  const assignment = await tx.reviewerAssignment.findFirst({
    where: {
      caseId,
      reviewerId: user.id,
      status: { in: ["ACCEPTED", "COMPLETED"] },
      attestedAt: { not: null },
      case: caseAccessWhere(user, "determination:write"),
    },
    select: { id: true, status: true, caseId: true },
    orderBy: { offeredAt: "desc" },
  });
  if (!assignment) throw notFound("This case");
  return assignment;
}

export interface LetterOpinion {
  id: string;
  /** 1, 2, 3 in the order the opinions were submitted. */
  number: number;
  outcome: DecisionOutcome;
  partOverturned: string | null;
  principalReasons: string;
  clinicalRationale: string;
  references: ReferenceItem[];
  documentsConsidered: { id: string; fileName: string; kind: string }[];
  standardOfReview: string;
  noConflictStatement: string;
  submittedAt: Date;
  /** Who the reviewer is professionally; never their name (reviewers are anonymous to the parties). */
  reviewer: {
    specialty: string | null;
    credentials: string | null;
    yearsInPractice: number | null;
    boardCertifications: { specialty: string; board: string }[];
  };
}

/**
 * Every opinion that counts for the decision, for the letter: the
 * determination with the reviewer's specialty and qualifications, without
 * the reviewer's name.
 */
export async function submittedDeterminations(caseId: string, tx: Tx = db): Promise<LetterOpinion[]> {
  const rows = await tx.determination.findMany({
    where: countedOpinionsWhere(caseId),
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      outcome: true,
      partOverturned: true,
      principalReasons: true,
      clinicalRationale: true,
      references: true,
      documentsConsidered: true,
      standardOfReview: true,
      noConflictStatement: true,
      submittedAt: true,
      assignment: {
        select: {
          reviewer: {
            select: {
              reviewerProfile: {
                select: {
                  primarySpecialty: true,
                  credentials: true,
                  yearsInPractice: true,
                  certifications: { select: { specialtyCode: true, board: true }, orderBy: { specialtyCode: "asc" } },
                },
              },
            },
          },
        },
      },
    },
  });
  const documentIds = [...new Set(rows.flatMap((row) => row.documentsConsidered))];
  const certificationCodes = [...new Set(rows.flatMap((row) => row.assignment.reviewer.reviewerProfile?.certifications.map((c) => c.specialtyCode) ?? []))];
  const [documents, specialties] = await Promise.all([
    tx.document.findMany({ where: { caseId, id: { in: documentIds } }, select: { id: true, fileName: true, kind: true } }),
    tx.specialty.findMany({ where: { code: { in: certificationCodes } }, select: { code: true, name: true } }),
  ]);
  const documentById = new Map(documents.map((document) => [document.id, document]));
  const specialtyName = new Map(specialties.map((specialty) => [specialty.code, specialty.name]));
  return rows.map((row, index) => {
    const profile = row.assignment.reviewer.reviewerProfile;
    return {
      id: row.id,
      number: index + 1,
      // A SUBMITTED determination passed the full form check, so these are set.
      outcome: row.outcome as DecisionOutcome,
      partOverturned: row.partOverturned,
      principalReasons: row.principalReasons ?? "",
      clinicalRationale: row.clinicalRationale ?? "",
      references: referencesOf(row.references),
      documentsConsidered: row.documentsConsidered.flatMap((id) => {
        const document = documentById.get(id);
        return document ? [{ id: document.id, fileName: document.fileName, kind: document.kind as string }] : [];
      }),
      standardOfReview: row.standardOfReview ?? "",
      noConflictStatement: row.noConflictStatement ?? "",
      submittedAt: row.submittedAt as Date,
      reviewer: {
        specialty: profile?.primarySpecialty ?? null,
        credentials: profile?.credentials ?? null,
        yearsInPractice: profile?.yearsInPractice ?? null,
        boardCertifications: (profile?.certifications ?? []).map((certification) => ({
          specialty: specialtyName.get(certification.specialtyCode) ?? certification.specialtyCode,
          board: certification.board,
        })),
      },
    };
  });
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

/** The determination's columns from the form (both drafts and submissions). */
export function determinationColumns(input: DeterminationInput) {
  return {
    outcome: input.outcome,
    partOverturned: input.partOverturned,
    principalReasons: input.principalReasons || null,
    clinicalRationale: input.clinicalRationale || null,
    references: input.references as unknown as Prisma.InputJsonValue,
    documentsConsidered: input.documentsConsidered,
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
  const determination = await tx.determination.findUnique({ where: { assignmentId: assignment.id }, select: { id: true, status: true } });
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
