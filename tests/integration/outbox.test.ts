/**
 * The email outbox end to end: a transaction queues a message, the worker's
 * relay hands it to pg-boss, and the job sends it to a real SMTP server (a
 * sink on 127.0.0.1 that can refuse messages to simulate a provider outage).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/server/db.server";
import { SEND_EMAIL_QUEUE, mailTransport, resetMailTransport, startWorker, type Worker } from "~/server/jobs.server";
import { EMAIL_JOB_EXPIRY_SECONDS, LEASE_SECONDS, deliverOutboxMessage } from "~/server/outbox-delivery.server";
import type { MailTransport } from "~/server/mail.server";
import { queueEmail } from "~/server/outbox.server";
import { testDatabase, useTestConfig } from "#tests/support/test-database";
import { waitFor } from "#tests/support/wait-for";
import { parseMessage, startSmtpSink, type SmtpSink } from "#tests/support/smtp-sink";

const MAIL_FROM = "Independent Medical Review <no-reply@imr.example>";

let sink: SmtpSink;
let worker: Worker | undefined;

/** The worker's clock: real time moved on by what a test skips (a lease running out, an outage of hours). */
let skippedMs = 0;
const clock = () => new Date(Date.now() + skippedMs);
function skip(ms: number) {
  skippedMs += ms;
}

function useConfig(smtpUrl: string | undefined) {
  useTestConfig({ SMTP_URL: smtpUrl });
  resetMailTransport();
}

// Registered after the harness's beforeAll (a setup file), so this config wins.
beforeAll(async () => {
  sink = await startSmtpSink();
  useConfig(sink.url);
});

afterAll(async () => {
  resetMailTransport();
  await sink?.stop();
});

beforeEach(() => {
  sink.reset();
  skippedMs = 0;
});

afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  useConfig(sink.url);
});

/** The first retry after 1 s instead of 30 s in production; the clock can be moved. */
async function start(): Promise<Worker> {
  worker = await startWorker({ emailFirstRetryMs: 1_000, clock });
  return worker;
}

/**
 * Every email job has finished (sent, or given up on): a stray second
 * delivery, from a second job or a retry, would have happened by now.
 */
async function settle() {
  await worker!.relay();
  await waitFor("every email job to finish", async () => (await worker!.boss.getQueueSize(SEND_EMAIL_QUEUE, { before: "completed" })) === 0);
}

/** Once the message's failed try is recorded: moves the worker's clock to its next try, and relays. */
async function tryAgainWhenDue(id: string) {
  const failed = await waitFor("the failed try to be recorded", async () => {
    const current = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    return current.status === "PENDING" && current;
  });
  skip(Math.max(0, failed.nextAttemptAt.getTime() - clock().getTime()));
  await worker!.relay();
}

let counter = 0;
function newRecipient(label: string) {
  counter += 1;
  return `${label}-${counter}-${crypto.randomUUID()}@example.test`;
}

function caseUpdate(reference: string) {
  return {
    organizationName: "Test Review Organization",
    reference,
    headline: "We received your request",
    action: "Sign in to the portal to see what happens next.",
    link: `http://portal.test/cases/${reference}`,
  };
}

async function queueCaseUpdate(to: string, reference: string, dedupeKey?: string) {
  await db.$transaction(async (tx) => queueEmail(tx, { template: "case-update", to, props: caseUpdate(reference), dedupeKey }));
  return db.outboxMessage.findFirstOrThrow({ where: { toAddress: to }, orderBy: { createdAt: "desc" } });
}

