import { contentRange, rangeIn, type ByteRange, type RangeRequest } from "~/domain/documents/byte-range";
import { FILE_TYPES } from "~/domain/documents/file-types";
import { audit, type AuditEntry } from "../audit.server";
import { documentAccessWhere } from "../cases/case-access.server";
import { NOT_FOUND_OR_NOT_YOURS } from "../cases/case-views.server";
import { db } from "../db.server";
import { log } from "../log.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { DocumentIntegrityError } from "./document-cipher.server";
import { DocumentRefusal, documentNotFound } from "./document-refusal.server";
import { documentStorage, type DocumentStorage } from "./storage.server";

export interface DocumentDownload {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** Shown in the browser tab rather than saved (asked for, and the type allows it). */
  inline: boolean;
  /** The part of the document `body` holds, when one was asked for; null for the whole. */
  range: ByteRange | null;
  body: ReadableStream<Uint8Array>;
}

const INLINE_TYPES = new Set(
  Object.values(FILE_TYPES)
    .filter((type) => type.viewableInline)
    .map((type) => type.contentType),
);

/**
 * A part of a document read this soon after the same person's last
 * `document.downloaded` row for it writes none: pdf.js reading a large PDF
 * asks for dozens of parts (each page's objects, the thumbnails'), which
 * would bury the opening in rows that say nothing more. Someone reading
 * parts for longer still gets a row every 10 minutes.
 */
export const PARTS_AUDITED_ONCE_WITHIN_MS = 10 * 60 * 1000;

/**
 * Opens a document, or the `range` of it asked for, for someone allowed to
 * read the case's records and writes the audit row every view of records
 * needs (who, from where).
 */
export async function downloadDocument(
  options: { user: SessionUser; actor: Actor; documentId: string; inline: boolean; range?: RangeRequest | null; at?: Date },
  storage: DocumentStorage = documentStorage(),
): Promise<DocumentDownload> {
  const document = await db.document.findFirst({
    where: { AND: [{ id: options.documentId }, documentAccessWhere(options.user)] },
    select: { id: true, caseId: true, fileName: true, contentType: true, sizeBytes: true, storageKey: true },
  });
  if (!document) {
    // A refused attempt on a case's records: logged with the id asked for, nothing of any document.
    await audit(options.actor, { action: "access.denied", objectType: "Document", detail: { asked: options.documentId, reason: NOT_FOUND_OR_NOT_YOURS } });
    throw documentNotFound();
  }
  const sizeBytes = Number(document.sizeBytes);
  const range = options.range ? rangeIn(options.range, sizeBytes) : null;
  if (options.range && !range) {
    throw new DocumentRefusal(416, "Range not satisfiable", `The document has ${sizeBytes} bytes; the range asked for is not in it.`, undefined, {
      "Content-Range": contentRange({ size: sizeBytes }),
    });
  }
  let body: ReadableStream<Uint8Array>;
  try {
    body = await storage.get(document.storageKey, range ? { offset: range.first, length: range.last - range.first + 1 } : undefined);
  } catch (error) {
    log.error("document could not be opened", error, { documentId: document.id });
    const detail =
      error instanceof DocumentIntegrityError
        ? "The stored file failed its integrity check, so it was not sent. The review organization has been alerted."
        : "The stored file could not be read. The review organization has been alerted.";
    throw new DocumentRefusal(500, "Document could not be opened", detail);
  }
  const inline = options.inline && INLINE_TYPES.has(document.contentType);
  const at = options.at ?? new Date();
  const entry = {
    action: "document.downloaded",
    objectType: "Document",
    objectId: document.id,
    detail: { caseId: document.caseId, inline, ...(range ? { range: { first: range.first, last: range.last } } : {}) },
    at,
  };
  if (range) await auditPart(options.actor, entry);
  else await audit(options.actor, entry);
  return { fileName: document.fileName, contentType: document.contentType, sizeBytes, inline, range, body };
}

/**
 * Headers for a document response. The type is the one found by content and
 * nosniff keeps the browser to it. Nothing in a document may run script:
 * images get an empty, sandboxed policy; PDFs drop only the sandbox, because
 * Chromium refuses to start its PDF viewer in a sandboxed document. No
 * document may be framed: the record viewer draws them itself.
 */
export function downloadHeaders(download: Pick<DocumentDownload, "fileName" | "contentType" | "sizeBytes" | "inline" | "range">): Headers {
  const sandbox = download.inline && download.contentType === FILE_TYPES.pdf.contentType ? "" : "; sandbox";
  const { range } = download;
  return new Headers({
    "Content-Type": download.contentType,
    "Content-Length": String(range ? range.last - range.first + 1 : download.sizeBytes),
    ...(range ? { "Content-Range": contentRange(range) } : {}),
    "Content-Disposition": contentDisposition(download.inline ? "inline" : "attachment", download.fileName),
    "Content-Security-Policy": `default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'${sandbox}`,
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "private, no-store",
  });
}

/** RFC 6266: a plain ASCII name for old clients and the exact name in UTF-8. */
function contentDisposition(type: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A part's row, unless the same person has one for the document from the last 10 minutes. */
async function auditPart(actor: Actor, entry: AuditEntry & { objectId: string; at: Date }): Promise<void> {
  if (!actor.userId) return audit(actor, entry);
  const userId = actor.userId;
  await db.$transaction(async (tx) => {
    // pdf.js asks for several parts at once: one at a time per person and document, each sees the row the one before wrote.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`document.downloaded ${userId} ${entry.objectId}`}, 0))`;
    const lately = await tx.auditLog.findFirst({
      where: {
        objectType: "Document",
        objectId: entry.objectId,
        action: "document.downloaded",
        actorId: userId,
        at: { gt: new Date(entry.at.getTime() - PARTS_AUDITED_ONCE_WITHIN_MS), lte: entry.at },
      },
      select: { id: true },
    });
    if (!lately) await audit(actor, entry, tx);
  });
}
