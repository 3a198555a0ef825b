import { languageName } from "~/domain/language-names";
import type { TimelineItem } from "~/components/case-timeline";
import { can } from "~/domain/case-actions";
import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { DOCUMENT_KIND_TEXT } from "~/domain/documents/document-kinds";
import { mayUpload } from "~/domain/documents/limits";
import { deadlineItems, deadlineLine, nextStepText, outcomeWords } from "~/domain/next-steps";
import { CASE_FILE_STATE_LABELS, isCaseFileItem } from "~/domain/plan-case-file";
import { planTimeline } from "~/domain/plan-timeline";
import { DEADLINE_LABELS } from "~/domain/deadlines/lifecycle";
import { DISPUTE_TYPE_LABELS, TRACK_LABELS } from "~/domain/reports/labels";
import { formatLocalDate } from "~/domain/rule-profiles";
import { caseRefused, caseViewed } from "../cases/case-views.server";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { KIND_OF_DB } from "../deadlines/case-clocks.server";
import type { Prisma } from "../db.server";
import type { Actor } from "../request-context.server";
import { informationDueText } from "../requests/case-page.server";
import type { SessionUser } from "../session.server";
import { caseFileStatusOf } from "../intake/case-file-status.server";
import { FORWARDED_LIST_LIMIT } from "../documents/new-information.server";
import { planCaseWhere } from "../intake/intake-case.server";

/** What the plan's timeline reads from an event's data: to whom a request was put, and which deadline was missed by whom. */
function eventFacts(type: string, data: Prisma.JsonValue) {
  const facts = data !== null && typeof data === "object" && !Array.isArray(data) ? data : {};
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  const deadline = text(facts.deadline);
  const responsible = text(facts.responsible);
  return {
    addressedTo: type === "information_requested" ? text(facts.addressedTo) : null,
    missed:
      type === "deadline_missed" && deadline && responsible && deadline in KIND_OF_DB
        ? { responsible, label: DEADLINE_LABELS[KIND_OF_DB[deadline as keyof typeof KIND_OF_DB]] }
        : null,
  };
}

/**
 * A plan user's view of one of their plan's cases: who it is about and the
 * service in dispute with its codes, the plan's and the applicant's words on
 * the denial, its deadlines and its timeline as the plan may see it, the
 * case file checklist and what the plan sent, the applicant's new
 * information forwarded to the plan, what the organization asked the plan,
 * the plan's objections and reversal, and the decision with its letters and
 * the plan's compliance. Reviewers are never named: the timeline says "A reviewer".
 */