describe("the email outbox", () => {
  it("sends an email queued in a committed transaction once, with the template's subject and a link instead of details", async () => {
    await start();
    const to = newRecipient("applicant");
    const row = await queueCaseUpdate(to, "IMR-2026-000123");

    const [message] = await waitFor("the email to reach the SMTP server", () => sink.messagesTo(to).length > 0 && sink.messagesTo(to));
    await settle();
    expect(sink.messagesTo(to)).toHaveLength(1);
    expect(message!.recipients).toEqual([to]);
    expect(message!.mailFrom).toBe("no-reply@imr.example");

    const parsed = parseMessage(message!.raw);
    expect(parsed.headers.get("subject")).toBe("IMR-2026-000123: We received your request");
    expect(parsed.headers.get("message-id")).toBe(`<${row.id}@imr-portal>`);
    expect(parsed.text).toContain("IMR-2026-000123");
    expect(parsed.text).toContain("http://portal.test/cases/IMR-2026-000123");
    expect(parsed.text).toContain("this email contains no medical information");
    expect(parsed.html).toContain('href="http://portal.test/cases/IMR-2026-000123"');

    const sent = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.providerMessageId).toBe(`<${row.id}@imr-portal>`);
    // Dated when queued (to the second), not when a batch happened to send it.
    expect(Date.parse(parsed.headers.get("date")!)).toBe(Math.floor(sent.createdAt.getTime() / 1000) * 1000);
  });

  it("never sends an email queued in a transaction that rolled back", async () => {
    await start();
    const to = newRecipient("rolled-back");
    await expect(
      db.$transaction(async (tx) => {
        await queueEmail(tx, { template: "case-update", to, props: caseUpdate("IMR-2026-000124") });
        throw new Error("the change failed after queueing its email");
      }),
    ).rejects.toThrow("the change failed after queueing its email");

    await settle();
    expect(await db.outboxMessage.count({ where: { toAddress: to } })).toBe(0);
    expect(sink.messagesTo(to)).toHaveLength(0);
  });

  it("tries again after the SMTP server refuses, and sends once when it accepts", async () => {
    sink.rejectNext(2, 451);
    await start();
    const to = newRecipient("retry");
    const row = await queueCaseUpdate(to, "IMR-2026-000125");

    const afterFirstFailure = await waitFor("the first refusal to be recorded", async () => {
      const current = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
      return current.attempts >= 1 && current.status !== "SENDING" && current;
    });
    expect(afterFirstFailure.status).toBe("PENDING");
    expect(afterFirstFailure.lastError).toMatch(/451/);
    expect(afterFirstFailure.nextAttemptAt.getTime()).toBeGreaterThan(afterFirstFailure.queuedAt.getTime());

    await tryAgainWhenDue(row.id);
    await waitFor("the second refusal to be recorded", async () => (await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).attempts >= 2);
    await tryAgainWhenDue(row.id);
    await waitFor("the email to be accepted", () => sink.messagesTo(to).length > 0);
    await settle();
    expect(sink.rejected).toBe(2);
    expect(sink.messagesTo(to)).toHaveLength(1);
    const sent = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent).toMatchObject({ status: "SENT", attempts: 3, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
  });

  it("sends a message once when two senders take it up at the same moment, and never sends a sent message again", async () => {
    const to = newRecipient("race");
    const row = await queueCaseUpdate(to, "IMR-2026-000126");
    const transport = mailTransport();
    expect(transport.kind).toBe("smtp");

    const results = await Promise.all([
      deliverOutboxMessage(row.id, { transport, from: MAIL_FROM, clock }),
      deliverOutboxMessage(row.id, { transport, from: MAIL_FROM, clock }),
    ]);
    expect(results.filter((result) => result === "sent")).toHaveLength(1);
    expect(sink.messagesTo(to)).toHaveLength(1);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", attempts: 1 });

    // The message's job running again (a retry, or a redelivered job) sends nothing.
    expect(await deliverOutboxMessage(row.id, { transport, from: MAIL_FROM, clock })).toBe("skipped");
    const running = await start();
    const jobId = await running.boss.send(SEND_EMAIL_QUEUE, { outboxId: row.id });
    expect(jobId).toBeTruthy();
    await waitFor("the repeated job to finish", async () => {
      const job = await running.boss.getJobById(SEND_EMAIL_QUEUE, jobId!);
      return job?.state === "completed";
    });
    await settle();
    expect(sink.messagesTo(to)).toHaveLength(1);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("sends what was queued while no worker ran, once a worker starts", async () => {
    const to = newRecipient("restart");
    const row = await queueCaseUpdate(to, "IMR-2026-000127");
    expect(sink.messagesTo(to)).toHaveLength(0);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "PENDING", attempts: 0 });

    await start();
    await waitFor("the email queued before the start to be sent", () => sink.messagesTo(to).length > 0);
    await settle();
    expect(sink.messagesTo(to)).toHaveLength(1);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("queues an email with a dedupe key once, however often and however concurrently it is queued", async () => {
    await start();
    const to = newRecipient("dedupe");
    const dedupeKey = `reminder:${to}`;
    await queueCaseUpdate(to, "IMR-2026-000128", dedupeKey);
    await queueCaseUpdate(to, "IMR-2026-000128", dedupeKey);
    await Promise.all([queueCaseUpdate(to, "IMR-2026-000128", dedupeKey), queueCaseUpdate(to, "IMR-2026-000128", dedupeKey)]);
    expect(await db.outboxMessage.count({ where: { toAddress: to } })).toBe(1);

    await waitFor("the deduplicated email to be sent", () => sink.messagesTo(to).length > 0);
    await settle();
    expect(sink.messagesTo(to)).toHaveLength(1);
    expect(await db.outboxMessage.findFirstOrThrow({ where: { dedupeKey } })).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("writes an .eml file under DATA_DIR/mail when SMTP_URL is not set", async () => {
    useConfig(undefined);
    await start();
    expect(worker!.transport.kind).toBe("files");
    const to = newRecipient("files");
    const row = await queueCaseUpdate(to, "IMR-2026-000129");

    const sent = await waitFor("the email to be written", async () => {
      const current = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
      return current.status === "SENT" && current;
    });
    const mailDir = path.join(testDatabase.dataDir, "mail");
    const files = fs.readdirSync(mailDir).filter((name) => name.endsWith(".eml") && name.includes(row.id));
    expect(files).toHaveLength(1);
    // Named by the time it was queued, so the folder lists messages in queue order.
    expect(files[0]!.startsWith(sent.createdAt.toISOString().replace(/[:.]/g, "-"))).toBe(true);
    expect(sent.providerMessageId).toBe(path.join(mailDir, files[0]!));
    // Owner-only: a message may hold a password-reset link.
    expect(fs.statSync(path.join(mailDir, files[0]!)).mode & 0o777).toBe(0o600);
    const eml = fs.readFileSync(path.join(mailDir, files[0]!), "utf8");
    expect(eml).toContain("Subject: IMR-2026-000129: We received your request");
    expect(parseMessage(eml).text).toContain("http://portal.test/cases/IMR-2026-000129");
    expect(sink.messages).toHaveLength(0);
  });

  it("sends a message whose sender died in the middle of sending it once, when its lease ends", async () => {
    // The job's expiry outlasts the lease: a job pg-boss retries finds the lease over, not a message still leased.
    expect(EMAIL_JOB_EXPIRY_SECONDS).toBeGreaterThan(LEASE_SECONDS);
    const to = newRecipient("crash");
    const row = await queueCaseUpdate(to, "IMR-2026-000130");
    let claimed = false;
    // A sender whose process died mid-send: its send never ends, and it never records anything.
    const dying: MailTransport = {
      kind: "smtp",
      send: () => {
        claimed = true;
        return new Promise<never>(() => undefined);
      },
      check: async () => ({ ok: true, detail: "" }),
      close: () => undefined,
    };
    void deliverOutboxMessage(row.id, { transport: dying, from: MAIL_FROM, clock });
    await waitFor("the dying sender to take the message", () => claimed);

    const running = await start();
    await settle();
    expect(sink.messagesTo(to)).toHaveLength(0);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENDING", attempts: 1 });

    skip((LEASE_SECONDS + 1) * 1000);
    await running.relay();
    await waitFor("the email to be sent by the new worker", () => sink.messagesTo(to).length > 0);
    await settle();
    expect(sink.messagesTo(to)).toHaveLength(1);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("sends each message queued during a 45-minute SMTP outage exactly once when the server is back, and alerts the administrators once", async () => {
    const alerts = await startSmtpSink();
    try {
      useTestConfig({ SMTP_URL: sink.url, ALERT_SMTP_URL: alerts.url, ALERT_EMAIL: "admins@imr.example" });
      resetMailTransport();
      sink.rejectNext(10_000, 421);
      // The production schedule: 30 s after the first failure, then as long as the message has waited, up to 15 minutes.
      worker = await startWorker({ clock });
      const recipients = [newRecipient("outage"), newRecipient("outage"), newRecipient("outage")];
      const rows = [];
      for (const [index, to] of recipients.entries()) rows.push(await queueCaseUpdate(to, `IMR-2026-00014${index}`));
      const ids = rows.map((row) => row.id);

      const outageEnds = clock().getTime() + 45 * 60_000;
      let tries = 0;
      while (clock().getTime() < outageEnds) {
        tries += 1;
        const failed = await waitFor(`try ${tries} of every message to fail`, async () => {
          const current = await db.outboxMessage.findMany({ where: { id: { in: ids } } });
          return current.every((row) => row.status === "PENDING" && row.attempts === tries) && current;
        });
        const due = Math.max(...failed.map((row) => row.nextAttemptAt.getTime()));
        skip(due - clock().getTime());
        await worker.relay();
      }
      // Eight failed tries, each still to be retried: the old rule gave a message up after eight.
      expect(tries).toBe(8);
      expect(sink.messages).toHaveLength(0);
      const alert = await waitFor("the administrators' alert", () => alerts.messagesTo("admins@imr.example")[0]);
      expect(parseMessage(alert.raw).text).toContain("http://portal.test/admin/outbox");

      sink.reset(); // the provider is back
      const next = await db.outboxMessage.findMany({ where: { id: { in: ids } } });
      skip(Math.max(...next.map((row) => row.nextAttemptAt.getTime())) - clock().getTime());
      await worker.relay();
      await waitFor("every message to be sent", async () => (await db.outboxMessage.count({ where: { id: { in: ids }, status: "SENT" } })) === ids.length);
      await settle();
      for (const to of recipients) expect(sink.messagesTo(to)).toHaveLength(1);
      // One alert for the whole outage, and the incident is over once everything is sent.
      expect(alerts.messages).toHaveLength(1);
      expect(await db.setting.count({ where: { key: "emailIncident" } })).toBe(0);
    } finally {
      await alerts.stop();
    }
  });

  it("gives a message up 72 hours after it was queued, not before", async () => {
    sink.rejectNext(10_000, 421);
    await start();
    const to = newRecipient("given-up");
    const row = await queueCaseUpdate(to, "IMR-2026-000150");
    await tryAgainWhenDue(row.id);
    await waitFor("the second try to fail", async () => (await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).attempts >= 2);

    skip(71 * 3_600_000);
    await tryAgainWhenDue(row.id);
    const stillTrying = await waitFor("the try after 71 hours to fail", async () => {
      const current = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
      return current.attempts >= 3 && current.status !== "SENDING" && current;
    });
    expect(stillTrying.status).toBe("PENDING");

    skip(3_600_000);
    await tryAgainWhenDue(row.id);
    const givenUp = await waitFor("the try after 72 hours to fail", async () => {
      const current = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
      return current.attempts >= 4 && current.status !== "SENDING" && current;
    });
    expect(givenUp).toMatchObject({ status: "FAILED", attempts: 4 });
    await settle();
    expect(sink.messagesTo(to)).toHaveLength(0);
  });
});
