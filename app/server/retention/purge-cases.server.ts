/**
 * Purging a case after its record retention (docs/rules/records-audit-reports.md,
 * "Record retention"; docs/decisions/0015). An administrator confirms the
 * archived cases to purge; the daily retention job then purges each one that,
 * at that instant, is still confirmed, archived, past retention and not under
 * a legal hold. A purge removes the case and everything of it in one
 * transaction, leaves a tombstone (PurgedCase) and the audit rows as they
 * were, and deletes the stored files after its commit.
 */
import { localDate } from "~/domain/deadlines/time-zone";
import { mayConfirmPurge, mayPurge } from "~/domain/retention";
import { audit } from "../audit.server";
import { db, type Tx } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { documentStorage, type DocumentStorage } from "../documents/storage.server";
import { AppError, conflict } from "../errors.server";
import { log } from "../log.server";
import type { Actor } from "../request-context.server";
import { BATCH, LISTED_AT_MOST, RETAINED_CASE_SELECT, RETENTION_JOB, retentionFacts, toRetainedCase } from "./records-retention.server";

/**
 * An administrator confirms that these archived cases may be purged: each
 * must be due for purge (archived, past retention, not held, not confirmed
 * yet), or nothing is confirmed. One transaction, a `retention.purge_confirmed`
 * audit row per case. The purge itself happens at the job's next run.
 */
export async function confirmPurge(input: { actor: Actor; adminId: string; references: string[]; at: Date }): Promise<void> {
  const { timeZone } = await organizationCalendar();
  const today = localDate(input.at, timeZone);
  await db.$transaction(async (tx) => {
    const rows = await tx.case.findMany({ where: { reference: { in: input.references } }, select: RETAINED_CASE_SELECT });
    const cases = rows.flatMap((row) => toRetainedCase(row, timeZone) ?? []);
    const notDue = input.references.find((reference) => {
      const kase = cases.find((found) => found.reference === reference);
      return !kase || !mayConfirmPurge(retentionFacts(kase), today);
    });
    if (notDue)
      throw new AppError(
        "BAD_REQUEST",
        `${notDue} is not awaiting a purge: it is not archived past its retention, is under a legal hold, or was confirmed already.`,
        {
          field: "references",
        },
      );
    // Only while still unheld and unconfirmed: a hold placed meanwhile wins.
    const changed = await tx.case.updateMany({
      where: { id: { in: cases.map((kase) => kase.id) }, legalHoldAt: null, purgeConfirmedAt: null, archivedAt: { not: null } },
      data: { purgeConfirmedAt: input.at, purgeConfirmedById: input.adminId },
    });
    if (changed.count !== cases.length) throw conflict("A case changed while you were confirming. Reload the page and try again.");
    for (const kase of cases)
      await audit(
        input.actor,
        {
          action: "retention.purge_confirmed",
          objectType: "Case",
          objectId: kase.id,
          detail: { reference: kase.reference, endedOn: kase.endedOn, retainedUntil: kase.retainedUntil },
          at: input.at,
        },
        tx,
      );
  });
}

type PurgeOutcome = { purged: string; storageKeys: string[] } | null;

/**
 * Purges one confirmed case if the rules still allow it at `at`. The case's
 * row is locked first, so a legal hold being placed waits for the purge to
 * commit (and then finds no case), or the purge waits for the hold (and then
 * finds it). Everything of the case goes, child rows first as the foreign
 * keys want; the tombstone and the `case.purged` audit row are written in the
 * same transaction. A crash before the commit leaves the case whole for the
 * next run; after it, only the stored files are left, which the caller
 * deletes and the storage sweep removes otherwise (no Document row names
 * them any more).
 */
