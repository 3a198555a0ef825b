/**
 * What a deployment behind a load balancer runs: two app servers
 * (IN_PROCESS_WORKER=false) and two job workers, each a process of the
 * production build (BUILD_DIR, made by `npm run build`), on one PostgreSQL
 * reached by DATABASE_URL (the embedded one, started as if it were a managed
 * server and migrated once beforehand) and one S3 bucket (s3rver on the
 * loopback). No two processes share a data folder: whatever one does, the
 * others can only know through the database and the bucket.
 */
import crypto from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "~/server/api/api-keys.server";
import { prepareDatabase } from "~/server/boot.server";
import { readConfig, setConfig } from "~/server/config.server";
import { connectDatabase, db, disconnectDatabase } from "~/server/db.server";
import { documentStorage } from "~/server/documents/storage.server";
import { EMBEDDED_APP_ROLE, freePort, startEmbeddedDatabase, type EmbeddedDatabase } from "~/server/embedded-database.server";
import { DEADLINE_SWEEP_QUEUE } from "~/server/jobs.server";
import { queueEmail } from "~/server/outbox.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { setSecrets } from "~/server/secrets.server";
import { createWebhookEndpoint } from "~/server/webhooks/endpoints.server";
import { queueWebhookEvent } from "~/server/webhooks/queue-webhook.server";
import { PASSWORD, actorFor, createCase, createPlan, createUser } from "#tests/support/factories";
import { assertBuilt, startPortalProcess, stopPortalProcess, type PortalProcess } from "#tests/support/portal-process";
import { S3RVER_CREDENTIALS, startS3Server, type S3TestServer } from "#tests/support/s3-server";
import { startSmtpSink, type SmtpSink } from "#tests/support/smtp-sink";
import { waitFor } from "#tests/support/wait-for";

const BUCKET = "imr-cluster-documents";
/** The public library's allowance per network, kept small so a few requests use it up. */
const LIBRARY_LIMIT = 6;
/** Emails and webhook events queued at once: more than both workers take in one batch each. */
const BURST = 40;
/** The job queue hands a worker this many emails at a time (jobs.server.ts). */
const EMAIL_BATCH = 10;
/** A worker claims at most this many webhook deliveries at a time (deliver-webhooks.server.ts). */
const WEBHOOK_BATCH = 20;
/** Three minute marks pass within this on the database's clock, from whenever the watch starts. */
const SWEEP_WATCH_MS = 4 * 60_000;
/** Messages received for `to` by either worker's mail server. */
const receivedFor = (to: string) => sinks.flatMap((sink) => sink.messagesTo(to));

/** A message or delivery claimed by a worker that died is taken up by another after its lease (90 s, 60 s) has run out. */
const AFTER_LEASE_MS = 180_000;
/** Long enough to see /readyz answer 503 on a busy machine; short against the shutdown's 20 s. */
const DRAIN_MS = 3_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-cluster-"));
fs.chmodSync(dir, 0o777);
const secrets = {
  sessionSecret: crypto.randomBytes(32).toString("base64url"),
  documentKey: crypto.randomBytes(32).toString("base64"),
  embeddedDatabasePassword: "unused",
};
let database: EmbeddedDatabase | undefined;
let s3: S3TestServer | undefined;
/** Each worker's mail server: what a worker is sending is known apart from the other's. */
let sinks: SmtpSink[] = [];
let servers: PortalProcess[] = [];
let workers: PortalProcess[] = [];
/** The database's clock once every worker was running: the deadline sweep is counted from here. */
let watchFrom: Date;
/** What every app server and worker is started with, beside its own DATA_DIR. */
let settings: NodeJS.ProcessEnv;

interface HeldRequest {
  id: string;
  response: http.ServerResponse;
  closed: boolean;
}
/** A plan's webhook receiver: it can hold its answers, the way a slow one does, and counts what it acknowledged. */
const receiver = {
  holding: false,
  held: [] as HeldRequest[],
  acknowledged: [] as string[],
  server: http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const held: HeldRequest = { id: String(request.headers["webhook-id"]), response, closed: false };
      response.on("close", () => (held.closed = true));
      if (receiver.holding) receiver.held.push(held);
      else receiver.acknowledge(held);
    });
  }),
  acknowledge(held: HeldRequest) {
    receiver.acknowledged.push(held.id);
    held.response.writeHead(200).end("ok");
  },
  /** Answers the held requests whose sender is still connected, and stops holding; returns how many senders went away. */
  release(): number {
    receiver.holding = false;
    const gone = receiver.held.filter((held) => held.closed).length;
    for (const held of receiver.held.splice(0)) if (!held.closed) receiver.acknowledge(held);
    return gone;
  },
};

