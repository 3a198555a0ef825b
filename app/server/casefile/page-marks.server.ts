import { isEmptyMark, isMarkablePage, lastMarkablePage, pagesRead, readingProgressText } from "~/domain/casefile/page-marks";
import { OUTCOME_DOCUMENT_KINDS } from "~/domain/reviewer-access";
import { audit } from "../audit.server";
import { caseRefused, type CaseReader } from "../cases/case-views.server";
import { ownAssignment } from "../determinations/writable-determination.server";
import { db, type Tx } from "../db.server";
import { AppError, conflict } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";

/** Documents of the case file a reviewer reads (the letter and notices are the organization's own). */
export const CASE_FILE_KINDS_EXCLUDED = [...OUTCOME_DOCUMENT_KINDS, "NOTICE"] as const;

export interface PageMarking {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  documentId: string;
  pageNumber: number;
  at?: Date;
}

export interface OwnPageMark {
  pageNumber: number;
  readAt: Date | null;
  bookmarkedAt: Date | null;
  note: string | null;
}

const MARK_SELECT = { pageNumber: true, readAt: true, bookmarkedAt: true, note: true } as const;

/** The reviewer's own marks on one document, by page. */
export function ownDocumentMarks(userId: string, documentId: string): Promise<OwnPageMark[]> {
  return db.pageMark.findMany({ where: { userId, documentId }, orderBy: { pageNumber: "asc" }, select: MARK_SELECT });
}

/**
 * The page being marked, on a document of the reviewer's case file, while
 * they hold the assignment (the case in review, their assignment accepted).
 * Anyone else, or a document not on the case, gets 404 (logged); a page
 * beyond the document's, 400 next to the page.
 */
async function markablePage(options: PageMarking, tx: Tx) {
  const reader: CaseReader = { actor: options.actor, page: "page marks", at: options.at };
  const assignment = await ownAssignment(options.user, options.caseId, reader, { action: "determination:write", tx });
  if (assignment.status !== "ACCEPTED") throw conflict("Your work on this case has ended, so its pages can no longer be marked.");
  const document = await tx.document.findFirst({
    where: { id: options.documentId, caseId: options.caseId, kind: { notIn: [...CASE_FILE_KINDS_EXCLUDED] } },
    select: { id: true, pageCount: true },
  });
  if (!document) throw await caseRefused(reader, options.documentId, "This document");
  if (!isMarkablePage(options.pageNumber, document.pageCount)) {
    throw new AppError("BAD_REQUEST", `Choose a page from 1 to ${lastMarkablePage(document.pageCount)}.`, { field: "pageNumber" });
  }
  return { userId: options.user.id, caseId: options.caseId, documentId: document.id, pageNumber: options.pageNumber };
}

const keyOf = (mark: { userId: string; documentId: string; pageNumber: number }) => ({
  userId_documentId_pageNumber: { userId: mark.userId, documentId: mark.documentId, pageNumber: mark.pageNumber },
});

/** A mark that no longer says anything is not kept. */
async function dropIfEmpty(tx: Tx, mark: { userId: string; documentId: string; pageNumber: number }) {
  const row = await tx.pageMark.findUnique({ where: keyOf(mark), select: { readAt: true, bookmarkedAt: true } });
  if (row && isEmptyMark(row)) await tx.pageMark.delete({ where: keyOf(mark) });
}

/**
 * The reviewer saw the page in the viewer. Not audited on its own: opening
 * the document already was, and a row per page turned would flood the log.
 * The first reading's time is kept.
 */
export async function recordPageRead(options: PageMarking): Promise<OwnPageMark[]> {
  const at = options.at ?? new Date();
  return db.$transaction(async (tx) => {
    const mark = await markablePage(options, tx);
    await tx.pageMark.createMany({ data: [{ ...mark, readAt: at }], skipDuplicates: true });
    await tx.pageMark.updateMany({ where: { ...mark, readAt: null }, data: { readAt: at } });
    return tx.pageMark.findMany({ where: { userId: mark.userId, documentId: mark.documentId }, orderBy: { pageNumber: "asc" }, select: MARK_SELECT });
  });
}

/** "Mark unread": the page goes back among the unread ones; a bookmark on it stays. */
export async function markPageUnread(options: PageMarking): Promise<OwnPageMark[]> {
  return db.$transaction(async (tx) => {
    const mark = await markablePage(options, tx);
    await tx.pageMark.updateMany({ where: mark, data: { readAt: null } });
    await dropIfEmpty(tx, mark);
    return tx.pageMark.findMany({ where: { userId: mark.userId, documentId: mark.documentId }, orderBy: { pageNumber: "asc" }, select: MARK_SELECT });
  });
}

/**
 * A bookmark on the page, with the reviewer's note (or its note changed).
 * Audited with where it is, not what the note says.
 */
export async function saveBookmark(options: PageMarking & { note: string | null }): Promise<OwnPageMark[]> {
  const at = options.at ?? new Date();
  return db.$transaction(async (tx) => {
    const mark = await markablePage(options, tx);
    const before = await tx.pageMark.findUnique({ where: keyOf(mark), select: { bookmarkedAt: true } });
    await tx.pageMark.upsert({
      where: keyOf(mark),
      create: { ...mark, bookmarkedAt: at, note: options.note },
      update: { bookmarkedAt: before?.bookmarkedAt ?? at, note: options.note },
    });
    await audit(
      options.actor,
      {
        action: before?.bookmarkedAt ? "page_bookmark.changed" : "page_bookmark.added",
        objectType: "Document",
        objectId: mark.documentId,
        detail: { caseId: mark.caseId, pageNumber: mark.pageNumber },
        at,
      },
      tx,
    );
    return tx.pageMark.findMany({ where: { userId: mark.userId, documentId: mark.documentId }, orderBy: { pageNumber: "asc" }, select: MARK_SELECT });
  });
}

/** The bookmark and its note are removed; whether the page was read stays. */
export async function removeBookmark(options: PageMarking): Promise<OwnPageMark[]> {
  const at = options.at ?? new Date();
  return db.$transaction(async (tx) => {
    const mark = await markablePage(options, tx);
    const removed = await tx.pageMark.updateMany({ where: { ...mark, bookmarkedAt: { not: null } }, data: { bookmarkedAt: null, note: null } });
    if (removed.count > 0) {
      await audit(
        options.actor,
        {
          action: "page_bookmark.removed",
          objectType: "Document",
          objectId: mark.documentId,
          detail: { caseId: mark.caseId, pageNumber: mark.pageNumber },
          at,
        },
        tx,
      );
    }
    await dropIfEmpty(tx, mark);
    return tx.pageMark.findMany({ where: { userId: mark.userId, documentId: mark.documentId }, orderBy: { pageNumber: "asc" }, select: MARK_SELECT });
  });
}

/**
 * How much of each document the reviewer has read, by their own marks, for
 * their case page: "12 of 40 pages read". The caller has already checked
 * their access to the case.
 */
export async function ownReadingProgress(userId: string, documents: readonly { id: string; pageCount: number | null }[]): Promise<Record<string, string>> {
  const marks = await db.pageMark.findMany({
    where: { userId, documentId: { in: documents.map((document) => document.id) }, readAt: { not: null } },
    select: { documentId: true, pageNumber: true, readAt: true },
  });
  return Object.fromEntries(
    documents.map((document) => [
      document.id,
      readingProgressText(
        pagesRead(
          marks.filter((mark) => mark.documentId === document.id),
          document.pageCount,
        ),
        document.pageCount,
      ),
    ]),
  );
}
