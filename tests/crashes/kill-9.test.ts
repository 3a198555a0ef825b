/**
 * kill -9 of a running portal, mid-upload, mid-send and mid-issue: nothing
 * is lost and nothing stays stuck once it is started again on the same
 * database and data folder. The portal is the production build (BUILD_DIR,
 * made by `npm run build`; `npm test` runs this project once its build is
 * made) serving in its own process, as `npm start` does, on this file's
 * PostgreSQL and data folder.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "~/server/api/api-keys.server";
import { prepareDatabase } from "~/server/boot.server";
import { readConfig, setConfig } from "~/server/config.server";
import { connectDatabase, db, disconnectDatabase } from "~/server/db.server";
import { ORPHAN_GRACE_MS, sweepStorage, UNFINISHED_WRITE_MAX_AGE_MS } from "~/server/documents/storage-sweep.server";
import { documentStorage, type StorageEntry } from "~/server/documents/storage.server";
import { EMBEDDED_APP_ROLE, freePort, startEmbeddedDatabase, type EmbeddedDatabase } from "~/server/embedded-database.server";
import { queueEmail } from "~/server/outbox.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { setSecrets } from "~/server/secrets.server";
import { startSession } from "~/server/session.server";
import { createCaseInReview } from "#tests/support/case-factories";
import { approveSubmittedDetermination, submitSignedDetermination } from "#tests/support/determination-factories";
import { actorFor, cookieHeaderFrom, createCase, createPlan, createReviewer, createUser, requestWithCookie } from "#tests/support/factories";
import { assertBuilt, startPortalProcess, stopPortalProcess, type PortalProcess } from "#tests/support/portal-process";
import { startSmtpSink, type SmtpSink } from "#tests/support/smtp-sink";
import { waitFor } from "#tests/support/wait-for";

/** The uploaded file, and what arrives of it before the kill: more than the 1 MiB the storage writes at a time, so bytes are on disk. */
const FILE_BYTES = 4 * 1024 * 1024;
const FIRST_CHUNK_BYTES = 2 * 1024 * 1024;
const HOUR_MS = 3_600_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-crashes-"));
fs.chmodSync(dir, 0o777);
const dataDir = path.join(dir, "data");
const secrets = {
  sessionSecret: crypto.randomBytes(32).toString("base64url"),
  documentKey: crypto.randomBytes(32).toString("base64"),
  embeddedDatabasePassword: "unused",
};
let database: EmbeddedDatabase | undefined;
/** A mail server that takes a message in and never says whether it took it: its sender waits, mid-send. */
let silentMailServer: SMTPServer;
const silentlyReceived: string[] = [];
let silentMailUrl: string;
let sink: SmtpSink;

interface Portal extends PortalProcess {
  smtpUrl: string;
}
let portal: Portal | undefined;

beforeAll(async () => {
  assertBuilt();
  database = await startEmbeddedDatabase({ dir: path.join(dir, "pg"), port: await freePort(), password: "crashes", database: "crashes" });
  await prepareDatabase(database.url, EMBEDDED_APP_ROLE);
  setConfig(readConfig({ NODE_ENV: "test", DATA_DIR: dataDir, DATABASE_URL: database.appUrl, APP_URL: "http://portal.test" }));
  setSecrets(secrets);
  connectDatabase(database.appUrl);
  await ensureReferenceData();
  silentMailServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session) {
      stream.resume();
      stream.on("end", () => silentlyReceived.push(...session.envelope.rcptTo.map((address) => address.address)));
    },
  });
  await new Promise<void>((resolve) => silentMailServer.listen(0, "127.0.0.1", resolve));
  silentMailUrl = `smtp://127.0.0.1:${(silentMailServer.server.address() as AddressInfo).port}`;
  sink = await startSmtpSink();
}, 120_000);