const serverUrl = (index: number) => `http://127.0.0.1:${servers[index]!.port}`;

beforeAll(async () => {
  assertBuilt();
  database = await startEmbeddedDatabase({ dir: path.join(dir, "pg"), port: await freePort(), password: "cluster", database: "cluster" });
  // Migrated once, as the tables' owner (npm run db:migrate): the processes connect as the portal's role only.
  await prepareDatabase(database.url, EMBEDDED_APP_ROLE);
  s3 = await startS3Server([BUCKET]);
  sinks = await Promise.all([startSmtpSink(), startSmtpSink()]);
  await new Promise<void>((resolve) => receiver.server.listen(0, "127.0.0.1", resolve));
  settings = {
    DATABASE_URL: database.appUrl,
    SESSION_SECRET: secrets.sessionSecret,
    DOCUMENT_ENCRYPTION_KEY: secrets.documentKey,
    STORAGE: "s3",
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: s3.endpoint,
    AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    SMTP_URL: sinks[0]!.url,
    APP_URL: "http://portal.test",
    LIBRARY_REQUESTS_PER_MINUTE: String(LIBRARY_LIMIT),
    WEBHOOK_INTERNAL_HOSTS: "127.0.0.1",
    ALLOW_HTTP_WEBHOOKS: "true",
    IN_PROCESS_WORKER: "false",
    LOG_LEVEL: "warn",
  };
  setConfig(readConfig({ ...settings, NODE_ENV: "test", DATA_DIR: path.join(dir, "tests") }));
  setSecrets(secrets);
  connectDatabase(database.appUrl);
  await ensureReferenceData();
  const start = (command: "serve" | "worker", name: string, more: NodeJS.ProcessEnv = {}) =>
    startPortalProcess(command, { ...settings, ...more, DATA_DIR: path.join(dir, name) });
  // The first server drains as one behind a balancer polling /readyz would be set to (the graceful stop's test).
  servers = await Promise.all([start("serve", "server-a", { SHUTDOWN_DRAIN_MS: String(DRAIN_MS) }), start("serve", "server-b")]);
  workers = await Promise.all(
    ["worker-a", "worker-b"].map((name, index) => startPortalProcess("worker", { ...settings, SMTP_URL: sinks[index]!.url, DATA_DIR: path.join(dir, name) })),
  );
  watchFrom = await databaseNow();
}, 240_000);

afterAll(async () => {
  await Promise.all([...servers, ...workers].map((running) => stopPortalProcess(running, "SIGTERM")));
  await Promise.all(sinks.map((sink) => sink.stop()));
  await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
  await s3?.close();
  await disconnectDatabase();
  await database?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function databaseNow(): Promise<Date> {
  const [row] = await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return row!.now;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

function post(base: string, pathname: string, body: URLSearchParams, cookie?: string): Promise<Response> {
  return fetch(base + pathname, {
    method: "POST",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body,
    redirect: "manual",
  });
}

/** What /readyz answers on a new connection to `port`; undefined when the connection is refused. */
function readinessOnNewConnection(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/readyz", agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on("error", () => resolve(undefined));
  });
}

/** Whether a new connection to `port` (not one kept alive from before) is refused. */
function newConnectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/healthz", agent: false }, (response) => {
      response.resume();
      resolve(false);
    });
    request.on("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");

it("refuses to start a process that would make its own document key for a shared bucket", async () => {
  await expect(startPortalProcess("worker", { ...settings, DOCUMENT_ENCRYPTION_KEY: "", DATA_DIR: path.join(dir, "worker-without-key") })).rejects.toThrow(
    "STORAGE=s3 needs DOCUMENT_ENCRYPTION_KEY set, the same on every app server and worker",
  );
});

