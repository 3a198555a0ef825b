import type { DocumentSummary } from "~/domain/documents/document-summary";
import { mayRemove } from "~/domain/documents/limits";
import { documentAccessWhere } from "../cases/case-access.server";
import { db } from "../db.server";
import type { SessionUser } from "../session.server";

/** The documents on a case the person may read, oldest first; empty when they may not. */
export async function listCaseDocuments(user: SessionUser, caseId: string): Promise<DocumentSummary[]> {
  const documents = await db.document.findMany({
    where: { AND: [{ caseId }, documentAccessWhere(user)] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, fileName: true, kind: true, sizeBytes: true, createdAt: true, uploadedById: true, case: { select: { status: true } } },
  });
  return documents.map((document) => ({
    id: document.id,
    fileName: document.fileName,
    kind: document.kind,
    sizeBytes: Number(document.sizeBytes),
    createdAt: document.createdAt.toISOString(),
    removable: document.uploadedById === user.id && mayRemove(document.case.status),
  }));
}
