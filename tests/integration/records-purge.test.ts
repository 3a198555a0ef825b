/**
 * Finding 17, purging: an archived case past retention is purged only after
 * an administrator confirmed it (with a fresh password), by the retention
 * job, unless a legal hold came first. What goes: the case, its documents and
 * letters with their stored files, its emails; what stays: a tombstone and
 * the audit trail, whose chain still verifies. A second run purges nothing.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/server/audit-chain.server";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { sweepStorage } from "~/server/documents/storage-sweep.server";
import { documentStorage, type DocumentStorage } from "~/server/documents/storage.server";
import { issueDecision } from "~/server/letters/issue-decision.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { confirmPurge, purgeConfirmedCases } from "~/server/retention/purge-cases.server";
import { archiveCasesPastRetention, retentionOverview, setLegalHold } from "~/server/retention/records-retention.server";
import { getSessionUser } from "~/server/session.server";
import * as retentionRoute from "~/routes/admin/retention";
import { createCaseInReview, createInformationRequest, SMALL_PDF } from "#tests/support/case-factories";
import { approveSubmittedDetermination, submitSignedDetermination } from "#tests/support/determination-factories";
import { actorFor, createCase, createPlan, createReviewer, createUser, requestWithCookie, sessionUserOf } from "#tests/support/factories";
import { refusal } from "#tests/support/refusal";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";
import { runSql } from "#tests/support/catalog";
import { testDatabase } from "#tests/support/test-database";

// NAIC keeps records 3 years after closing (New York dates). Everything below ended in January 2020, kept to
// January 2023: past retention on any day these tests run, as the page's confirmation reads the clock.
const ARCHIVED_AT = new Date("2029-06-10T09:00:00Z");
const NOW = new Date("2029-06-11T09:00:00Z");
const ENDED = new Date("2020-01-05T15:00:00Z");

type Person = Awaited<ReturnType<typeof createUser>>;
let admin: Person & { cookie: string };
let applicant: Person;
let coordinator: Person;

const storagePath = (key: string) => path.join(testDatabase.dataDir, "documents", key.slice(0, 2), key);
const stored = (key: string) =>
  fs.stat(storagePath(key)).then(
    () => true,
    () => false,
  );

/** A decided case with a stored document and an issued letter (its PDF stored too), its emails queued, then closed. */
async function decidedAndClosed() {
  const plan = await createPlan();
  const reviewer = await createReviewer();
  const kase = await createCaseInReview({
    applicantId: applicant.id,
    planId: plan.id,
    coordinatorId: coordinator.id,
    reviewerIds: [reviewer.id],
    files: [{ fileName: "pat-example-mri.pdf", contentType: "application/pdf", kind: "MEDICAL_RECORDS", bytes: SMALL_PDF }],
  });
  await createInformationRequest({ caseId: kase.id, requestedById: coordinator.id });
  await submitSignedDetermination({ caseId: kase.id, reviewer });
  await approveSubmittedDetermination({ caseId: kase.id, coordinator });
  const { version } = await db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { version: true } });
  await issueDecision({ user: sessionUserOf(coordinator), actor: actorFor(coordinator), caseId: kase.id, expectedVersion: version });
  await db.case.update({ where: { id: kase.id }, data: { status: "CLOSED", closedAt: ENDED } });
  return { ...kase, plan };
}

async function closedCase() {
  const kase = await createCase({ applicantId: applicant.id, status: "CLOSED" });
  await db.case.update({ where: { id: kase.id }, data: { closedAt: ENDED } });
  return kase;
}

const confirmByPage = (references: string[]) =>
  call(
    retentionRoute.action as RouteFunction,
    request("/admin/retention", admin, [["intent", "confirm-purge"], ...references.map((ref): [string, string] => ["references", ref])]),
  );

async function passwordGivenAgo(minutes: number) {
  const session = await getSessionUser(requestWithCookie(admin.cookie));
  await db.session.update({ where: { id: session!.sessionId }, data: { authenticatedAt: new Date(Date.now() - minutes * 60_000) } });
}

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
  admin = await withSession(await createUser({ roles: ["ADMIN"] }));
  applicant = await createUser({ roles: ["APPLICANT"] });
  coordinator = await createUser({ roles: ["COORDINATOR"] });
});

