/**
 * The storage sweep removes what crashed processes leave in document
 * storage, on the disk and in an S3 bucket. A crash is staged by leaving
 * exactly what a killed process leaves: a write that nothing will finish (a
 * `.part` file, an open multipart upload), or a stored letter whose
 * transaction never committed and whose clean-up never ran.
 * The times are the storage's own (a file's, an object's, an upload's), so
 * each sweep's `at` is set against the time the storage lists.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db.server";
import { SWEEP_STORAGE_QUEUE, startWorker } from "~/server/jobs.server";
import { ORPHAN_GRACE_MS, UNFINISHED_WRITE_MAX_AGE_MS, sweepStorage } from "~/server/documents/storage-sweep.server";
import { documentStorage, type DocumentStorage, type StorageEntry } from "~/server/documents/storage.server";
import { amendDecision } from "~/server/letters/amend-decision.server";
import { issueDecision } from "~/server/letters/issue-decision.server";
import { createCaseInReview } from "#tests/support/case-factories";
import { approveSubmittedDetermination, submitSignedDetermination } from "#tests/support/determination-factories";
import { actorFor, createCase, createPlan, createReviewer, createUser, sessionUserOf } from "#tests/support/factories";
import { documentStorages, type StorageUnderTest } from "#tests/support/storages";
import { testDatabase } from "#tests/support/test-database";
import { waitFor } from "#tests/support/wait-for";

type Person = Awaited<ReturnType<typeof createUser>>;
let applicant: Person;
let coordinator: Person;
let plan: Awaited<ReturnType<typeof createPlan>>;

const MINUTE = 60_000;

const storageRoot = () => path.join(testDatabase.dataDir, "documents");
const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

async function lastWritten(file: string, at: Date): Promise<void> {
  await fs.utimes(file, at, at);
}

async function store(text: string): Promise<string> {
  const stored = await documentStorage().put(
    (async function* () {
      yield Buffer.from(text);
    })(),
  );
  return stored.key;
}

async function sweptRows() {
  return db.auditLog.findMany({ where: { action: "storage.swept" }, orderBy: { id: "asc" } });
}

async function collect(entries: AsyncIterable<StorageEntry>): Promise<StorageEntry[]> {
  const all = [];
  for await (const entry of entries) all.push(entry);
  return all;
}

/** Stored objects no Document row names. */
async function unnamedObjects(): Promise<StorageEntry[]> {
  const objects = await collect(documentStorage().objects());
  const named = await db.document.findMany({ where: { storageKey: { in: objects.map((entry) => entry.name) } }, select: { storageKey: true } });
  return objects.filter((entry) => !named.some((document) => document.storageKey === entry.name));
}

/** The storage as a process killed between storing a letter and committing its change leaves it: the file stays. */
function killedBeforeCleanUp(storage: DocumentStorage): DocumentStorage {
  return {
    put: (content, options) => storage.put(content, options),
    get: (key) => storage.get(key),
    delete: async () => undefined,
    objects: () => storage.objects(),
    unfinishedWrites: () => storage.unfinishedWrites(),
    removeUnfinished: (name) => storage.removeUnfinished(name),
    check: () => storage.check(),
  };
}

beforeAll(async () => {
  applicant = await createUser({ roles: ["APPLICANT"] });
  coordinator = await createUser({ roles: ["COORDINATOR"] });
  plan = await createPlan();
});

const STORAGES = documentStorages();
let storage: StorageUnderTest;

