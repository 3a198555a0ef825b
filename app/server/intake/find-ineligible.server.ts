import { createElement } from "react";
import { IneligibilityNotice, type IneligibilityNoticeProps } from "~/letters/ineligibility-notice";
import { localDateTime } from "~/domain/deadlines/time-zone";
import { CRITERION_LABELS, eligibilityOutcomes } from "~/domain/eligibility";
import { formatLocalDate } from "~/domain/rule-profiles";
import { changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { documentStorage, type DocumentStorage } from "../documents/storage.server";
import { AppError, notFound } from "../errors.server";
import { renderPdf } from "../letters/render-pdf.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { queueWebhookEvent } from "../webhooks/queue-webhook.server";
import { answersOf } from "./eligibility-answers.server";
import { explainingConflicts, planRecipients, screeningWhere } from "./intake-case.server";
import { noticeLocale } from "~/i18n/locales";

export interface FindIneligible {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  /** Quoted in the notice to the applicant and the plan. */
  reason: string;
  at?: Date;
}

/**
 * Finds a request ineligible: the notice (PDF, stored encrypted with the
 * case's documents) gives the reason and how to contest it with the
 * regulator; every clock stops; the applicant and the plan are emailed a
 * link to it. If the change fails, the stored notice is removed again.
 */
export async function findIneligible(input: FindIneligible, storage: DocumentStorage = documentStorage()) {
  const kase = await db.case.findFirst({
    where: screeningWhere(input.user, input.caseId),
    select: {
      id: true,
      reference: true,
      submittedAt: true,
      planId: true,
      preferredLanguage: true,
      applicant: { select: { name: true, email: true } },
      plan: { select: { name: true } },
      ruleProfile: { select: { regulatorName: true, regulatorContact: true } },
    },
  });
  if (!kase?.reference || !kase.ruleProfile) throw notFound("This case");
  const reference = kase.reference;
  const regulator = kase.ruleProfile;
  const answers = await answersOf(db, kase.id);
  const { unmet } = eligibilityOutcomes(answers);
  if (unmet.length === 0) {
    throw new AppError("BAD_REQUEST", "Record in the eligibility checklist which criterion is not met before finding the request ineligible.", {
      field: "reason",
    });
  }
  const at = input.at ?? new Date();
  const { timeZone } = await organizationCalendar();
  const organizationName = config().organizationName;
  const notice: IneligibilityNoticeProps = {
    organizationName,
    reference,
    issuedOn: dateInWords(at, timeZone),
    filedOn: kase.submittedAt ? dateInWords(kase.submittedAt, timeZone) : "not recorded",
    addressee: kase.applicant.name,
    planName: kase.plan?.name ?? "your health plan",
    reason: input.reason,
    criteriaNotMet: unmet.map((criterion) => CRITERION_LABELS[criterion]),
    regulatorName: regulator.regulatorName,
    regulatorContact: regulator.regulatorContact,
  };
  const pdf = await renderPdf(createElement(IneligibilityNotice, notice));
  const stored = await storage.put(
    (async function* () {
      yield pdf;
    })(),
  );
  try {
    return await explainingConflicts(kase.id, input.expectedVersion, () =>
      changeCase({
        caseId: kase.id,
        expectedVersion: input.expectedVersion,
        actor: { ...input.actor, roles: input.user.roles },
        action: "findIneligible",
        event: { type: "found_ineligible", note: input.reason, data: { criteriaNotMet: unmet } },
        at,
        work: async (tx) => {
          const document = await tx.document.create({
            data: {
              caseId: kase.id,
              kind: "NOTICE",
              fileName: `ineligibility-notice-${reference}.pdf`,
              contentType: "application/pdf",
              sizeBytes: BigInt(stored.sizeBytes),
              sha256: stored.sha256,
              storageKey: stored.key,
              uploadedById: input.user.id,
              description: "Notice of ineligibility",
              createdAt: at,
            },
            select: { id: true },
          });
          if (kase.planId) {
            await queueWebhookEvent(tx, {
              planId: kase.planId,
              type: "case.closed",
              caseId: kase.id,
              at,
              data: { reference, status: "INELIGIBLE", outcome: null, closedAt: at.toISOString() },
            });
          }
          return { documentId: document.id, plan: await planRecipients(tx, kase.planId) };
        },
        emails: (_before, result) => {
          const link = `${config().appUrl}/documents/${result.documentId}`;
          const props = { organizationName, reference, regulatorName: regulator.regulatorName, link };
          return [
            {
              template: "case-ineligible" as const,
              to: kase.applicant.email,
              locale: noticeLocale(kase.preferredLanguage),
              props: { ...props, forApplicant: true },
            },
            ...result.plan.map((to) => ({ template: "case-ineligible" as const, to, props: { ...props, forApplicant: false } })),
          ];
        },
      }),
    );
  } catch (error) {
    await storage.delete(stored.key);
    throw error;
  }
}

/** "Tue 1 Dec 2026": the local date in the organization's time zone. */
function dateInWords(instant: Date, timeZone: string): string {
  return formatLocalDate(localDateTime(instant, timeZone).date);
}
