import { mayRemove } from "~/domain/documents/limits";
import { audit } from "../audit.server";
import { groupCaseDuplicates } from "../casefile/duplicates.server";
import { documentAccessWhere } from "../cases/case-access.server";
import { db } from "../db.server";
import { log } from "../log.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { DocumentRefusal, documentNotFound } from "./document-refusal.server";
import { documentStorage, type DocumentStorage } from "./storage.server";

/**
 * Removes a document its uploader added by mistake, while the request is
 * still a draft. Once filed, documents are part of the record and stay.
 */
export async function removeDocument(
  options: { user: SessionUser; actor: Actor; documentId: string },
  storage: DocumentStorage = documentStorage(),
): Promise<void> {
  const { storageKey, caseId } = await db.$transaction(async (tx) => {
    const document = await tx.document.findFirst({
      where: { AND: [{ id: options.documentId }, documentAccessWhere(options.user)] },
      select: { id: true, caseId: true, kind: true, fileName: true, storageKey: true, uploadedById: true, case: { select: { status: true } } },
    });
    if (!document) throw documentNotFound();
    if (document.uploadedById !== options.user.id) {
      throw new DocumentRefusal(403, "Not your document", "Only the person who added a document can remove it.");
    }
    if (!mayRemove(document.case.status)) {
      throw new DocumentRefusal(
        409,
        "Documents can no longer be removed",
        "This request has been filed, so its documents are part of the record. To correct one, add the right document and tell the review organization.",
      );
    }
    await tx.document.delete({ where: { id: document.id } });
    await audit(
      options.actor,
      {
        action: "document.deleted",
        objectType: "Document",
        objectId: document.id,
        detail: { caseId: document.caseId, kind: document.kind, fileName: document.fileName },
      },
      tx,
    );
    return { storageKey: document.storageKey, caseId: document.caseId };
  });
  // Its pages went with it: a page that repeated one of them is now the first of its group.
  await groupCaseDuplicates(caseId);
  // The row is gone, so nothing points at the file any more; a file that
  // cannot be deleted now is harmless and only logged.
  await storage.delete(storageKey).catch((error: unknown) => log.warn("removed document's file was not deleted", { storageKey, error: String(error) }));
}
