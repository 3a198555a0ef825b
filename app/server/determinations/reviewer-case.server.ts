import { can } from "~/domain/case-actions";
import { citationsOf } from "~/domain/citations";
import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { localDate } from "~/domain/deadlines/time-zone";
import { reviewerDueText } from "~/domain/reviewer-due-date";
import type { TextLayerProgress } from "~/domain/casefile/text-layer";
import { textLayerProgress, textLayerSelect } from "../casefile/text-layer-progress.server";
import type { DocumentKind } from "~/domain/documents/document-kinds";
import { deadlineLine, nextStepText, type DeadlineLine } from "~/domain/next-steps";
import type { AssignmentStatus } from "~/domain/matching";
import type { DecisionOutcome } from "~/domain/panel";
import { timeLogOpen } from "~/domain/time-entries";
import { caseViewed, type CaseReader } from "../cases/case-views.server";
import { db, type Prisma } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { KIND_OF_DB } from "../deadlines/case-clocks.server";
import type { Actor } from "../request-context.server";
import { CASE_FILE_KINDS_EXCLUDED, ownReadingProgress } from "../casefile/page-marks.server";
import { assignmentTimeLog } from "../reviewers/time-log.server";
import type { SessionUser } from "../session.server";
import { countedOpinionsWhere, OPINION_SELECT, referencesOf } from "./panel-opinions.server";
import { ownAssignment } from "./writable-determination.server";

export interface CaseFileDocument {
  id: string;
  fileName: string;
  kind: DocumentKind;
  contentType: string;
  sizeBytes: number;
  /** When it was added. */
  added: Date;
  description: string | null;
  /** Sent by the health plan (its case file), rather than by the applicant. */
  fromPlan: boolean;
  /** How much of it the reviewer has read, by their own page marks: "12 of 40 pages read". */
  progress: string;
  /** Its pages, once its text layer counted them: a citation stays within them. */
  pageCount: number | null;
  author: string | null;
  /** The date it bears (YYYY-MM-DD), when known. */
  authoredOn: string | null;
  textLayer: TextLayerProgress | null;
}

/** The determination's columns the reviewer's page shows. */
const DETERMINATION_SELECT = { status: true, ...OPINION_SELECT, draftVersion: true, updatedAt: true } as const;

/** The reviewer's own determination as their pages show it, its times in the organization's zone. */
function shownDetermination<Row extends { outcome: string | null; references: Prisma.JsonValue; citations: Prisma.JsonValue; submittedAt: Date | null }>(
  determination: Row,
  timeZone: string,
) {
  return {
    ...determination,
    outcome: determination.outcome as DecisionOutcome | null,
    references: referencesOf(determination.references),
    citations: citationsOf(determination.citations),
    submitted: determination.submittedAt ? formatDeadlineTime(determination.submittedAt, timeZone) : null,
  };
}

/**
 * A reviewer's page of one case, as much as app/domain/reviewer-access.ts
 * gives them: the whole case while it is in review (`view: "case"`), their
 * own determination and the decision letter once it is decided or closed
 * (`view: "outcome"`). Anyone else, or a reviewer whose assignment ended,
 * 404 (logged as `access.denied`).
 */
export async function reviewerCasePage(user: SessionUser, caseId: string, actor: Actor, now = new Date()) {
  const reader = { actor, page: "reviewer", at: now };
  const assignment = await ownAssignment(user, caseId, reader, { action: "case:read" });
  if (assignment.view === "case") return { view: "case" as const, ...(await wholeCase(user, assignment, reader, now)) };
  return { view: "outcome" as const, ...(await caseOutcome(assignment, reader)) };
}

/**
 * What a reviewer keeps of a decided or closed case: where it stands, their
 * own determination (with the names of the documents it considered) and
 * every version of the decision letter. Nothing else of the case file.
 */
