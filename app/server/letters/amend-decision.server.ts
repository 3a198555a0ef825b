import { caseAccessWhere } from "../cases/case-access.server";
import { NOT_ISSUED_MESSAGE } from "~/domain/case-actions";
import { assertCaseAction, changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { documentStorage, type DocumentStorage } from "../documents/storage.server";
import { conflict, notFound } from "../errors.server";
import { explainingConflicts } from "../intake/intake-case.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { queueWebhookEvent } from "../webhooks/queue-webhook.server";
import { createLetterDocuments, deleteCopies, letterFacts, letterRecipients, storeLetter, unusedVerificationCode } from "./letter-data.server";

export interface AmendDecision {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  /** Printed on the new letter and kept with it. */
  reason: string;
  at?: Date;
}

/**
 * A correction to an issued decision: a new letter version (the previous
 * one plus one) rendered from the case as it stands, with the reason
 * printed on it. The earlier versions' rows and files are never touched:
 * both stay on file and downloadable. The parties are told and the plan's
 * webhook queued, in the same change.
 */
export async function amendDecision(input: AmendDecision, storage: DocumentStorage = documentStorage()): Promise<{ letterVersion: number }> {
  const { user, caseId } = input;
  const visible = await db.case.findFirst({ where: { AND: [{ id: caseId }, caseAccessWhere(user, "case:decide")] }, select: { status: true } });
  if (!visible) throw notFound("This case");
  const previous = await db.decisionLetter.findFirst({ where: { caseId }, orderBy: { version: "desc" }, select: { version: true, issuedAt: true } });
  assertCaseAction("amendDecision", visible.status, user.roles);
  if (!previous) throw conflict(NOT_ISSUED_MESSAGE);

  const at = input.at ?? new Date();
  const version = previous.version + 1;
  const facts = await letterFacts(db, caseId);
  // The plan's deadline is the one set when the decision was issued; an amendment does not move it.
  const compliance = await db.caseDeadline.findFirst({ where: { caseId, kind: "COMPLIANCE" }, orderBy: { startedAt: "asc" }, select: { dueAt: true } });
  const verificationCode = await unusedVerificationCode();
  const { copies } = await storeLetter(
    facts,
    {
      version,
      verificationCode,
      decidedAt: facts.decidedAt ?? previous.issuedAt,
      issuedAt: at,
      complianceDueAt: compliance?.dueAt ?? null,
      amendment: { reason: input.reason, replaces: previous },
    },
    storage,
  );
  const stored = copies.english;

  try {
    await explainingConflicts(caseId, input.expectedVersion, () =>
      changeCase({
        caseId,
        expectedVersion: input.expectedVersion,
        actor: { ...input.actor, roles: user.roles },
        action: "amendDecision",
        event: {
          type: "decision_amended",
          note: input.reason,
          data: {
            letterVersion: version,
            sha256: stored.sha256,
            ...(copies.translation ? { applicantCopy: { language: copies.translation.locale, sha256: copies.translation.stored.sha256 } } : {}),
          },
        },
        at,
        work: async (tx) => {
          const documents = await createLetterDocuments(tx, facts, copies, { version, issuedById: user.id, at });
          // Two amendments at once are refused by the case's version; the (caseId, version) unique index backs that up.
          await tx.decisionLetter.create({
            data: {
              caseId,
              version,
              documentId: documents.englishId,
              sha256: stored.sha256,
              verificationCode,
              outcome: facts.letterCase.outcome,
              issuedAt: at,
              issuedById: user.id,
              amendmentReason: input.reason,
            },
          });
          if (facts.planId) {
            await queueWebhookEvent(tx, {
              planId: facts.planId,
              type: "decision.amended",
              caseId,
              at,
              data: {
                reference: facts.reference,
                outcome: facts.letterCase.outcome,
                letterVersion: version,
                issuedAt: at.toISOString(),
                sha256: stored.sha256,
              },
            });
          }
          return letterRecipients(tx, facts);
        },
        emails: (_before, recipients) =>
          recipients.map((recipient) => ({
            template: "decision-amended" as const,
            to: recipient.to,
            locale: recipient.locale,
            dedupeKey: `decision-amended:${caseId}:${version}:${recipient.to}`,
            props: { organizationName: config().organizationName, reference: facts.reference, audience: recipient.audience, version, link: recipient.link },
          })),
      }),
    );
  } catch (error) {
    await deleteCopies(copies, storage);
    throw error;
  }
  return { letterVersion: version };
}
