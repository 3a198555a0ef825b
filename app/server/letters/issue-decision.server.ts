import type { CaseStatus } from "~/domain/case-status";
import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { caseAccessWhere } from "../cases/case-access.server";
import { assertCaseAction, changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import { db, type Tx } from "../db.server";
import { latestQualityReview } from "../determinations/quality.server";
import { documentStorage, type DocumentStorage } from "../documents/storage.server";
import { AppError, notFound } from "../errors.server";
import { dueAtFor, explainingConflicts } from "../intake/intake-case.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { draftPublication } from "../publication/draft-publication.server";
import { queueWebhookEvent } from "../webhooks/queue-webhook.server";
import {
  createLetterDocuments,
  deleteCopies,
  letterFacts,
  letterRecipients,
  storeLetter,
  unusedVerificationCode,
  type LetterFacts,
} from "./letter-data.server";

export interface IssueDecision {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  /** When the decision is issued; defaults to now. */
  at?: Date;
}

const NOT_APPROVED_MESSAGE = "Approve the determination in quality review before issuing the decision.";

/** The approval must still be the last word on the determination when the letter is issued. */
async function assertApproved(caseId: string, tx: Tx = db): Promise<void> {
  const review = await latestQualityReview(caseId, tx);
  if (review?.result !== "APPROVED") throw new AppError("CONFLICT", NOT_APPROVED_MESSAGE);
}

/**
 * Issues the binding decision: the letter is rendered and stored first (its
 * SHA-256 taken as it is written); then one change makes the case DECIDED,
 * records the Document and version 1 of the DecisionLetter, meets the
 * decision and written-letter clocks, starts the plan's compliance clock for
 * an overturn and the publication clock, drafts the de-identified decision
 * for the public library, emails the parties and queues the plan's webhook. If the
 * change fails, the stored file is deleted. An upheld denial closes at once,
 * in the same transaction: nothing more is due from anyone.
 */
export async function issueDecision(input: IssueDecision, storage: DocumentStorage = documentStorage()): Promise<{ status: CaseStatus; version: number }> {
  const { user, caseId } = input;
  const visible = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseAccessWhere(user, "case:decide")] },
    select: { status: true },
  });
  if (!visible) throw notFound("This case");
  assertCaseAction("issueDecision", visible.status, user.roles);
  await assertApproved(caseId);

  const at = input.at ?? new Date();
  const facts = await letterFacts(db, caseId);
  const upheld = facts.letterCase.outcome === "UPHELD";
  const compliance = upheld ? null : await dueAtFor(db, caseId, "compliance", at);
  const verificationCode = await unusedVerificationCode();
  const { copies } = await storeLetter(
    facts,
    { version: 1, verificationCode, decidedAt: at, issuedAt: at, complianceDueAt: compliance?.dueAt ?? null, amendment: null },
    storage,
  );
  const stored = copies.english;

  let issued: { status: CaseStatus; version: number };
  try {
    issued = await explainingConflicts(caseId, input.expectedVersion, () =>
      db.$transaction(async (tx) => {
        const decided = await changeCase({
          tx,
          caseId,
          expectedVersion: input.expectedVersion,
          actor: { ...input.actor, roles: user.roles },
          action: "issueDecision",
          event: {
            type: "decision_issued",
            data: {
              outcome: facts.letterCase.outcome,
              letterVersion: 1,
              sha256: stored.sha256,
              ...(copies.translation ? { applicantCopy: { language: copies.translation.locale, sha256: copies.translation.stored.sha256 } } : {}),
            },
          },
          update: { decidedAt: at, outcome: facts.letterCase.outcome },
          at,
          deadlines: { start: upheld ? ["publication"] : ["compliance", "publication"] },
          work: async (tx) => {
            await assertApproved(caseId, tx);
            const documents = await createLetterDocuments(tx, facts, copies, { version: 1, issuedById: user.id, at });
            await draftPublication(tx, caseId, at);
            await tx.decisionLetter.create({
              data: {
                caseId,
                version: 1,
                documentId: documents.englishId,
                sha256: stored.sha256,
                verificationCode,
                outcome: facts.letterCase.outcome,
                issuedAt: at,
                issuedById: user.id,
              },
            });
            if (facts.planId) {
              await queueWebhookEvent(tx, {
                planId: facts.planId,
                type: "decision.issued",
                caseId,
                at,
                data: {
                  reference: facts.reference,
                  outcome: facts.letterCase.outcome,
                  letterVersion: 1,
                  issuedAt: at.toISOString(),
                  sha256: stored.sha256,
                  complianceDueAt: compliance?.dueAt.toISOString() ?? null,
                },
              });
            }
            return letterRecipients(tx, facts);
          },
          emails: (_before, recipients) =>
            recipients.map((recipient) => ({
              template: "decision-issued" as const,
              to: recipient.to,
              locale: recipient.locale,
              dedupeKey: `decision-issued:${caseId}:${recipient.to}`,
              props: {
                organizationName: config().organizationName,
                reference: facts.reference,
                audience: recipient.audience,
                expedited: facts.expedited,
                actionDue: recipient.audience === "plan" && compliance ? formatDeadlineTime(compliance.dueAt, compliance.timeZone) : null,
                link: recipient.link,
              },
            })),
        });
        return upheld ? closeUpheld(tx, input, facts, decided.version, at) : decided;
      }),
    );
  } catch (error) {
    await deleteCopies(copies, storage);
    throw error;
  }
  return issued;
}

/** An upheld denial leaves nothing for anyone to do, so the case closes in the same transaction as the decision. */
async function closeUpheld(tx: Tx, input: IssueDecision, facts: LetterFacts, version: number, at: Date): Promise<{ status: CaseStatus; version: number }> {
  return changeCase({
    tx,
    caseId: input.caseId,
    expectedVersion: version,
    actor: { ...input.actor, roles: input.user.roles },
    action: "closeUpheld",
    event: {
      type: "closed",
      data: { reason: "The denial was upheld: nothing more is due." },
    },
    update: { closedAt: at },
    at,
    work: async (tx) => {
      if (facts.planId) {
        await queueWebhookEvent(tx, {
          planId: facts.planId,
          type: "case.closed",
          caseId: input.caseId,
          at,
          data: {
            reference: facts.reference,
            outcome: "UPHELD",
            closedAt: at.toISOString(),
          },
        });
      }
    },
  });
}
