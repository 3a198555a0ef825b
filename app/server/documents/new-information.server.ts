import { caseLinkPath } from "~/domain/case-paths";
import type { CaseStatus } from "~/domain/case-status";
import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { DOCUMENT_KIND_TEXT, type DocumentKind } from "~/domain/documents/document-kinds";
import { applicantDocumentWindow, type ApplicantDocumentWindow } from "~/domain/documents/new-information";
import type { RuleDuration, RuleSet } from "~/domain/rule-profiles";
import { audit } from "../audit.server";
import { config } from "../config.server";
import type { Prisma, Tx } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { applyDeadlineEffects } from "../deadlines/case-clocks.server";
import { meetDeadlineOf } from "../deadlines/meet-deadline.server";
import { planRecipients } from "../intake/intake-case.server";
import { queueEmail } from "../outbox.server";
import type { Actor } from "../request-context.server";
import { queueWebhookEvent } from "../webhooks/queue-webhook.server";

export interface ApplicantWindowOf {
  window: ApplicantDocumentWindow;
  /** The profile's `applicantInformation` rule the window is counted with. */
  rule: RuleDuration;
  timeZone: string;
}

/**
 * The applicant's window on a filed case at `at` (app/domain/documents/new-information.ts):
 * counted from the first reviewer who accepted and attested, under the
 * case's own profile version and the organization's calendar.
 */
export async function applicantWindowOf(tx: Tx, kase: { id: string; status: CaseStatus }, at: Date): Promise<ApplicantWindowOf> {
  const row = await tx.case.findUniqueOrThrow({
    where: { id: kase.id },
    select: { submittedAt: true, ruleProfile: { select: { rules: true } } },
  });
  const first = await tx.reviewerAssignment.findFirst({
    where: { caseId: kase.id, attestedAt: { not: null } },
    orderBy: { attestedAt: "asc" },
    select: { attestedAt: true },
  });
  const calendar = await organizationCalendar(tx);
  // Filing starts a clock, which needs the profile: a filed case always has one.
  if (!row.ruleProfile) throw new Error(`Case ${kase.id} has no rule profile: its window cannot be counted`);
  const rule = (row.ruleProfile.rules as unknown as RuleSet).applicantInformation;
  const window = applicantDocumentWindow({ status: kase.status, filedAt: row.submittedAt, assignedAt: first?.attestedAt ?? null, rule }, calendar, at);
  return { window, rule, timeZone: calendar.timeZone };
}

/**
 * Forwards a document of new information to the plan, inside the upload's
 * transaction (ADR 0015: at once, on upload): marks it forwarded, records
 * its 1-business-day clock as started and met at that instant, writes the
 * timeline event and audit row, and queues the plan recipients' email and
 * the `case.information_added` webhook. File names stay out of the messages:
 * they may name a condition.
 */
export async function forwardNewInformation(
  tx: Tx,
  forward: { caseId: string; document: { id: string; kind: DocumentKind; fileName: string; createdAt: Date }; actor: Actor; at: Date },
): Promise<void> {
  const { caseId, document, actor, at } = forward;
  await tx.document.update({ where: { id: document.id }, data: { forwardedAt: at } });
  await applyDeadlineEffects(tx, caseId, { startWith: [{ kind: "informationForwarding", subjectId: document.id }] }, at);
  await meetDeadlineOf(tx, { caseId, kind: "informationForwarding", subjectId: document.id }, at);
  const kase = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { reference: true, planId: true } });
  const reference = kase.reference ?? "";
  const data = { documentId: document.id, kind: document.kind, addedAt: document.createdAt.toISOString(), forwardedAt: at.toISOString() };
  await tx.caseEvent.create({ data: { caseId, type: "information_forwarded", actorId: actor.userId, data, createdAt: at } });
  await audit(actor, { action: "case.information_forwarded", objectType: "Case", objectId: caseId, detail: { reference, ...data }, at }, tx);
  const { timeZone } = await organizationCalendar(tx);
  for (const to of await planRecipients(tx, kase.planId)) {
    await queueEmail(tx, {
      template: "new-information",
      to,
      caseId,
      at,
      props: {
        organizationName: config().organizationName,
        reference,
        documentKind: DOCUMENT_KIND_TEXT[document.kind].label,
        added: formatDeadlineTime(document.createdAt, timeZone),
        link: `${config().appUrl}${caseLinkPath(reference)}`,
      },
    });
  }
  if (kase.planId) {
    await queueWebhookEvent(tx, {
      planId: kase.planId,
      type: "case.information_added",
      caseId,
      at,
      data: { reference, ...data, href: `/api/v1/cases/${encodeURIComponent(reference)}/documents/${document.id}` },
    });
  }
}

/** The documents of a case the plan was sent (the applicant's new information) or sent itself (its case file). */
export function planDocumentsWhere(caseId: string): Prisma.DocumentWhereInput {
  return { caseId, OR: [{ forwardedAt: { not: null } }, { kind: "PLAN_CASE_FILE" }] };
}

/** The most documents one list of them shows. */
export const FORWARDED_LIST_LIMIT = 500;
