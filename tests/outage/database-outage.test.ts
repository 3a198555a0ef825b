/**
 * The database goes away for minutes while the portal and its job worker run,
 * then comes back. This file has its own PostgreSQL (it stops it) and its own
 * Vitest project, so its wait runs beside the other tests (vitest.config.ts).
 * OUTAGE_SECONDS shortens the outage when working on this file.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loader as healthz } from "~/routes/healthz";
import { loader as loginPage } from "~/routes/auth/login";
import { prepareDatabase } from "~/server/boot.server";
import { config, readConfig, setConfig } from "~/server/config.server";
import { connectDatabase, db, disconnectDatabase } from "~/server/db.server";
import { EMBEDDED_APP_ROLE, freePort, startEmbeddedDatabase, type EmbeddedDatabase } from "~/server/embedded-database.server";
import { JOB_QUEUE_POOL_SIZE, startWorker, type Worker } from "~/server/jobs.server";
import { OUTBOX_LISTENER_MAX_RETRY_MS } from "~/server/outbox-listener.server";
import { queueEmail } from "~/server/outbox.server";
import { setSecrets } from "~/server/secrets.server";
import { startSession } from "~/server/session.server";
import { createUser, requestWithCookie } from "#tests/support/factories";
import { call, request } from "#tests/support/routes";
import { waitFor } from "#tests/support/wait-for";

const OUTAGE_MS = Number(process.env.OUTAGE_SECONDS ?? 120) * 1_000;
/** How often the test looks at the portal during the outage. */
const SAMPLE_EVERY_MS = 1_000;
/** A page or /healthz must settle (answer or fail) within this while the database is down. */
const ANSWER_WITHIN_MS = 6_000;
/** Once PostgreSQL accepts connections again, the portal serves within this. */
const BACK_WITHIN_MS = 10_000;
/** Open files the process may gain over its count before the outage (sockets being retried, log files). */
const EXTRA_FILES = 50;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-outage-"));
fs.chmodSync(dir, 0o777);
let options: Parameters<typeof startEmbeddedDatabase>[0];
let database: EmbeddedDatabase | undefined;
let worker: Worker | undefined;

beforeAll(async () => {
  options = { dir: path.join(dir, "pg"), port: await freePort(), password: "outage", database: "outage" };
  database = await startEmbeddedDatabase(options);
  await prepareDatabase(database.url, EMBEDDED_APP_ROLE);
  setConfig(readConfig({ NODE_ENV: "test", DATA_DIR: path.join(dir, "data"), DATABASE_URL: database.appUrl, APP_URL: "http://portal.test" }));
  setSecrets({ sessionSecret: "outage-session-secret", documentKey: crypto.randomBytes(32).toString("base64"), embeddedDatabasePassword: "unused" });
  connectDatabase(database.appUrl);
  worker = await startWorker();
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await disconnectDatabase();
  await database?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function openFiles(): number {
  return fs.readdirSync("/proc/self/fd").length;
}

/** Settles like `work`, or fails the test when it neither answers nor fails in time. */
async function settlesWithin<T>(what: string, ms: number, work: Promise<T>): Promise<PromiseSettledResult<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} neither answered nor failed within ${ms} ms`)), ms);
  });
  try {
    const [settled] = await Promise.race([Promise.allSettled([work]), late]);
    return settled!;
  } finally {
    clearTimeout(timer);
  }
}

/** The portal's connections to PostgreSQL, by application_name. */
async function connectionsByApplication(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: database!.url, application_name: "outage-test" });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; count: number }>(
      `SELECT application_name AS name, count(*)::int AS count FROM pg_stat_activity
       WHERE backend_type = 'client backend' AND application_name <> 'outage-test' GROUP BY application_name`,
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.count]));
  } finally {
    await client.end();
  }
}

function expectConnectionsBounded(connections: Record<string, number>): void {
  const portalPool = config().databasePoolSize;
  expect(connections["imr-outbox-listener"] ?? 0).toBeLessThanOrEqual(1);
  expect(connections["imr-worker"] ?? 0).toBeLessThanOrEqual(JOB_QUEUE_POOL_SIZE);
  expect(connections["imr-portal"] ?? 0).toBeLessThanOrEqual(portalPool);
  // The portal's pool, the job queue's pool and the one outbox listener: nothing else.
  expect(Object.values(connections).reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(portalPool + JOB_QUEUE_POOL_SIZE + 1);
}

it(`serves again within ${BACK_WITHIN_MS / 1000} s of a ${OUTAGE_MS / 1000} s database outage, its open files and connections bounded throughout`, async () => {
  const user = await createUser();
  const cookie = await startSession(user.id, requestWithCookie(null));
  const health = async () => (await healthz()).status;
  // The sign-in page reads the visitor's session: it needs the database.
  const signInPage = async () => (await call(loginPage, request("/login", cookie))).status;
  expect(await health()).toBe(200);
  expect(await signInPage()).toBe(302);
  await waitFor("the outbox listener to connect", async () => (await connectionsByApplication())["imr-outbox-listener"] === 1);
  const filesBefore = openFiles();

  await database!.stop();
  const downSince = performance.now();
  while (performance.now() - downSince < OUTAGE_MS) {
    const healthAnswer = await settlesWithin("/healthz", ANSWER_WITHIN_MS, health());
    expect(healthAnswer).toEqual({ status: "fulfilled", value: 503 });
    const page = await settlesWithin("the sign-in page", ANSWER_WITHIN_MS, signInPage());
    expect(page.status).toBe("rejected");
    expect(openFiles()).toBeLessThanOrEqual(filesBefore + EXTRA_FILES);
    // A sampling pace, not a wait for a state: the outage lasts its full length.
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
  }

  database = await startEmbeddedDatabase(options);
  await waitFor(
    "/healthz and the sign-in page to answer again",
    async () => (await health()) === 200 && (await signInPage().catch(() => "failed")) === 302,
    BACK_WITHIN_MS,
  );
  // The listener comes back too (its retry wait is capped), and alone.
  await waitFor("the outbox listener to reconnect", async () => {
    const connections = await connectionsByApplication();
    expectConnectionsBounded(connections);
    return connections["imr-outbox-listener"] === 1;
  });
  // The job worker is back as well: an email queued now goes out.
  await db.$transaction(async (tx) =>
    queueEmail(tx, {
      template: "case-update",
      to: user.email,
      props: {
        organizationName: "Test Review Organization",
        reference: "IMR-2026-000130",
        headline: "We received your request",
        action: "Sign in to the portal to see what happens next.",
        link: "http://portal.test/cases/IMR-2026-000130",
      },
    }),
  );
  await waitFor(
    "the email queued after the outage to be sent",
    async () => (await db.outboxMessage.findFirst({ where: { toAddress: user.email } }))?.status === "SENT",
  );
  // Looks through one more longest retry wait: a second retry loop would connect in it.
  const lookUntil = performance.now() + OUTBOX_LISTENER_MAX_RETRY_MS;
  while (performance.now() < lookUntil) {
    expectConnectionsBounded(await connectionsByApplication());
    expect(openFiles()).toBeLessThanOrEqual(filesBefore + EXTRA_FILES);
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
  }
});