async function caseOutcome(assignment: { id: string; caseId: string }, reader: CaseReader) {
  const calendar = await organizationCalendar();
  const [kase, determination, letters, timeLog] = await Promise.all([
    db.case.findUniqueOrThrow({
      where: { id: assignment.caseId },
      select: { id: true, reference: true, status: true, track: true, outcome: true, decidedAt: true },
    }),
    db.determination.findUnique({ where: { assignmentId: assignment.id }, select: DETERMINATION_SELECT }),
    db.decisionLetter.findMany({
      where: { caseId: assignment.caseId },
      orderBy: { version: "asc" },
      select: { version: true, issuedAt: true, documentId: true },
    }),
    assignmentTimeLog(assignment.id, calendar.timeZone),
  ]);
  await caseViewed(reader, kase);
  const considered = determination?.documentsConsidered.length
    ? await db.document.findMany({ where: { caseId: kase.id, id: { in: determination.documentsConsidered } }, select: { id: true, fileName: true } })
    : [];
  const nameOf = (id: string) => considered.find((row) => row.id === id)?.fileName ?? null;
  return {
    case: kase,
    decided: kase.decidedAt ? formatDeadlineTime(kase.decidedAt, calendar.timeZone) : null,
    determination: determination
      ? {
          ...shownDetermination(determination, calendar.timeZone),
          documentsConsidered: determination.documentsConsidered.map((id) => ({ id, fileName: nameOf(id) })),
        }
      : null,
    letters: letters.map((letter) => ({
      version: letter.version,
      issued: formatDeadlineTime(letter.issuedAt, calendar.timeZone),
      documentId: letter.documentId,
    })),
    timeLog,
  };
}

/**
 * Everything the assigned reviewer works from on a case in review: the
 * applicant's request, the plan's case file, every document, their own
 * private notes and determination, and the coordinator's comments when it
 * was sent back.
 */
