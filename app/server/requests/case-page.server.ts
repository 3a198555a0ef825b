import type { TimelineItem } from "~/components/case-timeline";
import { can } from "~/domain/case-actions";
import type { CaseStatus } from "~/domain/case-status";
import { CASE_PAGE_PRECEDENCE, casePagePath } from "~/domain/case-paths";
import { formatDeadlineTime, timeLeftText } from "~/domain/deadlines/case-deadlines";
import type { DocumentSummary } from "~/domain/documents/document-summary";
import { mayRemove } from "~/domain/documents/limits";
import { certificationStillNeeded } from "~/domain/requests/certification";
import { describeWindow, windowIsOpen, type WindowText } from "~/domain/documents/new-information";
import { documentsForReader } from "~/domain/notice-copies";
import { noticeLocale } from "~/i18n/locales";
import { deadlineItems, nextStepText, OUTCOME_HEADLINES, outcomeWords, type DeadlineItem, type Outcome } from "~/domain/next-steps";
import type { Role } from "~/domain/roles";
import { translateMessage, translator } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import { msg } from "~/i18n/msg";
import { caseAccessDenied, caseRefused, caseViewed } from "../cases/case-views.server";
import { caseAccessWhere } from "../cases/case-access.server";
import { config } from "../config.server";
import { db, type Prisma, type Tx } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { KIND_OF_DB } from "../deadlines/case-clocks.server";
import { applicantWindowOf } from "../documents/new-information.server";
import { AppError } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { isId } from "~/schemas/ids";

type CaseUser = Pick<SessionUser, "id" | "roles" | "planId">;

/** The applicant's pages show only their own requests, whatever other roles the person also holds. */
export function ownRequestWhere(user: CaseUser, caseId: string): Prisma.CaseWhereInput {
  if (!isId(caseId)) return { id: { in: [] } };
  return { AND: [{ id: caseId }, caseAccessWhere({ ...user, roles: user.roles.filter((role) => role === "APPLICANT") }, "case:read")] };
}

/** Who did something, in the words an applicant may see: never a reviewer's or a staff member's name. */
function actorWords(actor: { id: string; roles: Role[] } | null, viewerId: string): string {
  if (!actor) return msg("The portal");
  if (actor.id === viewerId) return msg("You");
  if (actor.roles.includes("COORDINATOR")) return msg("A coordinator");
  if (actor.roles.includes("REVIEWER")) return msg("The reviewer");
  if (actor.roles.includes("PLAN")) return msg("Your health plan");
  if (actor.roles.includes("APPLICANT")) return msg("The applicant");
  return msg("The review organization");
}

/** Events an applicant sees besides every change of status; internal steps (offers, escalations) stay off their page. */
const APPLICANT_EVENTS = new Set(["information_requested", "information_provided", "information_forwarded", "certification_received"]);
/** Whose reasons are written for the applicant as well as for the record. */
const NOTES_FOR_APPLICANT = new Set(["found_ineligible", "reversed_by_plan", "withdrawn"]);

interface InformationRequestItem {
  id: string;
  question: string;
  /** "Answer due by … — 3 days left", or when it was answered. */
  dueText: string;
  answered: boolean;
  overdue: boolean;
  answer: string | null;
  documents: DocumentSummary[];
}

export type ApplicantCasePage =
  | { kind: "draft"; resumePath: string }
  | {
      kind: "case";
      id: string;
      reference: string;
      status: CaseStatus;
      version: number;
      expedited: boolean;
      service: string | null;
      planName: string | null;
      filed: string | null;
      nextStep: string;
      deadlines: DeadlineItem[];
      timeline: TimelineItem[];
      /** What the applicant sent, and what the plan and the review organization added (decision letters apart). */
      documents: { own: DocumentSummary[]; others: DocumentSummary[] };
      informationRequests: InformationRequestItem[];
      /** The window to add documents: when it opens and closes, and what adding one does now. */
      addDocuments: WindowText & { open: boolean };
      decision: { result: { outcome: Outcome; headline: string; meaning: string } | null; decided: string | null; letters: DocumentSummary[] } | null;
      canWithdraw: boolean;
      canAnswer: boolean;
      /** The doctor's certification the expedited request still waits for, with whom to call about it; null when none is awaited. */
      certificationNeeded: { organizationName: string; organizationPhone: string } | null;
    };