export async function planCasePage(user: SessionUser, caseId: string, actor: Actor, now = new Date()) {
  const kase = await db.case.findFirst({
    where: planCaseWhere(user, caseId),
    select: {
      id: true,
      reference: true,
      status: true,
      version: true,
      track: true,
      disputeType: true,
      submittedAt: true,
      patientName: true,
      preferredLanguage: true,
      memberId: true,
      planDenialReference: true,
      denialDate: true,
      serviceDescription: true,
      procedureCodes: true,
      diagnosisCodes: true,
      denialReason: true,
      planCaseFileCompletedAt: true,
      planCaseFileDenialReason: true,
      outcome: true,
      plan: { select: { name: true } },
      // Offers go to reviewers one by one: the organization's business, and a reviewer's identity is never the plan's.
      deadlines: {
        // The publication review is the organization's own step after the decision.
        where: { kind: { notIn: ["OFFER_RESPONSE", "PUBLICATION"] } },
        select: { id: true, kind: true, status: true, responsible: true, startedAt: true, dueAt: true, closedAt: true },
      },
      informationRequests: {
        where: { addressedTo: "PLAN" },
        orderBy: { createdAt: "asc" },
        select: { id: true, question: true, dueAt: true, answer: true, answeredAt: true },
      },
      // All of them: planTimeline keeps what the plan may see, and no note the plan may not read leaves this function.
      events: {
        orderBy: { createdAt: "asc" },
        select: { id: true, type: true, toStatus: true, note: true, data: true, createdAt: true, actor: { select: { roles: true } } },
      },
      documents: {
        where: { kind: "PLAN_CASE_FILE" },
        orderBy: { createdAt: "asc" },
        select: { id: true, fileName: true, sizeBytes: true, createdAt: true, caseFileItem: true, description: true },
      },
      decidedAt: true,
      decisionLetters: { orderBy: { version: "desc" }, select: { id: true, version: true, documentId: true, issuedAt: true, amendmentReason: true } },
      complianceConfirmations: {
        orderBy: { confirmedAt: "asc" },
        take: 1,
        select: { implementedOn: true, authorizationNumber: true, note: true, confirmedAt: true, late: true },
      },
    },
  });
  const reader = { actor, page: "plan", at: now };
  if (!kase?.reference) throw await caseRefused(reader, caseId);
  await caseViewed(reader, kase);
  const { timeZone } = await organizationCalendar();
  const at = (date: Date) => formatDeadlineTime(date, timeZone);
  const clocks = kase.deadlines.map((row) => ({ ...row, kind: KIND_OF_DB[row.kind] }));
  const caseFile = await caseFileStatusOf(db, kase.id, now);
  const newInformation = await db.document.findMany({
    where: { caseId: kase.id, forwardedAt: { not: null } },
    orderBy: [{ forwardedAt: "asc" }, { id: "asc" }],
    take: FORWARDED_LIST_LIMIT,
    select: { id: true, kind: true, fileName: true, sizeBytes: true, createdAt: true, forwardedAt: true },
  });
  const timeline = planTimeline(
    kase.events.map((event) => ({ ...event, actorRoles: event.actor?.roles ?? null, ...eventFacts(event.type, event.data) })),
    clocks,
    timeZone,
  );
  const objections = kase.events.filter((event) => event.type === "eligibility_objection");
  const reversal = kase.events.find((event) => event.type === "reversed_by_plan");
  const complianceClock = clocks.filter((row) => row.kind === "compliance").sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())[0];
  const confirmation = kase.complianceConfirmations[0];
  const overturned = kase.outcome === "OVERTURNED" || kase.outcome === "OVERTURNED_IN_PART";
  return {
    id: kase.id,
    reference: kase.reference,
    status: kase.status,
    version: kase.version,
    // What the review is about, as the applicant filed it and as the plan's own case file states its reason.
    dispute: [
      { label: "Service in dispute, as the applicant describes it", value: kase.serviceDescription ?? "Not recorded" },
      ...(kase.procedureCodes.length ? [{ label: "Procedure codes (CPT/HCPCS)", value: kase.procedureCodes.join(", ") }] : []),
      ...(kase.diagnosisCodes.length ? [{ label: "Diagnosis codes (ICD-10)", value: kase.diagnosisCodes.join(", ") }] : []),
      { label: "Type of dispute", value: kase.disputeType ? DISPUTE_TYPE_LABELS[kase.disputeType] : "Not recorded" },
      { label: "Track", value: TRACK_LABELS[kase.track] },
      { label: "Date of your final denial", value: kase.denialDate ? formatLocalDate(kase.denialDate.toISOString().slice(0, 10)) : "Not recorded" },
      { label: "Your reference or claim number", value: kase.planDenialReference ?? "Not recorded" },
      {
        label: "Your reason for the denial, from your case file",
        value:
          kase.planCaseFileDenialReason ??
          (kase.planCaseFileCompletedAt ? "Not given with your case file" : "You give it when you mark your case file complete"),
      },
      { label: "The denial, as the applicant describes it", value: kase.denialReason ?? "Not recorded" },
    ],
    summary: [
      { label: "Health plan", value: kase.plan?.name ?? "Not recorded" },
      { label: "Member", value: [kase.patientName, kase.memberId ? `member ID ${kase.memberId}` : null].filter(Boolean).join(", ") || "Not recorded" },
      // The patient's notices and letter are in this language; the plan's copies stay English.
      {
        label: "Patient's language for notices",
        value: languageName(kase.preferredLanguage),
      },
      { label: "Filed", value: kase.submittedAt ? at(kase.submittedAt) : "Not recorded" },
    ],
    timeline: timeline.map((entry): TimelineItem => ({ ...entry, at: formatDeadlineTime(entry.at, timeZone), atIso: entry.at.toISOString() })),
    nextStep: nextStepText({
      status: kase.status,
      viewer: "PLAN",
      openClocks: clocks.filter((row) => row.status === "OPEN"),
      outcome: kase.outcome,
      timeZone,
      now,
    }),
    deadlines: deadlineItems(clocks, "PLAN", now, timeZone),
    caseFile: {
      state: caseFile.state,
      label: CASE_FILE_STATE_LABELS[caseFile.state],
      due: caseFile.dueAt ? at(caseFile.dueAt) : null,
      items: caseFile.items,
      notApplicable: caseFile.items.filter((item) => item.state === "not_applicable").map((item) => item.key),
      documents: kase.documents.map((document) => ({
        id: document.id,
        fileName: document.fileName,
        sizeBytes: Number(document.sizeBytes),
        added: at(document.createdAt),
        item: document.caseFileItem && isCaseFileItem(document.caseFileItem) ? document.caseFileItem : null,
        description: document.description,
      })),
      canUpload: caseFile.state !== "not_requested" && mayUpload("PLAN", kase.status),
      // Once complete it stays complete; until then the plan may say so while the review runs, even late.
      canComplete:
        can("completeCaseFile", kase.status, ["PLAN"]) &&
        (caseFile.state === "requested" || caseFile.state === "late" || caseFile.state === "proceeded_without"),
    },
    informationRequests: kase.informationRequests.map((item) => ({
      id: item.id,
      question: item.question,
      dueText: informationDueText(item, now, timeZone),
      answered: item.answeredAt !== null,
      overdue: item.answeredAt === null && item.dueAt < now,
      answer: item.answer,
    })),
    // The applicant's new information, as forwarded: the plan may reconsider and reverse its denial.
    newInformation: newInformation.map((document) => ({
      id: document.id,
      fileName: document.fileName,
      kind: DOCUMENT_KIND_TEXT[document.kind].label,
      sizeBytes: Number(document.sizeBytes),
      added: document.createdAt,
      forwarded: document.forwardedAt,
    })),
    objections: objections.map((event) => ({ id: event.id, at: at(event.createdAt), note: event.note ?? "" })),
    canObject: can("objectToEligibility", kase.status, ["PLAN"]),
    canReverse: can("reverseDenial", kase.status, ["PLAN"]),
    reversal: reversal ? { at: at(reversal.createdAt), note: reversal.note ?? "" } : null,
    decision:
      kase.decisionLetters.length > 0
        ? {
            outcome: kase.outcome ? outcomeWords(kase.outcome, "PLAN") : null,
            decided: kase.decidedAt ? at(kase.decidedAt) : null,
            // Newest first: an amendment replaces the letter before it, and both stay on file.
            letters: kase.decisionLetters.map((letter, index) => ({
              id: letter.id,
              documentId: letter.documentId,
              version: letter.version,
              issued: at(letter.issuedAt),
              current: index === 0,
              amendmentReason: letter.amendmentReason,
            })),
          }
        : null,
    compliance: overturned
      ? {
          deadline: complianceClock ? deadlineLine(complianceClock, now, timeZone) : null,
          overdue: !confirmation && complianceClock !== undefined && complianceClock.dueAt < now,
          confirmation: confirmation
            ? {
                implementedOn: formatLocalDate(confirmation.implementedOn.toISOString().slice(0, 10)),
                authorizationNumber: confirmation.authorizationNumber,
                note: confirmation.note,
                confirmed: at(confirmation.confirmedAt),
                late: confirmation.late,
              }
            : null,
          canConfirm: !confirmation && can("confirmCompliance", kase.status, ["PLAN"]),
        }
      : null,
  };
}
