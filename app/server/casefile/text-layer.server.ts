import crypto from "node:crypto";
import { pageFingerprints } from "~/domain/casefile/fingerprints";
import { KINDS_WITHOUT_TEXT_LAYER, READABLE_CONTENT_TYPES, TEXT_LAYER_LIMITS } from "~/domain/casefile/text-layer";
import { db } from "../db.server";
import { log } from "../log.server";
import { documentStorage, type DocumentStorage } from "../documents/storage.server";
import { groupCaseDuplicates } from "./duplicates.server";
import { openForReading, UnreadableDocument, type OpenedDocument } from "./read-document.server";

/** One job of a document's text layer: read its pages from the first one not yet read (docs/rules/case-file-reading.md). */
export interface TextLayerJob {
  documentId: string;
  /** The first page without text when the job was queued; names the job, so queueing it twice queues it once. */
  fromPage: number;
}

/**
 * A job reads pages for at most this long, then hands the rest to the next
 * job: other documents (a newly added one) get their turn between, and a
 * restart loses at most the page being read.
 */
const BATCH_MS = 20_000;

export interface TextLayerOptions {
  /** Queues the next job of the same document. */
  queue: (job: TextLayerJob) => Promise<void>;
  storage?: DocumentStorage;
  open?: (bytes: Uint8Array, contentType: string) => Promise<OpenedDocument>;
  now?: () => number;
  /** Aborted when the worker stops: the job ends after the page it is reading, and is retried from the next one. */
  signal?: AbortSignal;
}

export type TextLayerOutcome = "more" | "done" | "failed" | "skipped";

/**
 * Runs one job of a document's text layer. Each page is written on its own
 * (one row per document and page), with the document's progress, so a job
 * that dies midway is retried from the first page without text: no page is
 * read twice, none is lost. When every page is read the document is
 * searchable and its case's duplicates are grouped again.
 */
export async function readDocumentPages(job: TextLayerJob, options: TextLayerOptions): Promise<TextLayerOutcome> {
  const now = options.now ?? Date.now;
  const started = now();
  const document = await db.document.findUnique({
    where: { id: job.documentId },
    select: { id: true, caseId: true, contentType: true, storageKey: true, textLayerStatus: true },
  });
  if (!document || (document.textLayerStatus !== "PENDING" && document.textLayerStatus !== "RUNNING")) return "skipped";

  let opened: OpenedDocument;
  try {
    const bytes = await readPlaintext(document.storageKey, options.storage ?? documentStorage());
    opened = await (options.open ?? openForReading)(bytes, document.contentType);
  } catch (error) {
    return fail(document.id, error);
  }
  try {
    if (opened.pageCount > TEXT_LAYER_LIMITS.maxPages) {
      return await fail(
        document.id,
        new UnreadableDocument(
          `it has ${opened.pageCount.toLocaleString("en-US")} pages, more than the ${TEXT_LAYER_LIMITS.maxPages.toLocaleString("en-US")} one document may have to be read. Split it into smaller files.`,
        ),
      );
    }
    await db.document.update({ where: { id: document.id }, data: { textLayerStatus: "RUNNING", pageCount: opened.pageCount, textLayerError: null } });
    const read = new Set((await db.documentPage.findMany({ where: { documentId: document.id }, select: { pageNumber: true } })).map((page) => page.pageNumber));
    for (let pageNumber = 1; pageNumber <= opened.pageCount; pageNumber += 1) {
      if (read.has(pageNumber)) continue;
      options.signal?.throwIfAborted();
      if (now() - started >= BATCH_MS) {
        await options.queue({ documentId: document.id, fromPage: pageNumber });
        return "more";
      }
      await savePage(document, pageNumber, await readOnePage(opened, pageNumber));
    }
  } finally {
    await opened.close();
  }
  await db.document.update({ where: { id: document.id }, data: { textLayerStatus: "DONE" } });
  await groupCaseDuplicates(document.caseId);
  return "done";
}

/** A page that cannot be read (a damaged page in a good file) is kept without text; the rest of the document is still read. */
async function readOnePage(opened: OpenedDocument, pageNumber: number) {
  try {
    return await opened.readPage(pageNumber);
  } catch (error) {
    log.warn("case file page could not be read", { pageNumber, error: (error as Error).message });
    return { text: "", source: "NONE" as const, ocrConfidence: null, image: null };
  }
}

async function savePage(document: { id: string; caseId: string }, pageNumber: number, reading: Awaited<ReturnType<OpenedDocument["readPage"]>>): Promise<void> {
  const page = {
    caseId: document.caseId,
    text: reading.text,
    source: reading.source,
    ocrConfidence: reading.ocrConfidence,
    ...pageFingerprints(reading.text, reading.image),
  };
  await db.$transaction(async (tx) => {
    await tx.documentPage.upsert({
      where: { documentId_pageNumber: { documentId: document.id, pageNumber } },
      create: { documentId: document.id, pageNumber, ...page },
      update: page,
    });
    const pagesIndexed = await tx.documentPage.count({ where: { documentId: document.id } });
    await tx.document.update({ where: { id: document.id }, data: { pagesIndexed } });
  });
}

async function fail(documentId: string, error: unknown): Promise<"failed"> {
  const reason =
    error instanceof UnreadableDocument
      ? `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}`
      : "The file could not be opened from storage. Ask an administrator to check the document store.";
  if (!(error instanceof UnreadableDocument)) log.error("case file text layer could not open a document", error, { documentId });
  await db.document.update({ where: { id: documentId }, data: { textLayerStatus: "FAILED", textLayerError: reason } });
  return "failed";
}

/** The document's plaintext, in memory only: it is never written to disk. */
async function readPlaintext(storageKey: string, storage: DocumentStorage): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = (await storage.get(storageKey)).getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  return Buffer.concat(chunks);
}

/** The job's id follows from what it does, so queueing the same job twice (a retry, the sweep) queues it once. */
export function textLayerJobId(job: TextLayerJob): string {
  const hex = crypto.createHash("sha256").update(`text-layer:${job.documentId}:${job.fromPage}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Finds documents whose text layer is still to start and queues them: new
 * uploads (marked pending as they are stored), and documents that came
 * before the text layer existed (backfilled here, once).
 */
export async function queuePendingTextLayers(queue: (job: TextLayerJob) => Promise<void>): Promise<number> {
  await db.document.updateMany({
    where: { textLayerStatus: null, kind: { notIn: [...KINDS_WITHOUT_TEXT_LAYER] }, contentType: { in: [...READABLE_CONTENT_TYPES] } },
    data: { textLayerStatus: "PENDING" },
  });
  const pending = await db.document.findMany({ where: { textLayerStatus: "PENDING" }, select: { id: true }, orderBy: { createdAt: "asc" }, take: 100 });
  for (const document of pending) await queue({ documentId: document.id, fromPage: 1 });
  return pending.length;
}
