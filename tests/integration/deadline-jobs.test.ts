/**
 * The deadline sweep as the running portal does it: a pg-boss job scheduled
 * every minute and run at every worker start, sending through the outbox to
 * a real SMTP server. A reminder goes out once, however often the worker restarts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import { changeCase } from "~/server/cases/change-case.server";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { DEADLINE_SWEEP_QUEUE, PRUNE_RATE_LIMITS_QUEUE, SEND_EMAIL_QUEUE, resetMailTransport, startWorker, type Worker } from "~/server/jobs.server";
import { pruneRateLimits } from "~/server/rate-limit.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { actorFor, createCase, createPlan, createUser } from "#tests/support/factories";
import { parseMessage, startSmtpSink, type SmtpSink } from "#tests/support/smtp-sink";
import { useTestConfig } from "#tests/support/test-database";
import { waitFor } from "#tests/support/wait-for";

const DAY = 24 * 60 * 60 * 1000;

let sink: SmtpSink;
let worker: Worker | undefined;

beforeAll(async () => {
  sink = await startSmtpSink();
  useTestConfig({ SMTP_URL: sink.url });
  resetMailTransport();
  await ensureReferenceData();
  forgetOrganizationCalendar();
});

afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

afterAll(async () => {
  resetMailTransport();
  await sink?.stop();
});

const completedSweeps = async () =>
  Number(
    (
      await db.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) AS count FROM pgboss.job WHERE name = $1 AND state = 'completed'`, DEADLINE_SWEEP_QUEUE)
    )[0]!.count,
  );

describe("deadline reminders sent by the job worker", () => {
  it("reminds the coordinator once when half the time has gone, across a worker restart", async () => {
    const coordinator = await createUser({ roles: ["COORDINATOR"] });
    const applicant = await createUser({ roles: ["APPLICANT"] });
    const plan = await createPlan();
    const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status: "ACCEPTED", coordinatorId: coordinator.id });
    // A 45-day decision clock started 25 days ago: more than half gone, not yet four fifths.
    await changeCase({
      caseId: kase.id,
      expectedVersion: kase.version,
      actor: { ...actorFor(coordinator), roles: ["COORDINATOR"] as Role[] },
      action: "lookAfterCase",
      event: { type: "clock_started" },
      deadlines: { start: ["decision"] },
      at: new Date(Date.now() - 25 * DAY),
    });

    worker = await startWorker();
    const [reminder] = await waitFor(
      "the reminder to reach the SMTP server",
      () => sink.messagesTo(coordinator.email).length > 0 && sink.messagesTo(coordinator.email),
    );
    expect(parseMessage(reminder!.raw).headers.get("subject")).toMatch(/Reminder: decision due soon/);
    const sweepsBeforeRestart = await completedSweeps();

    await worker.stop();
    worker = await startWorker();
    // The restarted worker sweeps at once; wait until that sweep has finished.
    await waitFor("the restarted worker's sweep", async () => (await completedSweeps()) > sweepsBeforeRestart);
    // Its emails, if any, are handed to the queue and every email job has finished.
    await worker.relay();
    await waitFor("every email job to finish", async () => (await worker!.boss.getQueueSize(SEND_EMAIL_QUEUE, { before: "completed" })) === 0);

    expect(sink.messagesTo(coordinator.email)).toHaveLength(1);
    const recorded = await db.deadlineReminder.findMany({ where: { deadline: { caseId: kase.id } }, select: { kind: true } });
    expect(recorded.map((row) => row.kind)).toEqual(["half"]);
  });
});

describe("rate-limit buckets", () => {
  it("are cleared once full again, by the worker's hourly job", async () => {
    const at = new Date("2030-01-10T12:00:00Z");
    await db.rateLimitBucket.createMany({
      data: [
        { key: "login:203.0.113.9", fullAt: new Date(at.getTime() - 1000) },
        { key: "login:203.0.113.10", fullAt: new Date(at.getTime() + 60_000) },
      ],
    });
    expect(await pruneRateLimits(at)).toBe(1);
    expect((await db.rateLimitBucket.findMany()).map((row) => row.key)).toEqual(["login:203.0.113.10"]);

    worker = await startWorker();
    const schedules = await db.$queryRaw<{ name: string; cron: string }[]>`SELECT name, cron FROM pgboss.schedule WHERE name = ${PRUNE_RATE_LIMITS_QUEUE}`;
    expect(schedules).toEqual([{ name: PRUNE_RATE_LIMITS_QUEUE, cron: "17 * * * *" }]);
  });
});