async function purgeCase(id: string, at: Date, timeZone: string): Promise<PurgeOutcome> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Case" WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) return null;
    const row = await tx.case.findUniqueOrThrow({
      where: { id },
      select: {
        ...RETAINED_CASE_SELECT,
        purgeConfirmedById: true,
        disputeType: true,
        track: true,
        outcome: true,
        submittedAt: true,
        decidedAt: true,
        plan: { select: { name: true } },
        ruleProfile: { select: { rules: true, code: true, version: true } },
        documents: { select: { storageKey: true } },
        decisionLetters: { orderBy: { version: "asc" }, select: { version: true, issuedAt: true, outcome: true, sha256: true } },
      },
    });
    const kase = toRetainedCase(row, timeZone);
    if (!kase || !mayPurge(retentionFacts(kase), localDate(at, timeZone))) return null;
    const confirmer = await tx.user.findUniqueOrThrow({ where: { id: row.purgeConfirmedById! }, select: { email: true } });
    await removeCaseRows(tx, id);
    await tx.purgedCase.create({
      data: {
        id,
        reference: kase.reference,
        planName: row.plan?.name ?? null,
        ruleProfile: `${row.ruleProfile!.code} v${row.ruleProfile!.version}`,
        disputeType: row.disputeType,
        track: row.track,
        statusEnded: row.status,
        outcome: row.outcome,
        submittedAt: row.submittedAt,
        decidedAt: row.decidedAt,
        endedOn: new Date(`${kase.endedOn}T00:00:00Z`),
        retainedUntil: new Date(`${kase.retainedUntil}T00:00:00Z`),
        archivedAt: row.archivedAt!,
        purgeConfirmedAt: row.purgeConfirmedAt!,
        purgeConfirmedById: row.purgeConfirmedById!,
        purgeConfirmedBy: confirmer.email,
        purgedAt: at,
        letters: row.decisionLetters.map((letter) => ({ ...letter, issuedAt: letter.issuedAt.toISOString() })),
        documentsRemoved: row.documents.length,
      },
    });
    await audit(
      RETENTION_JOB,
      {
        action: "case.purged",
        objectType: "Case",
        objectId: id,
        detail: { reference: kase.reference, documentsRemoved: row.documents.length, confirmedBy: confirmer.email, confirmedAt: row.purgeConfirmedAt },
        at,
      },
      tx,
    );
    return { purged: kase.reference, storageKeys: row.documents.map((document) => document.storageKey) };
  });
}

/** Every row that holds the case's data, children before parents; the audit rows stay (they cannot be removed, ADR 0013). */
async function removeCaseRows(tx: Tx, caseId: string): Promise<void> {
  await tx.deadlineReminder.deleteMany({ where: { deadline: { caseId } } });
  await tx.caseDeadline.deleteMany({ where: { caseId } });
  await tx.reviewerNote.deleteMany({ where: { assignment: { caseId } } });
  await tx.timeEntry.deleteMany({ where: { caseId } });
  await tx.determination.deleteMany({ where: { caseId } });
  await tx.reviewerAssignment.deleteMany({ where: { caseId } });
  await tx.conflictClearance.deleteMany({ where: { caseId } });
  await tx.decisionLetter.deleteMany({ where: { caseId } });
  await tx.complianceConfirmation.deleteMany({ where: { caseId } });
  await tx.qualityReview.deleteMany({ where: { caseId } });
  await tx.eligibilityAnswer.deleteMany({ where: { caseId } });
  await tx.document.deleteMany({ where: { caseId } });
  await tx.informationRequest.deleteMany({ where: { caseId } });
  await tx.caseEvent.deleteMany({ where: { caseId } });
  // Emails and webhook messages about the case carry its details in their bodies.
  await tx.outboxMessage.deleteMany({ where: { caseId } });
  await tx.webhookDelivery.deleteMany({ where: { caseId } });
  // An approved publication is de-identified and stays in the library (its link to the case goes with the case);
  // a draft nobody reviewed is the findings as written, so it goes.
  await tx.publication.deleteMany({ where: { caseId, status: "DRAFT" } });
  await tx.case.delete({ where: { id: caseId } });
}

/**
 * The daily job's second step: purges the confirmed cases the rules still
 * allow (mayPurge), one transaction each, then deletes their stored files.
 * Idempotent: a purged case is gone, so a retry or a second worker finds
 * nothing more to do. A run that purges is audited ("retention.purged"),
 * besides each case's own `case.purged` row.
 */
export async function purgeConfirmedCases(now: Date, storage: DocumentStorage = documentStorage()): Promise<{ purged: string[] }> {
  const { timeZone } = await organizationCalendar();
  const purged: string[] = [];
  let after: string | undefined;
  for (;;) {
    const batch = await db.case.findMany({
      where: { purgeConfirmedAt: { not: null }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true },
    });
    for (const { id } of batch) {
      const outcome = await purgeCase(id, now, timeZone);
      if (!outcome) continue;
      purged.push(outcome.purged);
      for (const key of outcome.storageKeys)
        await storage.delete(key).catch((error: unknown) => log.warn("a purged case's file is left to the storage sweep", { error: String(error) }));
    }
    if (batch.length < BATCH) break;
    after = batch.at(-1)!.id;
  }
  if (purged.length)
    await audit(RETENTION_JOB, { action: "retention.purged", detail: { purged: purged.length, references: purged.slice(0, LISTED_AT_MOST) }, at: now });
  return { purged };
}