afterAll(async () => {
  if (portal) await stopPortal(portal, "SIGTERM");
  await sink?.stop();
  await new Promise<void>((resolve) => (silentMailServer ? silentMailServer.close(() => resolve()) : resolve()));
  await disconnectDatabase();
  await database?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** `npm start` (the portal with its job worker) on this file's database and data folder, serving once this resolves. */
async function startPortal(smtpUrl: string): Promise<Portal> {
  const started = await startPortalProcess("serve", {
    DATABASE_URL: database!.appUrl,
    MIGRATION_DATABASE_URL: database!.url,
    DATA_DIR: dataDir,
    SESSION_SECRET: secrets.sessionSecret,
    DOCUMENT_ENCRYPTION_KEY: secrets.documentKey,
    SMTP_URL: smtpUrl,
    APP_URL: "http://portal.test",
    LOG_LEVEL: "warn",
  });
  return { ...started, smtpUrl };
}

async function stopPortal(running: Portal, signal: "SIGKILL" | "SIGTERM"): Promise<void> {
  if (running === portal) portal = undefined;
  await stopPortalProcess(running, signal);
}

/** The running portal if it sends mail to `smtpUrl`, else a new one that does. */
async function portalSendingTo(smtpUrl: string): Promise<Portal> {
  if (portal?.smtpUrl === smtpUrl) return portal;
  if (portal) await stopPortal(portal, "SIGTERM");
  portal = await startPortal(smtpUrl);
  return portal;
}

async function unfinishedWrites(): Promise<StorageEntry[]> {
  const entries: StorageEntry[] = [];
  for await (const entry of documentStorage().unfinishedWrites()) entries.push(entry);
  return entries;
}

async function storedObjects(): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of documentStorage().objects()) names.push(entry.name);
  return names;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** POST /api/v1/cases/{reference}/documents over the loopback; `bytes` sent of `file`, the rest never (the request stays open). */
function upload(options: { port: number; key: string; reference: string; idempotencyKey: string; file: Buffer; bytes: number }): Promise<Answer> {
  const query = new URLSearchParams({ name: "records.pdf", caseFileItem: "medicalRecords" });
  const request = http.request({
    host: "127.0.0.1",
    port: options.port,
    method: "POST",
    path: `/api/v1/cases/${options.reference}/documents?${query}`,
    headers: {
      Authorization: `Bearer ${options.key}`,
      "Content-Length": String(options.file.length),
      "Idempotency-Key": options.idempotencyKey,
    },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    request.on("error", reject);
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (text: string) => (body += text));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      response.on("error", reject);
    });
  });
  request.write(options.file.subarray(0, options.bytes));
  if (options.bytes === options.file.length) request.end();
  return answer;
}

it("kill -9 mid-upload: the unfinished write is swept, and the retry with the same Idempotency-Key stores the file once after the lease", async () => {
  const plan = await createPlan();
  const admin = await createUser({ roles: ["ADMIN"] });
  const { key } = await createApiKey(plan.id, "Claims platform", actorFor(admin));
  const applicant = await createUser({ roles: ["APPLICANT"] });
  const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status: "ACCEPTED" });
  const reference = kase.reference!;
  const file = crypto.randomBytes(FILE_BYTES);
  Buffer.from("%PDF-1.4\n").copy(file);
  const idempotencyKey = "records-upload-1";
  const claim = () => db.idempotencyRecord.findFirst({ where: { key: idempotencyKey } });

  const first = await portalSendingTo(silentMailUrl);
  const interrupted = upload({ port: first.port, key, reference, idempotencyKey, file, bytes: FIRST_CHUNK_BYTES }).catch((error: Error) => error);
  await waitFor("the upload's claim and its unfinished write on disk", async () => {
    const writes = await unfinishedWrites();
    return (await claim()) && writes.length === 1 && writes[0]!.sizeBytes > 0;
  });
  await stopPortal(first, "SIGKILL");
  expect(await interrupted).toBeInstanceOf(Error);

  // What the dead process left: its unfinished write, and its key held.
  const [left] = (await unfinishedWrites()).map((entry) => entry.name);
  expect(left).toMatch(/\.part$/);
  expect(await claim()).toMatchObject({ statusCode: 0 });
  expect(await db.document.count({ where: { caseId: kase.id } })).toBe(0);

  const second = await portalSendingTo(silentMailUrl);
  const send = () => upload({ port: second.port, key, reference, idempotencyKey, file, bytes: file.length });

  const swept = await sweepStorage(new Date(Date.now() + UNFINISHED_WRITE_MAX_AGE_MS + 60_000));
  expect(swept.unfinishedWrites).toMatchObject({ count: 1, names: [left] });
  expect(swept.orphans.count).toBe(0);
  expect(await unfinishedWrites()).toEqual([]);

  // Past the lease (30 s, moved back here rather than waited for), the retry runs. An hour before
  // the claim is past on every process's clock: under faketime each process's clock starts at its own start.
  const held = (await claim())!;
  await db.idempotencyRecord.updateMany({ where: { key: idempotencyKey }, data: { leaseExpiresAt: new Date(held.createdAt.getTime() - HOUR_MS) } });
  const retried = await send();
  expect(retried.status).toBe(201);
  const stored = JSON.parse(retried.body) as { id: string; sizeBytes: number; sha256: string };
  expect(stored).toMatchObject({ sizeBytes: FILE_BYTES, sha256: crypto.createHash("sha256").update(file).digest("hex") });
  const repeated = await send();
  expect(repeated.status).toBe(201);
  expect(repeated.headers["idempotent-replayed"]).toBe("true");
  expect(JSON.parse(repeated.body)).toMatchObject({ id: stored.id });

  const documents = await db.document.findMany({ where: { caseId: kase.id } });
  expect(documents.map((document) => document.id)).toEqual([stored.id]);
  expect(await storedObjects()).toContain(documents[0]!.storageKey);
  expect(await unfinishedWrites()).toEqual([]);
});

