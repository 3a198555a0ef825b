import { citationsOf, type Citation } from "~/domain/citations";
import type { LetterDocument } from "~/domain/decision-letter";
import type { DecisionOutcome } from "~/domain/panel";
import type { ReferenceItem } from "~/schemas/determination";
import { db, type Prisma, type Tx } from "../db.server";

/** What a reviewer's determination says: the columns every page and letter that shows one reads. */
export const OPINION_SELECT = {
  outcome: true,
  partOverturned: true,
  principalReasons: true,
  clinicalRationale: true,
  references: true,
  documentsConsidered: true,
  citations: true,
  standardOfReview: true,
  noConflictStatement: true,
  submittedAt: true,
} as const;
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

export interface LetterOpinion {
  id: string;
  /** 1, 2, 3 in the order the opinions were submitted. */
  number: number;
  outcome: DecisionOutcome;
  partOverturned: string | null;
  principalReasons: string;
  clinicalRationale: string;
  references: ReferenceItem[];
  documentsConsidered: LetterDocument[];
  citations: Citation[];
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
      ...OPINION_SELECT,
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
    tx.document.findMany({
      where: { caseId, id: { in: documentIds } },
      select: { id: true, fileName: true, kind: true, author: true, authoredOn: true, createdAt: true },
    }),
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
      documentsConsidered: row.documentsConsidered.flatMap((id): LetterDocument[] => {
        const document = documentById.get(id);
        if (!document) return [];
        const { fileName, kind, author, authoredOn, createdAt } = document;
        return [{ id, fileName, kind, author, authoredOn: authoredOn ? authoredOn.toISOString().slice(0, 10) : null, receivedAt: createdAt }];
      }),
      citations: citationsOf(row.citations).filter((citation) => documentById.has(citation.documentId)),
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
