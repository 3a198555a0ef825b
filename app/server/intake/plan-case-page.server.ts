import { STATUS_LABELS } from "~/domain/case-status";
import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { deadlineItems, nextStepText } from "~/domain/next-steps";
import { CASE_FILE_STATE_LABELS } from "~/domain/plan-case-file";
import { DISPUTE_TYPE_LABELS, TRACK_LABELS } from "~/domain/reports/labels";
import { formatLocalDate } from "~/domain/rule-profiles";
import { audit } from "../audit.server";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { KIND_OF_DB } from "../deadlines/case-clocks.server";
import { notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
import { informationDueText } from "../requests/case-page.server";
import type { SessionUser } from "../session.server";
import { caseFileStatusOf } from "./case-file-status.server";
import { planCaseWhere } from "./intake-case.server";
import { OBJECTION_STATUSES } from "./object-to-eligibility.server";

/**
 * A plan user's view of one of their plan's cases: who and what it is about
 * without clinical details, its deadlines, the case file checklist, what the
 * organization asked the plan, and the plan's objections. Reviewers never
 * appear here, by name or otherwise.
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
      memberId: true,
      planDenialReference: true,
      denialDate: true,
      outcome: true,
      plan: { select: { name: true } },
      // Offers go to reviewers one by one: the organization's business, and a reviewer's identity is never the plan's.
      deadlines: {
        where: { kind: { not: "OFFER_RESPONSE" } },
        select: { id: true, kind: true, status: true, responsible: true, startedAt: true, dueAt: true, closedAt: true },
      },
      informationRequests: {
        where: { addressedTo: "PLAN" },
        orderBy: { createdAt: "asc" },
        select: { id: true, question: true, dueAt: true, answer: true, answeredAt: true },
      },
      events: { where: { type: "eligibility_objection" }, orderBy: { createdAt: "asc" }, select: { id: true, note: true, createdAt: true } },
    },
  });
  if (!kase?.reference) throw notFound("This case");
  await audit(actor, { action: "case.viewed", objectType: "Case", objectId: kase.id, detail: { reference: kase.reference, page: "plan" } });
  const { timeZone } = await organizationCalendar();
  const at = (date: Date) => formatDeadlineTime(date, timeZone);
  const clocks = kase.deadlines.map((row) => ({ ...row, kind: KIND_OF_DB[row.kind] }));
  const caseFile = await caseFileStatusOf(db, kase.id, now);
  return {
    id: kase.id,
    reference: kase.reference,
    status: kase.status,
    statusLabel: STATUS_LABELS[kase.status],
    version: kase.version,
    summary: [
      { label: "Health plan", value: kase.plan?.name ?? "Not recorded" },
      { label: "Member", value: [kase.patientName, kase.memberId ? `member ID ${kase.memberId}` : null].filter(Boolean).join(", ") || "Not recorded" },
      { label: "Plan's reference", value: kase.planDenialReference ?? "Not recorded" },
      { label: "Date of the final denial", value: kase.denialDate ? formatLocalDate(kase.denialDate.toISOString().slice(0, 10)) : "Not recorded" },
      { label: "Type of dispute", value: kase.disputeType ? DISPUTE_TYPE_LABELS[kase.disputeType] : "Not recorded" },
      { label: "Track", value: TRACK_LABELS[kase.track] },
      { label: "Filed", value: kase.submittedAt ? at(kase.submittedAt) : "Not recorded" },
    ],
    nextStep: nextStepText({ status: kase.status, viewer: "PLAN", openClocks: clocks.filter((row) => row.status === "OPEN"), outcome: kase.outcome, timeZone, now }),
    deadlines: deadlineItems(clocks, "PLAN", now, timeZone),
    caseFile: { state: caseFile.state, label: CASE_FILE_STATE_LABELS[caseFile.state], due: caseFile.dueAt ? at(caseFile.dueAt) : null, items: caseFile.items },
    informationRequests: kase.informationRequests.map((item) => ({
      id: item.id,
      question: item.question,
      dueText: informationDueText(item, now, timeZone),
      answered: item.answeredAt !== null,
      overdue: item.answeredAt === null && item.dueAt < now,
      answer: item.answer,
    })),
    objections: kase.events.map((event) => ({ id: event.id, at: at(event.createdAt), note: event.note ?? "" })),
    canObject: OBJECTION_STATUSES.includes(kase.status),
  };
}