it("signs in on one app server and is signed in on the other; signing out on the other ends it on both", async () => {
  const applicant = await createUser({ roles: ["APPLICANT"], name: "Rosa Delgado" });
  const signedIn = await post(serverUrl(0), "/login", form({ email: applicant.email, password: PASSWORD, redirectTo: "" }));
  expect(signedIn.status).toBe(302);
  expect(signedIn.headers.get("location")).toBe("/requests");
  const cookie = cookieOf(signedIn);

  const onOther = await fetch(`${serverUrl(1)}/requests`, { headers: { Cookie: cookie }, redirect: "manual" });
  expect(onOther.status).toBe(200);
  expect(await onOther.text()).toContain("Rosa Delgado");

  const signedOut = await post(serverUrl(1), "/logout", form({}), cookie);
  expect(signedOut.status).toBe(302);
  const afterwards = await fetch(`${serverUrl(0)}/requests`, { headers: { Cookie: cookie }, redirect: "manual" });
  expect(afterwards.status).toBe(302);
  expect(afterwards.headers.get("location")).toMatch(/^\/login/);
});

/** A plan's API key, and a case of that plan waiting for its case file. */
async function planCase() {
  const plan = await createPlan();
  const admin = await createUser({ roles: ["ADMIN"] });
  const { key } = await createApiKey(plan.id, "Claims platform", actorFor(admin));
  const kase = await createCase({ applicantId: (await createUser({ roles: ["APPLICANT"] })).id, planId: plan.id, status: "ACCEPTED" });
  return { key, kase };
}

function pdfOf(bytes: number): Buffer {
  const file = crypto.randomBytes(bytes);
  Buffer.from("%PDF-1.4\n").copy(file);
  return file;
}

it("stores a document uploaded through one app server in the bucket, downloads it through the other, and replays its Idempotency-Key on either", async () => {
  const { key, kase } = await planCase();
  const file = pdfOf(3 * 1024 * 1024);
  const upload = (server: number, idempotencyKey: string) =>
    fetch(`${serverUrl(server)}/api/v1/cases/${kase.reference}/documents?name=records.pdf&caseFileItem=medicalRecords`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Idempotency-Key": idempotencyKey },
      body: new Uint8Array(file),
    });

  const stored = await upload(0, "records-1");
  expect(stored.status).toBe(201);
  const document = (await stored.json()) as { id: string; sha256: string };
  expect(document.sha256).toBe(crypto.createHash("sha256").update(file).digest("hex"));
  const replayed = await upload(1, "records-1");
  expect(replayed.status).toBe(201);
  expect(replayed.headers.get("idempotent-replayed")).toBe("true");
  expect(((await replayed.json()) as { id: string }).id).toBe(document.id);

  const downloaded = await fetch(`${serverUrl(1)}/api/v1/cases/${kase.reference}/documents/${document.id}`, { headers: { Authorization: `Bearer ${key}` } });
  expect(downloaded.status).toBe(200);
  expect(Buffer.from(await downloaded.arrayBuffer()).equals(file)).toBe(true);

  // The same new key sent to both servers at once: one stores, the other replays it or says it is in progress.
  const [first, second] = await Promise.all([upload(0, "records-2"), upload(1, "records-2")]);
  expect([first.status, second.status].sort()).toEqual(expect.arrayContaining([201]));
  expect([first.status, second.status].every((status) => status === 201 || status === 409)).toBe(true);
  expect(await db.document.count({ where: { caseId: kase.id } })).toBe(2);

  // In the bucket, and on neither server's disk.
  const keys: string[] = [];
  for await (const entry of documentStorage().objects()) keys.push(entry.name);
  const rows = await db.document.findMany({ where: { caseId: kase.id }, select: { storageKey: true } });
  expect(keys).toEqual(expect.arrayContaining(rows.map((row) => row.storageKey)));
  for (const name of ["server-a", "server-b"]) expect(fs.existsSync(path.join(dir, name, "documents"))).toBe(false);
});

it("holds the public library's rate limit across app servers", async () => {
  const answers: number[] = [];
  for (let request = 0; request < 2 * LIBRARY_LIMIT; request += 1) {
    answers.push((await fetch(`${serverUrl(request % 2)}/decisions`)).status);
  }
  // Each server alone would let its own LIBRARY_LIMIT through: together they let the one limit through (and at most one more that refilled meanwhile).
  const allowed = answers.filter((status) => status === 200).length;
  expect(allowed).toBeGreaterThanOrEqual(LIBRARY_LIMIT);
  expect(allowed).toBeLessThanOrEqual(LIBRARY_LIMIT + 1);
  expect(answers.slice(-2)).toEqual([429, 429]);
});

