import { createElement } from "react";
import { letterDeadline } from "~/domain/letter-dates";
import type { Locale } from "~/i18n/locales";
import { ExpeditedDecisionNotice } from "~/letters/expedited-decision-notice";
import { caseAccessWhere } from "../cases/case-access.server";
import { changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { latestQualityReview } from "../determinations/quality.server";
import { documentStorage, type DocumentStorage } from "../documents/storage.server";
import { conflict, notFound } from "../errors.server";
import { dueAtFor, explainingConflicts, planRecipients } from "../intake/intake-case.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { composeLetter, createCopyDocuments, deleteCopies, letterFacts, storeCopies } from "./letter-data.server";
import { renderPdf } from "./render-pdf.server";

export interface SendExpeditedNotice {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  /** Anything the coordinator also told the parties themselves (by phone, say); may be empty. */
  note: string;
  at?: Date;
}

/**
 * An expedited decision is told to the parties at once and the written
 * letter follows within the profile's time (docs/rules/decision-letter.md,
 * "Expedited decisions"). The portal writes the notice (a PDF on the case,
 * saying the outcome as the letter will), emails the applicant and the
 * plan's recipients a link to it, meets the decision clock and starts the
 * written-letter clock, which issuing the letter then meets. If the change
 * fails, the stored notice is removed again.
 */
export async function sendExpeditedNotice(input: SendExpeditedNotice, storage: DocumentStorage = documentStorage()) {
  const { user, caseId } = input;
  const kase = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseAccessWhere(user, "case:decide")] },
    select: { track: true, deadlines: { where: { kind: "WRITTEN_CONFIRMATION" }, select: { id: true } } },
  });
  if (!kase) throw notFound("This case");
  if (kase.track !== "EXPEDITED") throw conflict("Only an expedited decision is told to the parties before its letter.");
  if (kase.deadlines.length) throw conflict("The expedited notice was already sent: the written letter is due next.");
  if ((await latestQualityReview(caseId))?.result !== "APPROVED")
    throw conflict("Approve the determination in quality review before telling the parties the decision.");

  const at = input.at ?? new Date();
  const facts = await letterFacts(db, caseId);
  const letterDue = await dueAtFor(db, caseId, "writtenConfirmation", at);
  const issue = { version: 1, verificationCode: null, decidedAt: at, issuedAt: at, complianceDueAt: null, amendment: null };
  // The notice says the outcome as the letter will, in the reader's language.
  const copies = await storeCopies(
    facts.noticeLocale,
    async (locale) => {
      const letter = await composeLetter(facts, issue, db, locale);
      return renderPdf(
        createElement(ExpeditedDecisionNotice, {
          locale,
          organizationName: letter.organizationName,
          organizationPhone: letter.organizationPhone,
          reference: facts.reference,
          notifiedAt: letterDeadline(at, letterDue.timeZone, locale),
          planName: facts.letterCase.planName,
          outcome: letter.decision.outcome,
          meaning: letter.summary.paragraphs,
          letterDue: letterDeadline(letterDue.dueAt, letterDue.timeZone, locale),
          contact: letter.contact[0] ?? "",
        }),
      );
    },
    storage,
  );
  const letterDueIn = (locale: Locale) => letterDeadline(letterDue.dueAt, letterDue.timeZone, locale);
  try {
    await explainingConflicts(caseId, input.expectedVersion, () =>
      changeCase({
        caseId,
        expectedVersion: input.expectedVersion,
        actor: { ...input.actor, roles: user.roles },
        action: "recordExpeditedNotice",
        event: { type: "expedited_decision_notified", note: input.note || null, data: { outcome: facts.letterCase.outcome } },
        at,
        deadlines: { meet: ["decision"], start: ["writtenConfirmation"] },
        work: async (tx) => {
          const documents = await createCopyDocuments(tx, copies, {
            caseId,
            kind: "NOTICE",
            fileName: `expedited-decision-notice-${facts.reference}.pdf`,
            uploadedById: user.id,
            description: "Notice of the expedited decision",
            createdAt: at,
          });
          return { documents, plan: await planRecipients(tx, facts.planId) };
        },
        emails: (_before, { documents, plan }) => {
          const props = { organizationName: config().organizationName, reference: facts.reference };
          const link = (documentId: string) => `${config().appUrl}/documents/${documentId}`;
          return [
            {
              template: "expedited-decision" as const,
              to: facts.applicantEmail,
              locale: facts.noticeLocale,
              props: { ...props, letterDue: letterDueIn(facts.noticeLocale), link: link(documents.applicantsId), audience: "applicant" as const },
            },
            ...plan.map((to) => ({
              template: "expedited-decision" as const,
              to,
              props: { ...props, letterDue: letterDueIn("en"), link: link(documents.englishId), audience: "plan" as const },
            })),
          ];
        },
      }),
    );
  } catch (error) {
    await deleteCopies(copies, storage);
    throw error;
  }
}