export const documentSelect = {
  id: true,
  kind: true,
  fileName: true,
  sizeBytes: true,
  createdAt: true,
  uploadedById: true,
  informationRequestId: true,
  description: true,
  forwardedAt: true,
  author: true,
  authoredOn: true,
} satisfies Prisma.DocumentSelect;

type DocumentRow = Prisma.DocumentGetPayload<{ select: typeof documentSelect }>;

export function documentSummary(row: DocumentRow, viewerId: string, status: CaseStatus): DocumentSummary {
  return {
    id: row.id,
    fileName: row.fileName,
    kind: row.kind,
    sizeBytes: Number(row.sizeBytes),
    createdAt: row.createdAt.toISOString(),
    removable: row.uploadedById === viewerId && mayRemove(status),
    description: row.description,
    forwardedAt: row.forwardedAt?.toISOString() ?? null,
    author: row.author,
    authoredOn: row.authoredOn ? row.authoredOn.toISOString().slice(0, 10) : null,
  };
}

/** "Answer due by … — 3 days left", or "Answered on …": in the applicant's language on their pages. */
export function informationDueText(request: { dueAt: Date; answeredAt: Date | null }, now: Date, timeZone: string, locale: Locale = "en"): string {
  const t = translator(locale);
  if (request.answeredAt) return t("Answered on {time}", { time: formatDeadlineTime(request.answeredAt, timeZone, locale) });
  return t("Answer due by {time} — {left}", { time: formatDeadlineTime(request.dueAt, timeZone, locale), left: timeLeftText(request.dueAt, now, t) });
}

/**
 * Everything the applicant's case page shows, with its words worked out at
 * one instant. A draft is not a case page yet: the caller resumes the form.
 * Outside the applicant's own requests, the case does not exist (404).
 * The words are in the page's language (`locale`).
 */
export async function applicantCasePage(user: SessionUser, caseId: string, actor: Actor, now = new Date(), locale: Locale = "en"): Promise<ApplicantCasePage> {
  const kase = await db.case.findFirst({
    where: ownRequestWhere(user, caseId),
    select: {
      id: true,
      reference: true,
      status: true,
      version: true,
      draftStep: true,
      track: true,
      certificationToFollow: true,
      serviceDescription: true,
      submittedAt: true,
      decidedAt: true,
      outcome: true,
      plan: { select: { name: true } },
      deadlines: { select: { id: true, kind: true, status: true, responsible: true, startedAt: true, dueAt: true, closedAt: true } },
      events: {
        orderBy: { createdAt: "asc" },
        select: { id: true, type: true, toStatus: true, note: true, createdAt: true, actor: { select: { id: true, roles: true } } },
      },
      preferredLanguage: true,
      documents: { orderBy: { createdAt: "asc" }, select: { ...documentSelect, translationOfId: true, language: true } },
      informationRequests: {
        where: { addressedTo: "APPLICANT" },
        orderBy: { createdAt: "asc" },
        select: { id: true, question: true, dueAt: true, answer: true, answeredAt: true },
      },
    },
  });
  const reader = { actor, page: "applicant", at: now };
  if (!kase) throw await caseRefused(reader, caseId, "This request");
  // Only a filed request has a reference.
  if (!kase.reference) {
    return { kind: "draft", resumePath: `/requests/${kase.id}/edit/${kase.draftStep ?? "filer"}` };
  }
  await caseViewed(reader, kase);

  const { timeZone } = await organizationCalendar();
  const { window, rule } = await applicantWindowOf(db, kase, now);
  // Offers to individual reviewers and the publication review are the organization's business, not the applicant's.
  const clocks = kase.deadlines
    .filter((row) => row.kind !== "OFFER_RESPONSE" && row.kind !== "PUBLICATION")
    .map((row) => ({ ...row, kind: KIND_OF_DB[row.kind] }));
  const summary = (row: DocumentRow) => documentSummary(row, user.id, kase.status);
  // Each notice and letter in the applicant's language when the portal wrote a copy in it.
  const documents = documentsForReader(kase.documents, noticeLocale(kase.preferredLanguage));
  const letters = documents.filter((row) => row.kind === "DECISION_LETTER");
  const others = documents.filter((row) => row.kind !== "DECISION_LETTER");
  const decided = kase.decidedAt !== null;
  const t = translator(locale);

  return {
    kind: "case",
    id: kase.id,
    reference: kase.reference,
    status: kase.status,
    version: kase.version,
    expedited: kase.track === "EXPEDITED",
    service: kase.serviceDescription,
    planName: kase.plan?.name ?? null,
    filed: kase.submittedAt ? formatDeadlineTime(kase.submittedAt, timeZone, locale) : null,
    nextStep: nextStepText({
      status: kase.status,
      viewer: "APPLICANT",
      openClocks: clocks.filter((row) => row.status === "OPEN"),
      outcome: kase.outcome,
      timeZone,
      now,
      locale,
    }),
    deadlines: deadlineItems(clocks, "APPLICANT", now, timeZone, locale),
    timeline: kase.events
      .filter((event) => event.toStatus !== null || APPLICANT_EVENTS.has(event.type))
      .map((event) => ({
        id: event.id,
        type: event.type,
        toStatus: event.toStatus,
        at: formatDeadlineTime(event.createdAt, timeZone, locale),
        atIso: event.createdAt.toISOString(),
        actor: translateMessage(t, actorWords(event.actor, user.id)),
        note: event.actor?.id === user.id || NOTES_FOR_APPLICANT.has(event.type) ? event.note : null,
      })),
    documents: {
      own: others.filter((row) => row.uploadedById === user.id).map(summary),
      others: others.filter((row) => row.uploadedById !== user.id).map(summary),
    },
    informationRequests: kase.informationRequests.map((request) => ({
      id: request.id,
      question: request.question,
      dueText: informationDueText(request, now, timeZone, locale),
      answered: request.answeredAt !== null,
      overdue: request.answeredAt === null && request.dueAt < now,
      answer: request.answer,
      documents: kase.documents.filter((row) => row.informationRequestId === request.id).map(summary),
    })),
    decision: decided
      ? {
          result: kase.outcome
            ? { outcome: kase.outcome, headline: translateMessage(t, OUTCOME_HEADLINES[kase.outcome]), meaning: outcomeWords(kase.outcome, "APPLICANT", t) }
            : null,
          decided: kase.decidedAt ? formatDeadlineTime(kase.decidedAt, timeZone, locale) : null,
          letters: letters.map(summary),
        }
      : null,
    addDocuments: { ...describeWindow(window, rule, timeZone, locale), open: windowIsOpen(window) },
    canWithdraw: can("withdraw", kase.status, user.roles),
    canAnswer: can("answerInformation", kase.status, user.roles),
    certificationNeeded: certificationStillNeeded({ ...kase, documentKinds: kase.documents.map((row) => row.kind) })
      ? { organizationName: config().organizationName, organizationPhone: config().organizationPhone }
      : null,
  };
}