async function queueEmails(prefix: string, count = BURST): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, index) => `${prefix}-${index}@example.com`);
  await db.$transaction(async (tx) => {
    for (const to of emails) {
      await queueEmail(tx, {
        template: "case-update",
        to,
        props: {
          organizationName: "Test Review Organization",
          reference: "IMR-2026-000150",
          headline: "We received your request",
          action: "Sign in to the portal to see what happens next.",
          link: "http://portal.test/cases/IMR-2026-000150",
        },
      });
    }
  });
  return emails;
}

async function queueWebhookEvents(planId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    for (let event = 0; event < BURST; event += 1) {
      await queueWebhookEvent(tx, {
        planId,
        type: "decision.issued",
        data: { reference: `IMR-2026-${String(event).padStart(6, "0")}`, outcome: "OVERTURNED" },
      });
    }
  });
}

async function planWithReceiver() {
  const plan = await createPlan();
  const planUser = await createUser({ roles: ["PLAN"], planId: plan.id });
  const { port } = receiver.server.address() as AddressInfo;
  await createWebhookEndpoint(plan.id, { url: `http://127.0.0.1:${port}/imr-events`, events: ["decision.issued"] }, actorFor(planUser));
  return plan;
}

/** Every email reached the mail server once, and every webhook was acknowledged once. */
async function expectEachDeliveredOnce(emails: string[], planId: string, timeoutMs: number): Promise<void> {
  await waitFor(
    "every email and webhook to be delivered",
    async () =>
      (await db.outboxMessage.count({ where: { toAddress: { in: emails }, status: "SENT" } })) === emails.length &&
      (await db.webhookDelivery.count({ where: { endpoint: { planId }, status: "SUCCEEDED" } })) === BURST,
    timeoutMs,
  );
  for (const to of emails) expect(receivedFor(to), to).toHaveLength(1);
  const ids = (await db.webhookDelivery.findMany({ where: { endpoint: { planId } }, select: { messageId: true } })).map((row) => row.messageId);
  expect(ids).toHaveLength(BURST);
  for (const id of ids)
    expect(
      receiver.acknowledged.filter((acknowledged) => acknowledged === id),
      id,
    ).toHaveLength(1);
}

it("delivers every email and webhook exactly once with both workers running", async () => {
  const plan = await planWithReceiver();
  const emails = await queueEmails("both-workers");
  await queueWebhookEvents(plan.id);
  await expectEachDeliveredOnce(emails, plan.id, 60_000);
});

it("delivers every email and webhook exactly once when a worker is killed with kill -9 in the middle of its batch", async () => {
  const plan = await planWithReceiver();
  const [deadWorkersSink, liveWorkersSink] = sinks as [SmtpSink, SmtpSink];
  for (const sink of sinks) sink.holdAnswers();
  receiver.holding = true;
  // Each worker takes a batch and waits on it: both are in the middle of one, of emails and of webhooks.
  const emails = await queueEmails("kill-9");
  await waitFor("both workers to be sending emails", () => sinks.every((sink) => sink.held() > 0), 120_000);
  // The deliveries are committed at once: the first worker claims a batch of them, the second the rest.
  await queueWebhookEvents(plan.id);
  await waitFor("both workers to be sending a batch of webhooks", () => receiver.held.filter((held) => !held.closed).length === 2 * WEBHOOK_BATCH, 20_000);
  await stopPortalProcess(workers[0]!, "SIGKILL");
  await waitFor(
    "the dead worker's connections to close",
    () => deadWorkersSink.held() === 0 && receiver.held.filter((held) => !held.closed).length === WEBHOOK_BATCH,
  );
  const emailsLeft = deadWorkersSink.releaseHeld();
  expect(liveWorkersSink.releaseHeld()).toEqual([]);
  const webhooksLeft = receiver.release();
  // The dead worker's batch was cut off: its messages and deliveries are claimed by nobody alive, until their lease runs out.
  expect(emailsLeft.length).toBeGreaterThan(0);
  expect(webhooksLeft).toBe(WEBHOOK_BATCH);
  await expectEachDeliveredOnce(emails, plan.id, AFTER_LEASE_MS);
  const retried = await db.outboxMessage.findMany({ where: { toAddress: { in: emailsLeft } }, select: { attempts: true } });
  expect(retried.map((message) => message.attempts)).toEqual(emailsLeft.map(() => 2));
});