it("kill -9 mid-send: the message claimed by the dead sender is sent once by the next worker after its lease", async () => {
  const to = "crash-mid-send@example.com";
  const message = () => db.outboxMessage.findFirstOrThrow({ where: { toAddress: to } });

  const first = await portalSendingTo(silentMailUrl);
  await db.$transaction(async (tx) =>
    queueEmail(tx, {
      template: "case-update",
      to,
      props: {
        organizationName: "Test Review Organization",
        reference: "IMR-2026-000140",
        headline: "We received your request",
        action: "Sign in to the portal to see what happens next.",
        link: "http://portal.test/cases/IMR-2026-000140",
      },
    }),
  );
  // The whole message is with the mail server, which has not said whether it took it.
  await waitFor("the message to reach the silent mail server", () => silentlyReceived.includes(to));
  await stopPortal(first, "SIGKILL");

  const claimed = await message();
  expect(claimed).toMatchObject({ status: "SENDING", attempts: 1 });

  await portalSendingTo(sink.url);
  // Past the lease (90 s, moved back here rather than waited for, to an hour before it was queued), the relay hands it to the new worker.
  await db.outboxMessage.update({ where: { id: claimed.id }, data: { nextAttemptAt: new Date(claimed.queuedAt.getTime() - HOUR_MS) } });
  const sent = await waitFor("the message to be sent after the crash", async () => {
    const now = await message();
    return now.status === "SENT" && now;
  });
  expect(sent.attempts).toBe(2);
  expect(sink.messagesTo(to)).toHaveLength(1);
});

it("kill -9 mid-issue: the letter stored for a decision that never committed is swept, and the issue retried decides the case with one letter", async () => {
  const applicant = await createUser({ roles: ["APPLICANT"] });
  const coordinator = await createUser({ roles: ["COORDINATOR"] });
  const reviewer = await createReviewer({ name: "Dr. Robin Hart" });
  const plan = await createPlan();
  const kase = await createCaseInReview({ applicantId: applicant.id, planId: plan.id, coordinatorId: coordinator.id, reviewerIds: [reviewer.id] });
  await submitSignedDetermination({ caseId: kase.id, reviewer });
  await approveSubmittedDetermination({ caseId: kase.id, coordinator });
  // Received days and decided hours before the issue, as a case is: under faketime, each portal process
  // starts its clock at the date given when it starts, so "now" there may be seconds before this process's.
  await db.case.update({ where: { id: kase.id }, data: { submittedAt: new Date(Date.now() - 4 * 24 * HOUR_MS) } });
  await db.determination.updateMany({ where: { caseId: kase.id }, data: { submittedAt: new Date(Date.now() - HOUR_MS) } });
  const cookie = cookieHeaderFrom(await startSession(coordinator.id, requestWithCookie(null)));
  const approved = await db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { status: true, version: true } });
  const issue = (port: number, version: number) =>
    fetch(`http://127.0.0.1:${port}/iro/cases/${kase.id}/decision`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: `http://127.0.0.1:${port}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "issue", version: String(version) }),
      redirect: "manual",
    });
  const objectsBefore = await storedObjects();

  // The case's row held by another transaction: the issue stores its letter, then waits in its transaction, uncommitted.
  const holder = new pg.Client({ connectionString: database!.url, application_name: "crash-test-lock" });
  await holder.connect();
  try {
    await holder.query("BEGIN");
    await holder.query(`SELECT id FROM "Case" WHERE id = $1 FOR UPDATE`, [kase.id]);
    const first = await portalSendingTo(sink.url);
    const interrupted = issue(first.port, approved.version).catch((error: Error) => error);
    await waitFor(
      "the letter to be stored and the issue's transaction to wait for the case",
      async () => {
        const waiting = await db.$queryRaw<{ count: number }[]>`
          SELECT count(*)::int AS count FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'imr-portal'`;
        return waiting[0]!.count > 0 && (await storedObjects()).length > objectsBefore.length;
      },
      30_000,
    );
    await stopPortal(first, "SIGKILL");
    expect(await interrupted).toBeInstanceOf(Error);
  } finally {
    await holder.query("ROLLBACK");
    await holder.end();
  }

  // Not decided, and the dead process's letter is stored with no Document row naming it.
  expect(await db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { status: true, version: true } })).toEqual(approved);
  expect(await db.decisionLetter.count({ where: { caseId: kase.id } })).toBe(0);
  const left = (await storedObjects()).filter((name) => !objectsBefore.includes(name));
  expect(left).toHaveLength(1);
  expect(await db.document.count({ where: { storageKey: left[0] } })).toBe(0);

  const swept = await sweepStorage(new Date(Date.now() + ORPHAN_GRACE_MS + 60_000));
  expect(swept.orphans.names).toEqual(left);
  expect(await storedObjects()).toEqual(objectsBefore);

  const second = await portalSendingTo(sink.url);
  const retried = await issue(second.port, approved.version);
  expect(retried.status).toBe(302);
  expect(retried.headers.get("location")).toBe(`/iro/cases/${kase.id}/decision?done=issue`);
  expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).status).toBe("DECIDED");
  const letters = await db.decisionLetter.findMany({ where: { caseId: kase.id } });
  expect(letters).toHaveLength(1);
  const letter = await db.document.findUniqueOrThrow({ where: { id: letters[0]!.documentId } });
  expect(await storedObjects()).toContain(letter.storageKey);
});
