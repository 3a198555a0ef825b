import { createElement } from "react";
import { IneligibilityNotice, type IneligibilityNoticeProps } from "~/letters/ineligibility-notice";
import { eligibilityOutcomes } from "~/domain/eligibility";
import { letterDayOf } from "~/domain/letter-dates";
import { noticeLocale } from "~/i18n/locales";
import { changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { documentStorage, type DocumentStorage } from "../documents/storage.server";
import { AppError, notFound } from "../errors.server";
import { createCopyDocuments, deleteCopies, storeCopies } from "../letters/letter-data.server";
import { renderPdf } from "../letters/render-pdf.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { queueWebhookEvent } from "../webhooks/queue-webhook.server";
import { answersOf } from "./eligibility-answers.server";
import { explainingConflicts, planRecipients, screeningWhere } from "./intake-case.server";

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
      preferredLanguage: true,
      planId: true,
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
  const { organizationName, organizationPhone } = config();
  const locale = noticeLocale(kase.preferredLanguage);
  // The applicant's copy in their language when it is not English; the plan's in English.
  const copies = await storeCopies(
    locale,
    (language) => {
      const notice: IneligibilityNoticeProps = {
        locale: language,
        organizationName,
        organizationPhone,
        reference,
        issuedOn: letterDayOf(at, timeZone, language),
        filedOn: kase.submittedAt ? letterDayOf(kase.submittedAt, timeZone, language) : null,
        addressee: kase.applicant.name,
        planName: kase.plan?.name ?? null,
        reason: input.reason,
        criteriaNotMet: unmet,
        regulatorName: regulator.regulatorName,
        regulatorContact: regulator.regulatorContact,
      };
      return renderPdf(createElement(IneligibilityNotice, notice));
    },
    storage,
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
          const documents = await createCopyDocuments(tx, copies, {
            caseId: kase.id,
            kind: "NOTICE",
            fileName: `ineligibility-notice-${reference}.pdf`,
            uploadedById: input.user.id,
            description: "Notice of ineligibility",
            createdAt: at,
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
          return { documents, plan: await planRecipients(tx, kase.planId) };
        },
        emails: (_before, { documents, plan }) => {
          const link = (documentId: string) => `${config().appUrl}/documents/${documentId}`;
          const props = { organizationName, reference, regulatorName: regulator.regulatorName };
          return [
            {
              template: "case-ineligible" as const,
              to: kase.applicant.email,
              locale,
              props: { ...props, link: link(documents.applicantsId), forApplicant: true },
            },
            ...plan.map((to) => ({ template: "case-ineligible" as const, to, props: { ...props, link: link(documents.englishId), forApplicant: false } })),
          ];
        },
      }),
    );
  } catch (error) {
    await deleteCopies(copies, storage);
    throw error;
  }
}