it("runs the deadline sweep once a minute in all, not once a minute per worker", async () => {
  const minuteMarksSince = (at: Date) => Math.floor(at.getTime() / 60_000) - Math.floor(watchFrom.getTime() / 60_000);
  const until = await waitFor(
    "three minute marks to pass on the database's clock",
    async () => {
      const now = await databaseNow();
      return minuteMarksSince(now) >= 3 && now;
    },
    SWEEP_WATCH_MS,
  );
  const sweeps = await db.$queryRaw<{ createdOn: Date; state: string }[]>`
    SELECT created_on AS "createdOn", state::text AS state FROM pgboss.job
     WHERE name = ${DEADLINE_SWEEP_QUEUE} AND created_on > ${watchFrom} AND created_on <= ${until} ORDER BY created_on`;
  const minuteMarks = minuteMarksSince(until);
  // One sweep per minute mark; the one for the mark just before the watch may be made in it, the last one's just after it.
  expect(sweeps.length).toBeGreaterThanOrEqual(minuteMarks - 1);
  expect(sweeps.length).toBeLessThanOrEqual(minuteMarks + 1);
  expect(sweeps.filter((sweep) => sweep.state === "failed")).toEqual([]);
});

it("stops gracefully on SIGTERM: an app server answers /readyz with 503 while it drains and finishes the upload in flight, and a worker the batch it is sending", async () => {
  const { key, kase } = await planCase();
  const file = pdfOf(4 * 1024 * 1024);
  const server = servers[0]!;
  const upload = http.request({
    host: "127.0.0.1",
    port: server.port,
    method: "POST",
    path: `/api/v1/cases/${kase.reference}/documents?name=records.pdf&caseFileItem=medicalRecords`,
    headers: { Authorization: `Bearer ${key}`, "Content-Length": String(file.length), "Idempotency-Key": "graceful-1" },
  });
  const answered = new Promise<http.IncomingMessage>((resolve, reject) => {
    upload.on("error", reject);
    upload.on("response", (response) => {
      response.resume();
      resolve(response);
    });
  });
  upload.write(file.subarray(0, file.length / 2));
  await waitFor("the upload to be under way", () => db.idempotencyRecord.findFirst({ where: { key: "graceful-1" } }));
  const serverExited = once(server.process, "exit");
  server.process.kill("SIGTERM");
  // For SHUTDOWN_DRAIN_MS it still takes new connections, telling the balancer on them that it is going.
  await waitFor("the app server to answer /readyz with 503 while it drains", async () => (await readinessOnNewConnection(server.port)) === 503);
  await waitFor("the app server to refuse new connections", () => newConnectionRefused(server.port));
  upload.end(file.subarray(file.length / 2));
  const answer = await answered;
  expect(answer.statusCode).toBe(201);
  // Its connection is not kept for another request: a proxy sends that one to the other server.
  expect(answer.headers.connection).toBe("close");
  expect(await serverExited).toEqual([0, null]);
  expect(await db.document.count({ where: { caseId: kase.id } })).toBe(1);

  const worker = workers[1]!;
  const sink = sinks[1]!;
  sink.holdAnswers();
  const emails = await queueEmails("graceful", EMAIL_BATCH);
  await waitFor("the worker to be sending a batch", () => sink.held() > 0, 120_000);
  const workerExited = once(worker.process, "exit");
  worker.process.kill("SIGTERM");
  await waitFor("the worker to start shutting down", () => worker.output.join("").includes("shutting down"));
  expect(sink.releaseHeld()).toEqual([]);
  expect(await workerExited).toEqual([0, null]);
  // What it was sending is sent, and known to be sent: it waited for its batch before it let go of the database.
  // What it had not taken is left for the next worker, claimed by nobody.
  const outcomes = await db.outboxMessage.findMany({ where: { toAddress: { in: emails } }, select: { toAddress: true, status: true, attempts: true } });
  const sent = outcomes.filter((message) => message.status === "SENT");
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.every((message) => message.attempts === 1)).toBe(true);
  expect(outcomes.filter((message) => message.status !== "SENT")).toEqual(outcomes.filter((message) => message.status === "PENDING" && message.attempts === 0));
  for (const message of sent) expect(sink.messagesTo(message.toAddress)).toHaveLength(1);
});