/**
 * Where the person should look at the case with this reference: the page of
 * the first role (in CASE_PAGE_PRECEDENCE) through which they may read it.
 * Null when none may: the link answers 404, and the refusal is logged. The
 * page it leads to logs the view.
 */
export async function casePageForReference(user: CaseUser, reference: string, actor: Actor): Promise<string | null> {
  for (const role of CASE_PAGE_PRECEDENCE) {
    if (!user.roles.includes(role)) continue;
    const kase = await db.case.findFirst({
      where: { AND: [{ reference }, caseAccessWhere({ ...user, roles: [role] }, "case:read")] },
      select: { id: true },
    });
    if (kase) return casePagePath(role, kase.id);
  }
  await caseAccessDenied({ actor, page: "case link" }, reference);
  return null;
}

export const STALE_CASE_MESSAGE = msg("Someone changed this case while you were looking; here is the latest.");

/**
 * A change refused because the case moved on since the person loaded the
 * page becomes a conflict that says so, with the version to try again from.
 * Any other error is returned as it is.
 */
export async function explainConflict(error: unknown, caseId: string, expectedVersion: number): Promise<unknown> {
  if (!(error instanceof AppError) || error.code !== "CONFLICT") return error;
  const latest = await db.case.findUnique({ where: { id: caseId }, select: { version: true } });
  if (!latest || latest.version === expectedVersion) return error;
  return new AppError("CONFLICT", STALE_CASE_MESSAGE, { latestVersion: latest.version });
}

/** Who at the review organization hears about a case: its coordinator, or every coordinator while it has none. */
export async function coordinatorEmails(tx: Tx, caseId: string): Promise<string[]> {
  const kase = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { coordinator: { select: { email: true, disabledAt: true } } } });
  if (kase.coordinator && !kase.coordinator.disabledAt) return [kase.coordinator.email];
  const all = await tx.user.findMany({ where: { roles: { has: "COORDINATOR" }, disabledAt: null }, select: { email: true }, orderBy: { email: "asc" } });
  return all.map((user) => user.email);
}
