import { openingPage, viewerKind } from "~/domain/casefile/page-marks";
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
  /** The text layer, page by page, for a screen reader, without JavaScript, and for documents the browser cannot draw. */
  pages: { pageNumber: number; text: string }[];
  /** The reviewer's own marks; null for the coordinator, who keeps none. */
  marks: OwnPageMark[] | null;
  /** The reviewer may still mark pages (they hold the assignment). */
  markable: boolean;
}

const DOCUMENT_SELECT = { id: true, fileName: true, kind: true, contentType: true, pageCount: true, textLayerStatus: true } as const;

/**
 * The document opened in the viewer: one row in the audit log, like every
 * view of records, whatever the pages turned afterwards.
 */
async function viewed(
  reader: CaseReader,
  kase: { id: string; reference: string | null },
  document: Prisma.DocumentGetPayload<{ select: typeof DOCUMENT_SELECT }>,
  askedPage: string | null,
  marks: OwnPageMark[] | null,
  markable: boolean,
): Promise<DocumentViewerPage> {
  const pages = await db.documentPage.findMany({
    where: { documentId: document.id },
    orderBy: { pageNumber: "asc" },
    select: { pageNumber: true, text: true },
  });
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
    page: openingPage(askedPage, document.pageCount),
    pages,
    marks,
    markable,
  };
}

/**
 * A document of the reviewer's case file in the viewer, with their own page
 * marks, while the case is in review and their assignment opens it (as their
 * case page). Anyone else, or a document not on the case, 404 (logged).
 */
export async function reviewerDocumentPage(options: { user: SessionUser; actor: Actor; caseId: string; documentId: string; page: string | null; at?: Date }) {
  const reader: CaseReader = { actor: options.actor, page: "reviewer document viewer", at: options.at };
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
  const marks = await ownDocumentMarks(options.user.id, document.id);
  return viewed(reader, kase, document, options.page, marks, assignment.status === "ACCEPTED");
}

/** A document of a case the coordinator screens, in the viewer: no page marks (they are the reviewers'). */
export async function coordinatorDocumentPage(options: {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  documentId: string;
  page: string | null;
  at?: Date;
}) {
  const reader: CaseReader = { actor: options.actor, page: "coordinator document viewer", at: options.at };
  const kase = await db.case.findFirst({ where: screeningWhere(options.user, options.caseId), select: { id: true, reference: true } });
  if (!kase) throw await caseRefused(reader, options.caseId);
  const document = await db.document.findFirst({ where: { id: options.documentId, caseId: kase.id }, select: DOCUMENT_SELECT });
  if (!document) throw await caseRefused(reader, options.documentId, "This document");
  return viewed(reader, kase, document, options.page, null, false);
}