describe.each(STORAGES)("the storage sweep, documents kept on $name", (under) => {
  beforeAll(async () => {
    storage = under;
    await under.use();
  });

  it("keeps an unfinished write until it is older than the longest upload, then removes it and audits it", async () => {
    await storage.leaveUnfinished(crypto.randomBytes(3000));
    const [left, ...more] = await collect(documentStorage().unfinishedWrites());
    expect(more).toHaveLength(0);
    const stale = left!.writtenAt.getTime() + UNFINISHED_WRITE_MAX_AGE_MS;
    const before = (await sweptRows()).length;

    expect((await sweepStorage(new Date(stale - MINUTE))).unfinishedWrites.count).toBe(0);
    expect(await storage.unfinished()).toEqual([left!.name]);

    const at = new Date(stale + MINUTE);
    const swept = await sweepStorage(at);

    expect(await storage.unfinished()).toEqual([]);
    const removed = { count: 1, bytes: left!.sizeBytes, names: [left!.name] };
    expect(swept.unfinishedWrites).toEqual(removed);
    const rows = await sweptRows();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ actorId: null, userAgent: "storage sweep", at });
    expect(rows.at(-1)?.detail).toMatchObject({ unfinishedWrites: removed, orphans: { count: 0 } });
  });

  it("removes a stored object no row names once the grace period is over, and keeps a named one", async () => {
    const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status: "SUBMITTED" });
    const named = await store("a file on the case");
    const orphan = await store("a file whose row never came");
    await db.document.create({
      data: { caseId: kase.id, kind: "OTHER", fileName: "named.pdf", contentType: "application/pdf", sizeBytes: 18, sha256: "0".repeat(64), storageKey: named },
    });
    const orphanEntry = (await collect(documentStorage().objects())).find((entry) => entry.name === orphan)!;
    const graceOver = orphanEntry.writtenAt.getTime() + ORPHAN_GRACE_MS;
    const before = (await sweptRows()).length;

    expect((await sweepStorage(new Date(graceOver - MINUTE))).orphans.count).toBe(0);
    expect(await storage.has(orphan)).toBe(true);

    const swept = await sweepStorage(new Date(graceOver + MINUTE));

    expect(await storage.has(orphan)).toBe(false);
    expect(await storage.has(named)).toBe(true);
    const removed = { count: 1, bytes: orphanEntry.sizeBytes, names: [orphan] };
    expect(swept.orphans).toEqual(removed);
    const rows = await sweptRows();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)?.detail).toMatchObject({ orphans: removed, unfinishedWrites: { count: 0 } });

    const nothingLeft = await sweepStorage(new Date(graceOver + MINUTE));
    expect(nothingLeft.orphans.count + nothingLeft.unfinishedWrites.count).toBe(0);
    expect(await sweptRows()).toHaveLength(before + 1);
  });

  it("cleans up after a process killed mid-issue and mid-amendment, and the retried issue and amendment succeed", async () => {
    const reviewer = await createReviewer({ name: "Dr. Robin Hart" });
    const kase = await createCaseInReview({ applicantId: applicant.id, planId: plan.id, coordinatorId: coordinator.id, reviewerIds: [reviewer.id] });
    await submitSignedDetermination({ caseId: kase.id, reviewer });
    await approveSubmittedDetermination({ caseId: kase.id, coordinator });
    const storage = documentStorage();
    const decide = { user: sessionUserOf(coordinator), actor: actorFor(coordinator), caseId: kase.id };
    const version = async () => (await db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { version: true } })).version;
    const expectLeftThenSwept = async () => {
      const [left, ...more] = await unnamedObjects();
      expect(more).toHaveLength(0);
      const swept = await sweepStorage(new Date(left!.writtenAt.getTime() + ORPHAN_GRACE_MS + MINUTE));
      expect(swept.orphans.names).toEqual([left!.name]);
      expect(await unnamedObjects()).toHaveLength(0);
    };

    // The letter is stored, then the change fails (another change came first) and the process dies before removing it.
    await expect(issueDecision({ ...decide, expectedVersion: (await version()) - 1 }, killedBeforeCleanUp(storage))).rejects.toThrow();
    expect(await db.decisionLetter.count({ where: { caseId: kase.id } })).toBe(0);
    await expectLeftThenSwept();
    await issueDecision({ ...decide, expectedVersion: await version() }, storage);
    expect(await db.decisionLetter.count({ where: { caseId: kase.id } })).toBe(1);

    await expect(
      amendDecision({ ...decide, expectedVersion: (await version()) - 1, reason: "The member ID was wrong." }, killedBeforeCleanUp(storage)),
    ).rejects.toThrow();
    await expectLeftThenSwept();
    expect(await amendDecision({ ...decide, expectedVersion: await version(), reason: "The member ID was wrong." }, storage)).toEqual({ letterVersion: 2 });
    const letters = await db.decisionLetter.findMany({ where: { caseId: kase.id }, select: { documentId: true } });
    for (const letter of letters) {
      const document = await db.document.findUniqueOrThrow({ where: { id: letter.documentId } });
      expect(await under.has(document.storageKey)).toBe(true);
    }
  });
});

describe("the storage sweep job", () => {
  beforeAll(async () => {
    await STORAGES.find((candidate) => candidate.name === "disk")!.use();
  });

  it("runs every hour in the job worker, one sweep at a time", async () => {
    const worker = await startWorker();
    try {
      expect(await db.$queryRaw`SELECT cron FROM pgboss.schedule WHERE name = ${SWEEP_STORAGE_QUEUE}`).toEqual([{ cron: "43 * * * *" }]);
      expect(await db.$queryRaw`SELECT policy FROM pgboss.queue WHERE name = ${SWEEP_STORAGE_QUEUE}`).toEqual([{ policy: "singleton" }]);
      const stale = path.join(storageRoot(), "incoming", `${crypto.randomUUID()}.part`);
      await fs.writeFile(stale, crypto.randomBytes(100));
      await lastWritten(stale, new Date(Date.now() - UNFINISHED_WRITE_MAX_AGE_MS - MINUTE));

      await worker.boss.send(SWEEP_STORAGE_QUEUE, {});

      await waitFor("the worker's sweep to remove the stale .part file", async () => !(await exists(stale)));
    } finally {
      await worker.stop();
    }
  });
});
