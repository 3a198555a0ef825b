import { openingPage, pageTextBlock, viewerKind, type PageText, type PageTextBlock } from "~/domain/casefile/page-marks";
import type { DocumentKind } from "~/domain/documents/document-kinds";
import { audit } from "../audit.server";
import { caseRefused, type CaseReader } from "../cases/case-views.server";
import { ownAssignment } from "../determinations/writable-determination.server";
import { db, type Prisma } from "../db.server";
import { screeningWhere } from "../intake/intake-case.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { CASE_FILE_KINDS_EXCLUDED, ownDocumentMarks, type OwnPageMark } from "./page-marks.server";

export interface DocumentViewerPage {
  case: { id: string; reference: string | null };
  document: {
    id: string;
    fileName: string;
    kind: DocumentKind;
    view: ReturnType<typeof viewerKind>;
    pageCount: number | null;
    textLayerStatus: string | null;
  };
  /** The page the viewer opens on (`?page=`). */
  page: number;
  /** The text layer of the block of pages around `page` (pageTextBlock), for a screen reader, without JavaScript, and for documents the browser cannot draw. */
  pages: PageText[];
  /** The reviewer's own marks; null for the coordinator, who keeps none. */
  marks: OwnPageMark[] | null;
  /** The reviewer may still mark pages (they hold the assignment). */
  markable: boolean;
}

const DOCUMENT_SELECT = { id: true, fileName: true, kind: true, contentType: true, pageCount: true, textLayerStatus: true } as const;

type ViewedDocument = Prisma.DocumentGetPayload<{ select: typeof DOCUMENT_SELECT }>;

/** The text of the block of the document's pages that holds `page`. */
async function textAround(document: ViewedDocument, page: number): Promise<PageText[]> {
  const block = pageTextBlock(page, document.pageCount);
  return db.documentPage.findMany({
    where: { documentId: document.id, pageNumber: { gte: block.from, lte: block.to } },
    orderBy: { pageNumber: "asc" },
    select: { pageNumber: true, text: true },
  });
}

/**
 * The document opened in the viewer: one row in the audit log, like every
 * view of records, whatever the pages turned afterwards.
 */
async function viewed(
  reader: CaseReader,
  kase: { id: string; reference: string | null },
  document: ViewedDocument,
  askedPage: string | null,
  marks: OwnPageMark[] | null,
  markable: boolean,
): Promise<DocumentViewerPage> {
  const page = openingPage(askedPage, document.pageCount);
  const pages = await textAround(document, page);
  await audit(reader.actor, {
    action: "document.viewed",
    objectType: "Document",
    objectId: document.id,
    detail: { caseId: kase.id, page: reader.page },
    at: reader.at,
  });
  return {
    case: kase,
    document: {
      id: document.id,
      fileName: document.fileName,
      kind: document.kind,
      view: viewerKind(document.contentType),
      pageCount: document.pageCount,
      textLayerStatus: document.textLayerStatus,
    },
    page,
    pages,
    marks,
    markable,
  };
}

/**
 * The text of more pages of a document open in the viewer, as the reader
 * turns past the block it opened with: a row in the audit log for each block
 * (twenty pages), since the text is the record's content.
 */
async function textRead(reader: CaseReader, kase: { id: string }, document: ViewedDocument, askedPage: string | null): Promise<PageTextBlock> {
  const page = openingPage(askedPage, document.pageCount);
  const pages = await textAround(document, page);
  const block = pageTextBlock(page, document.pageCount);
  await audit(reader.actor, {
    action: "document.text_read",
    objectType: "Document",
    objectId: document.id,
    detail: { caseId: kase.id, page: reader.page, from: block.from, to: block.to },
    at: reader.at,
  });
  return { ...block, pages };
}

interface DocumentAsked {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  documentId: string;
  page: string | null;
  at?: Date;
}

/**
 * A document of the reviewer's case file, while the case is in review and
 * their assignment opens it (as their case page). Anyone else, or a document
 * not on the case, 404 (logged).
 */
async function reviewerDocument(options: DocumentAsked, reader: CaseReader) {
  const assignment = await ownAssignment(options.user, options.caseId, reader, { action: "case:read" });
  if (assignment.view !== "case") throw await caseRefused(reader, options.caseId);
  const [kase, document] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: options.caseId }, select: { id: true, reference: true } }),
    db.document.findFirst({
      where: { id: options.documentId, caseId: options.caseId, kind: { notIn: [...CASE_FILE_KINDS_EXCLUDED] } },
      select: DOCUMENT_SELECT,
    }),
  ]);
  if (!document) throw await caseRefused(reader, options.documentId, "This document");
  return { kase, document, markable: assignment.status === "ACCEPTED" };
}

/** A document of a case the coordinator screens; anyone else, or a document not on the case, 404 (logged). */
async function coordinatorDocument(options: DocumentAsked, reader: CaseReader) {
  const kase = await db.case.findFirst({ where: screeningWhere(options.user, options.caseId), select: { id: true, reference: true } });
  if (!kase) throw await caseRefused(reader, options.caseId);
  const document = await db.document.findFirst({ where: { id: options.documentId, caseId: kase.id }, select: DOCUMENT_SELECT });
  if (!document) throw await caseRefused(reader, options.documentId, "This document");
  return { kase, document };
}

const REVIEWER_VIEWER = "reviewer document viewer";
const COORDINATOR_VIEWER = "coordinator document viewer";

/** A document of the reviewer's case file in the viewer, with their own page marks. */
export async function reviewerDocumentPage(options: DocumentAsked) {
  const reader: CaseReader = { actor: options.actor, page: REVIEWER_VIEWER, at: options.at };
  const { kase, document, markable } = await reviewerDocument(options, reader);
  const marks = await ownDocumentMarks(options.user.id, document.id);
  return viewed(reader, kase, document, options.page, marks, markable);
}

/** The text of the block of pages holding `page`, for the reviewer's viewer. */
export async function reviewerDocumentText(options: DocumentAsked) {
  const reader: CaseReader = { actor: options.actor, page: REVIEWER_VIEWER, at: options.at };
  const { kase, document } = await reviewerDocument(options, reader);
  return textRead(reader, kase, document, options.page);
}

/** A document of a case the coordinator screens, in the viewer: no page marks (they are the reviewers'). */
export async function coordinatorDocumentPage(options: DocumentAsked) {
  const reader: CaseReader = { actor: options.actor, page: COORDINATOR_VIEWER, at: options.at };
  const { kase, document } = await coordinatorDocument(options, reader);
  return viewed(reader, kase, document, options.page, null, false);
}

/** The text of the block of pages holding `page`, for the coordinator's viewer. */
export async function coordinatorDocumentText(options: DocumentAsked) {
  const reader: CaseReader = { actor: options.actor, page: COORDINATOR_VIEWER, at: options.at };
  const { kase, document } = await coordinatorDocument(options, reader);
  return textRead(reader, kase, document, options.page);
}
