import type { LocalDate } from "~/domain/deadlines/time-zone";
import { audit } from "../audit.server";
import { caseAccessWhere } from "../cases/case-access.server";
import { caseRefused } from "../cases/case-views.server";
import { db } from "../db.server";
import { CITABLE_DOCUMENTS } from "../determinations/writable-determination.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";

/**
 * Records who wrote a document of the case file and the date it bears, for
 * the letter's list of documents considered. The coordinator screening or
 * deciding the case, or a reviewer while they write their determination,
 * may set them; anyone else finds no such document (404). Audited with the
 * values before and after; not on the timeline (it changes no step of the
 * case).
 */
export async function describeDocument(options: {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  documentId: string;
  author: string | null;
  authoredOn: LocalDate | null;
  at?: Date;
}): Promise<void> {
  const at = options.at ?? new Date();
  const access = { OR: [caseAccessWhere(options.user, "case:screen"), caseAccessWhere(options.user, "determination:write")] };
  await db.$transaction(async (tx) => {
    const document = await tx.document.findFirst({
      where: { id: options.documentId, caseId: options.caseId, ...CITABLE_DOCUMENTS, case: access },
      select: { id: true, author: true, authoredOn: true },
    });
    if (!document) throw await caseRefused({ actor: options.actor, page: "document details" }, options.documentId, "This document");
    const authoredOn = options.authoredOn ? new Date(`${options.authoredOn}T00:00:00Z`) : null;
    await tx.document.update({ where: { id: document.id }, data: { author: options.author, authoredOn } });
    await audit(
      options.actor,
      {
        action: "document.described",
        objectType: "Document",
        objectId: document.id,
        detail: {
          caseId: options.caseId,
          before: { author: document.author, authoredOn: document.authoredOn?.toISOString().slice(0, 10) ?? null },
          after: { author: options.author, authoredOn: options.authoredOn },
        },
        at,
      },
      tx,
    );
  });
}