async function wholeCase(user: SessionUser, assignment: { id: string; status: AssignmentStatus; caseId: string }, reader: CaseReader, now: Date) {
  const caseId = assignment.caseId;
  const calendar = await organizationCalendar();
  const [kase, documents, notes, determination, decisionClock, opinionsIn, timeLog, own, bookmarks] = await Promise.all([
    db.case.findUniqueOrThrow({
      where: { id: caseId },
      select: {
        id: true,
        reference: true,
        status: true,
        track: true,
        disputeType: true,
        panelSize: true,
        outcome: true,
        patientName: true,
        patientBirthDate: true,
        patientSex: true,
        memberId: true,
        groupNumber: true,
        plan: { select: { name: true } },
        filedBy: true,
        representativeRelationship: true,
        serviceDescription: true,
        serviceDate: true,
        procedureCodes: true,
        diagnosisCodes: true,
        providerName: true,
        providerNpi: true,
        providerFacility: true,
        denialDate: true,
        denialReason: true,
        planDenialReference: true,
        expeditedReason: true,
        appealCompletedDate: true,
        appealNotNeededReason: true,
        applicantStatement: true,
        submittedAt: true,
        acceptedAt: true,
        planCaseFileCompletedAt: true,
        proceededWithoutCaseFileAt: true,
      },
    }),
    db.document.findMany({
      where: { caseId, kind: { notIn: [...CASE_FILE_KINDS_EXCLUDED] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        fileName: true,
        kind: true,
        sizeBytes: true,
        createdAt: true,
        description: true,
        caseFileItem: true,
        author: true,
        authoredOn: true,
        uploadedBy: { select: { roles: true } },
        // With the page count, which a citation stays within.
        ...textLayerSelect,
      },
    }),
    db.reviewerNote.findMany({
      where: { assignmentId: assignment.id },
      orderBy: { createdAt: "desc" },
      select: { id: true, text: true, createdAt: true },
    }),
    db.determination.findUnique({ where: { assignmentId: assignment.id }, select: DETERMINATION_SELECT }),
    db.caseDeadline.findFirst({
      where: { caseId, kind: "DECISION" },
      orderBy: { startedAt: "desc" },
      select: { kind: true, status: true, responsible: true, startedAt: true, dueAt: true, closedAt: true },
    }),
    db.determination.count({ where: countedOpinionsWhere(caseId) }),
    assignmentTimeLog(assignment.id, calendar.timeZone),
    db.reviewerAssignment.findUniqueOrThrow({ where: { id: assignment.id }, select: { internalDueAt: true } }),
    // The reviewer's own bookmarks only: each reviewer's marks are theirs.
    db.pageMark.findMany({
      where: { userId: user.id, caseId, bookmarkedAt: { not: null }, document: { kind: { notIn: [...CASE_FILE_KINDS_EXCLUDED] } } },
      orderBy: [{ document: { createdAt: "asc" } }, { pageNumber: "asc" }],
      select: { documentId: true, pageNumber: true, note: true },
    }),
  ]);
  await caseViewed(reader, kase);
  const progress = await ownReadingProgress(user.id, documents);

  const sentBack =
    determination?.status === "RETURNED"
      ? await db.qualityReview.findFirst({
          where: { caseId, result: "SENT_BACK" },
          orderBy: { createdAt: "desc" },
          select: { comments: true, createdAt: true },
        })
      : null;

  const decision: DeadlineLine | null = decisionClock ? deadlineLine({ ...decisionClock, kind: KIND_OF_DB[decisionClock.kind] }, now, calendar.timeZone) : null;
  const openClocks =
    decisionClock?.status === "OPEN" ? [{ kind: "decision" as const, responsible: decisionClock.responsible, dueAt: decisionClock.dueAt }] : [];
  const editable = assignment.status === "ACCEPTED" && can("writeOpinion", kase.status, user.roles) && determination?.status !== "SUBMITTED";

  return {
    case: kase,
    timeZone: calendar.timeZone,
    /** The organization's date: a document's date is never after it. */
    today: localDate(now, calendar.timeZone),
    nextStep: nextStepText({ status: kase.status, viewer: "REVIEWER", openClocks, outcome: kase.outcome, timeZone: calendar.timeZone, now }),
    decision,
    /** The coordinator's internal date for this reviewer's determination, ahead of the regulatory deadline. */
    internalDue: own.internalDueAt ? reviewerDueText(own.internalDueAt, calendar.timeZone) : null,
    panel: { size: kase.panelSize, submitted: opinionsIn },
    documents: documents.map((document): CaseFileDocument => ({
      id: document.id,
      fileName: document.fileName,
      kind: document.kind,
      contentType: document.contentType,
      sizeBytes: Number(document.sizeBytes),
      added: document.createdAt,
      description: document.description,
      fromPlan: document.kind === "PLAN_CASE_FILE" || document.caseFileItem !== null || (document.uploadedBy?.roles.includes("PLAN") ?? false),
      progress: progress[document.id]!,
      pageCount: document.pageCount,
      author: document.author,
      authoredOn: document.authoredOn ? document.authoredOn.toISOString().slice(0, 10) : null,
      textLayer: textLayerProgress(document),
    })),
    /** The reviewer's bookmarked pages: listed on their page and offered as citations. */
    bookmarks: bookmarks.map((mark) => ({ documentId: mark.documentId, page: mark.pageNumber, note: mark.note })),
    notes: notes.map((note) => ({ id: note.id, text: note.text, written: formatDeadlineTime(note.createdAt, calendar.timeZone) })),
    determination: determination
      ? { ...shownDetermination(determination, calendar.timeZone), saved: formatDeadlineTime(determination.updatedAt, calendar.timeZone) }
      : null,
    sentBack: sentBack ? { comments: sentBack.comments, sent: formatDeadlineTime(sentBack.createdAt, calendar.timeZone) } : null,
    editable,
    notesOpen: assignment.status === "ACCEPTED",
    timeLog,
    timeLogOpen: timeLogOpen(kase.status, assignment.status),
  };
}