describe("purging a case after its retention", () => {
  it("purges nothing unconfirmed; a confirmed case goes whole, leaving its tombstone and an intact audit trail; a rerun purges nothing", async () => {
    const kase = await decidedAndClosed();
    const reference = kase.reference!;
    const documents = await db.document.findMany({ where: { caseId: kase.id }, select: { storageKey: true, kind: true } });
    expect(documents.map((document) => document.kind).sort()).toEqual(["DECISION_LETTER", "MEDICAL_RECORDS"]);
    for (const document of documents) expect(await stored(document.storageKey)).toBe(true);
    expect(await db.outboxMessage.count({ where: { caseId: kase.id } })).toBeGreaterThan(0);

    expect((await archiveCasesPastRetention(ARCHIVED_AT)).archived).toContain(reference);
    // Archived but not confirmed: the job leaves it, and the page lists it as awaiting a confirmation.
    expect((await purgeConfirmedCases(NOW)).purged).not.toContain(reference);
    expect(await db.case.count({ where: { id: kase.id } })).toBe(1);
    expect((await retentionOverview(NOW)).dueForPurge.rows.map((row) => row.reference)).toContain(reference);

    // A password given over 10 minutes ago is asked for again before the confirmation.
    await passwordGivenAgo(30);
    expect(await confirmByPage([reference])).toMatchObject({ status: 302, location: "/confirm-identity?redirectTo=%2Fadmin%2Fretention" });
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { purgeConfirmedAt: true } })).toEqual({ purgeConfirmedAt: null });
    await passwordGivenAgo(1);
    expect(await confirmByPage([reference])).toMatchObject({ status: 302, location: "/admin/retention?done=purge" });
    const confirmed = await retentionOverview(NOW);
    expect(confirmed.purgeConfirmed.rows.map((row) => row.reference)).toContain(reference);
    expect(confirmed.dueForPurge.rows.map((row) => row.reference)).not.toContain(reference);
    expect(await db.auditLog.findFirst({ where: { action: "retention.purge_confirmed", objectId: kase.id } })).toMatchObject({ actorId: admin.id });
    const auditRowsOfCase = await db.auditLog.count({ where: { objectId: kase.id } });

    expect((await purgeConfirmedCases(NOW)).purged).toEqual([reference]);

    // Gone: the case and every row of it, the stored document and letter, its emails.
    expect(await db.case.count({ where: { id: kase.id } })).toBe(0);
    expect(await db.document.count({ where: { caseId: kase.id } })).toBe(0);
    expect(await db.decisionLetter.count({ where: { caseId: kase.id } })).toBe(0);
    expect(await db.caseEvent.count({ where: { caseId: kase.id } })).toBe(0);
    expect(await db.informationRequest.count({ where: { caseId: kase.id } })).toBe(0);
    expect(await db.reviewerAssignment.count({ where: { caseId: kase.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { caseId: kase.id } })).toBe(0);
    for (const document of documents) expect(await stored(document.storageKey)).toBe(false);
    const [mentions] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "OutboxMessage" WHERE props::text LIKE '%Pat Example%'`;
    expect(mentions).toEqual({ n: 0 });

    // Stays: the tombstone, with no health information, and the audit trail, one row longer and still a valid chain.
    const tombstone = await db.purgedCase.findUniqueOrThrow({ where: { reference } });
    expect(tombstone).toMatchObject({
      id: kase.id,
      planName: kase.plan.name,
      ruleProfile: expect.stringMatching(/^naic v\d+$/),
      statusEnded: "CLOSED",
      outcome: "OVERTURNED",
      archivedAt: ARCHIVED_AT,
      purgedAt: NOW,
      purgeConfirmedById: admin.id,
      purgeConfirmedBy: admin.email,
      documentsRemoved: 2,
      letters: [expect.objectContaining({ version: 1, outcome: "OVERTURNED", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })],
    });
    expect(tombstone.endedOn.toISOString().slice(0, 10)).toBe("2020-01-05");
    expect(tombstone.retainedUntil.toISOString().slice(0, 10)).toBe("2023-01-05");
    expect(JSON.stringify(tombstone)).not.toMatch(/Pat Example|MEM-1001|pat-example/);
    expect(await db.auditLog.count({ where: { objectId: kase.id } })).toBe(auditRowsOfCase + 1);
    expect(await db.auditLog.findFirst({ where: { action: "case.purged", objectId: kase.id } })).toMatchObject({
      actorId: null,
      userAgent: "records retention job",
      detail: { reference, documentsRemoved: 2, confirmedBy: admin.email },
    });
    expect(await verifyAuditChain()).toMatchObject({ intact: true });
    expect((await retentionOverview(NOW)).purged.rows.map((row) => row.reference)).toContain(reference);

    // The next run, or a retry of this one, finds nothing more to purge and writes nothing.
    const rowsBefore = await db.auditLog.count();
    expect((await purgeConfirmedCases(NOW)).purged).toEqual([]);
    expect(await db.auditLog.count()).toBe(rowsBefore);
    expect(await refusal(setLegalHold({ actor: actorFor(admin), reference, hold: true, reason: "Subpoena" }))).toMatchObject({
      message: "This case was purged: nothing of it is left to hold.",
    });
  });

  it("is blocked by a legal hold placed after the confirmation, and needs a new confirmation once the hold is lifted", async () => {
    const kase = await closedCase();
    const reference = kase.reference!;
    await archiveCasesPastRetention(ARCHIVED_AT);
    await confirmPurge({ actor: actorFor(admin), adminId: admin.id, references: [reference], at: ARCHIVED_AT });
    await setLegalHold({ actor: actorFor(admin), reference, hold: true, reason: "Litigation: Carter v. Pacific Coast Health", at: NOW });

    expect((await purgeConfirmedCases(NOW)).purged).not.toContain(reference);
    expect(await db.case.count({ where: { id: kase.id } })).toBe(1);
    const held = await retentionOverview(NOW);
    expect(held.held.rows.map((row) => row.reference)).toContain(reference);
    expect(held.purgeConfirmed.rows.map((row) => row.reference)).not.toContain(reference);
    expect(await db.auditLog.findFirst({ where: { action: "case.legal_hold_placed", objectId: kase.id } })).toMatchObject({
      detail: { purgeConfirmationWithdrawn: true },
    });

    await setLegalHold({ actor: actorFor(admin), reference, hold: false, reason: "Settled.", at: NOW });
    expect((await purgeConfirmedCases(NOW)).purged).not.toContain(reference);
    expect((await retentionOverview(NOW)).dueForPurge.rows.map((row) => row.reference)).toContain(reference);
  });

  it("refuses to confirm a case not awaiting a purge, and confirms nothing of the choice", async () => {
    const archived = await closedCase();
    await archiveCasesPastRetention(ARCHIVED_AT);
    const open = await createCase({ applicantId: applicant.id, status: "IN_REVIEW" });
    const answer = await confirmByPage([archived.reference!, open.reference!]);
    expect(answer.status).toBe(400);
    expect(answer.data).toMatchObject({ fieldErrors: { references: expect.stringContaining(`${open.reference} is not awaiting a purge`) } });
    expect(await db.case.findUniqueOrThrow({ where: { id: archived.id }, select: { purgeConfirmedAt: true } })).toEqual({ purgeConfirmedAt: null });
    expect((await confirmByPage([])).data).toMatchObject({ formError: "Choose the cases to purge." });
    // Not yet archived (the job has not run since the retention ran out): not yet either.
    const notArchived = await closedCase();
    expect(await refusal(confirmPurge({ actor: actorFor(admin), adminId: admin.id, references: [notArchived.reference!], at: NOW }))).toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("keeps a case whole when its purge dies before the commit, and purges it once at the next run", async () => {
    const plan = await createPlan();
    const kase = await createCaseInReview({
      applicantId: applicant.id,
      planId: plan.id,
      reviewerIds: [],
      files: [{ fileName: "records.pdf", contentType: "application/pdf", kind: "MEDICAL_RECORDS", bytes: SMALL_PDF }],
    });
    await db.case.update({ where: { id: kase.id }, data: { status: "CLOSED", closedAt: ENDED } });
    const [{ storageKey }] = (await db.document.findMany({ where: { caseId: kase.id }, select: { storageKey: true } })) as [{ storageKey: string }];
    await archiveCasesPastRetention(ARCHIVED_AT);
    await confirmPurge({ actor: actorFor(admin), adminId: admin.id, references: [kase.reference!], at: ARCHIVED_AT });
    // The process dies as the tombstone is written, after every row of the case was deleted in the transaction.
    await runSql(
      testDatabase.ownerUrl,
      `CREATE FUNCTION "dies_mid_purge"() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'the worker died'; END $$ LANGUAGE plpgsql;
       CREATE TRIGGER "dies_mid_purge" BEFORE INSERT ON "PurgedCase" FOR EACH ROW EXECUTE FUNCTION "dies_mid_purge"();`,
    );
    try {
      await expect(purgeConfirmedCases(NOW)).rejects.toThrow("the worker died");
    } finally {
      await runSql(testDatabase.ownerUrl, `DROP TRIGGER "dies_mid_purge" ON "PurgedCase"; DROP FUNCTION "dies_mid_purge"();`);
    }
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { purgeConfirmedAt: true } })).toEqual({ purgeConfirmedAt: ARCHIVED_AT });
    expect(await db.document.count({ where: { caseId: kase.id } })).toBe(1);
    expect(await stored(storageKey)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "case.purged", objectId: kase.id } })).toBe(0);

    expect((await purgeConfirmedCases(NOW)).purged).toEqual([kase.reference]);
    expect(await stored(storageKey)).toBe(false);
    expect(await db.auditLog.count({ where: { action: "case.purged", objectId: kase.id } })).toBe(1);
  });

  it("leaves a file it could not delete to the storage sweep, once the purge committed", async () => {
    const plan = await createPlan();
    const kase = await createCaseInReview({
      applicantId: applicant.id,
      planId: plan.id,
      reviewerIds: [],
      files: [{ fileName: "records.pdf", contentType: "application/pdf", kind: "MEDICAL_RECORDS", bytes: SMALL_PDF }],
    });
    await db.case.update({ where: { id: kase.id }, data: { status: "WITHDRAWN", closedAt: ENDED } });
    const [{ storageKey }] = (await db.document.findMany({ where: { caseId: kase.id }, select: { storageKey: true } })) as [{ storageKey: string }];
    await archiveCasesPastRetention(ARCHIVED_AT);
    await confirmPurge({ actor: actorFor(admin), adminId: admin.id, references: [kase.reference!], at: ARCHIVED_AT });
    const failingDelete: DocumentStorage = Object.assign(Object.create(documentStorage()) as DocumentStorage, {
      delete: () => Promise.reject(new Error("the disk is unreachable")),
    });

    expect((await purgeConfirmedCases(NOW, failingDelete)).purged).toEqual([kase.reference]);
    expect(await stored(storageKey)).toBe(true);
    // The file was written just now: the sweep takes it once the orphans' grace is over.
    const swept = await sweepStorage(new Date(Date.now() + 2 * 60 * 60_000));
    expect(swept.orphans.names).toContain(storageKey);
    expect(await stored(storageKey)).toBe(false);
  });
});

describe("the tombstones' table", () => {
  it("takes new rows from the portal's role but no change or removal", async () => {
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: testDatabase.url });
    await client.connect();
    try {
      const refused = (sql: string) =>
        client.query(sql).then(
          () => "accepted",
          (error: Error) => error.message,
        );
      expect(await refused(`UPDATE "PurgedCase" SET "planName" = 'changed'`)).toBe("permission denied for table PurgedCase");
      expect(await refused(`DELETE FROM "PurgedCase"`)).toBe("permission denied for table PurgedCase");
    } finally {
      await client.end();
    }
  });
});
