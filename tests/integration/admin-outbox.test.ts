/**
 * What an administrator sees and does about failing email: the home page's
 * alert, and the outbox page's retry and cancel, audited and refused for a
 * message in the wrong state or for anyone but an administrator.
 */
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { OutboxStatus } from "~/.server/prisma/enums";
import * as adminHome from "~/routes/admin/index";
import * as outboxRoute from "~/routes/admin/outbox";
import { db } from "~/server/db.server";
import type { MailTransport } from "~/server/mail.server";
import { deliverOutboxMessage } from "~/server/outbox-delivery.server";
import { createUser } from "#tests/support/factories";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";

let admin: { id: string; email: string; cookie: string };
let coordinator: { id: string; email: string; cookie: string };

beforeAll(async () => {
  admin = await withSession(await createUser({ roles: ["ADMIN"] }));
  coordinator = await withSession(await createUser({ roles: ["COORDINATOR"] }));
});

async function message(status: OutboxStatus, lastError: string | null = null) {
  return db.outboxMessage.create({
    data: {
      template: "case-update",
      toAddress: `someone-${crypto.randomUUID()}@example.test`,
      subject: "IMR-2026-000200: A decision was issued",
      props: {},
      status,
      lastError,
      attempts: lastError ? 3 : status === "SENT" ? 1 : 0,
      sentAt: status === "SENT" ? new Date() : null,
    },
  });
}

const post = (who: { cookie: string }, form: Record<string, string>) =>
  call<{ formError?: string }>(outboxRoute.action as RouteFunction, request("/admin/outbox", who.cookie, form));

const home = async () =>
  (await call<{ failingEmail: { retrying: number; givenUp: number } }>(adminHome.loader as RouteFunction, request("/admin", admin.cookie))).data;

describe("the administrators' alert about failing email", () => {
  it("counts the messages being retried after a failure and those given up on, for the home page's alert", async () => {
    const before = (await home()).failingEmail;
    await message("PENDING", "421 Service not available");
    await message("PENDING", "421 Service not available");
    await message("FAILED", "421 Service not available");
    await message("PENDING");
    await message("SENT");
    expect((await home()).failingEmail).toEqual({ retrying: before.retrying + 2, givenUp: before.givenUp + 1 });
  });
});

describe("retrying an email from the outbox", () => {
  it("tries a message given up on again now, for another 72 hours, and audits who did it", async () => {
    const failed = await message("FAILED", "421 Service not available");
    const answer = await post(admin, { intent: "retry", id: failed.id });
    expect(answer).toMatchObject({ status: 302, location: "/admin/outbox?done=retried" });

    const retried = await db.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } });
    expect(retried.status).toBe("PENDING");
    expect(retried.queuedAt.getTime()).toBeGreaterThan(failed.queuedAt.getTime());
    expect(retried.nextAttemptAt.getTime()).toBe(retried.queuedAt.getTime());
    const entry = await db.auditLog.findFirstOrThrow({ where: { objectId: failed.id } });
    expect(entry).toMatchObject({ action: "email.retried", objectType: "OutboxMessage", actorId: admin.id, actorEmail: admin.email });
    expect(entry.detail).toEqual({ previousStatus: "FAILED" });
  });

  it("tries a message waiting after a failure now", async () => {
    const waiting = await message("PENDING", "451 Try again later");
    await db.outboxMessage.update({ where: { id: waiting.id }, data: { nextAttemptAt: new Date(Date.now() + 15 * 60_000) } });
    expect(await post(admin, { intent: "retry", id: waiting.id })).toMatchObject({ status: 302 });
    const retried = await db.outboxMessage.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(retried.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("refuses a message already sent with 409 and says why, and changes nothing", async () => {
    const sent = await message("SENT");
    const answer = await post(admin, { intent: "retry", id: sent.id });
    expect(answer.status).toBe(409);
    expect(answer.data.formError).toBe("This email was already sent.");
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ status: "SENT", attempts: 1 });
    expect(await db.auditLog.count({ where: { objectId: sent.id } })).toBe(0);
  });

  it("answers 404 for a message that does not exist", async () => {
    expect((await post(admin, { intent: "retry", id: crypto.randomUUID() })).status).toBe(404);
  });

  it("is for administrators only", async () => {
    const failed = await message("FAILED", "421 Service not available");
    expect((await post(coordinator, { intent: "retry", id: failed.id })).status).toBe(403);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("FAILED");
  });
});

describe("cancelling an email from the outbox", () => {
  it("withdraws a message not yet sent, with the reason in the audit log, and no sender ever sends it", async () => {
    const waiting = await message("PENDING", "421 Service not available");
    const answer = await post(admin, { intent: "cancel", id: waiting.id, reason: "Sent by hand to the applicant's new address" });
    expect(answer).toMatchObject({ status: 302, location: "/admin/outbox?done=cancelled" });

    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({
      status: "CANCELLED",
      cancelReason: "Sent by hand to the applicant's new address",
    });
    const entry = await db.auditLog.findFirstOrThrow({ where: { objectId: waiting.id } });
    expect(entry).toMatchObject({ action: "email.cancelled", objectType: "OutboxMessage", actorId: admin.id });
    expect(entry.detail).toEqual({ previousStatus: "PENDING", reason: "Sent by hand to the applicant's new address" });

    const sends: string[] = [];
    const transport: MailTransport = {
      kind: "smtp",
      send: async (email) => {
        sends.push(email.to);
        return { providerMessageId: email.messageId };
      },
      check: async () => ({ ok: true, detail: "" }),
      close: () => undefined,
    };
    const farLater = () => new Date(Date.now() + 24 * 3_600_000);
    expect(await deliverOutboxMessage(waiting.id, { transport, from: "no-reply@imr.example", clock: farLater })).toBe("skipped");
    expect(sends).toEqual([]);
  });

  it("cancels a message given up on", async () => {
    const failed = await message("FAILED", "550 Mailbox unavailable");
    expect(await post(admin, { intent: "cancel", id: failed.id, reason: "The address is wrong" })).toMatchObject({ status: 302 });
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("CANCELLED");
  });

  it("asks for a reason", async () => {
    const waiting = await message("PENDING");
    const answer = await post(admin, { intent: "cancel", id: waiting.id, reason: "  " });
    expect(answer.status).toBe(400);
    expect(answer.data.fieldErrors).toEqual({ reason: "Say why this email should not be sent." });
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("PENDING");
  });

  it("refuses a message already sent, or already cancelled, with 409", async () => {
    const sent = await message("SENT");
    const refused = await post(admin, { intent: "cancel", id: sent.id, reason: "Too late" });
    expect(refused.status).toBe(409);
    expect(refused.data.formError).toBe("This email was already sent, so it cannot be cancelled.");

    const cancelled = await message("CANCELLED");
    expect((await post(admin, { intent: "cancel", id: cancelled.id, reason: "Twice" })).status).toBe(409);
  });

  it("is for administrators only", async () => {
    const waiting = await message("PENDING");
    expect((await post(coordinator, { intent: "cancel", id: waiting.id, reason: "Not mine to cancel" })).status).toBe(403);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("PENDING");
  });

  it("ends the email incident once no message is failing, so the next one alerts again", async () => {
    await db.outboxMessage.updateMany({ where: { status: { in: ["PENDING", "FAILED"] } }, data: { status: "CANCELLED" } });
    const failing = await message("FAILED", "421 Service not available");
    await db.setting.create({ data: { key: "emailIncident", value: { startedAt: new Date().toISOString() } } });
    await post(admin, { intent: "cancel", id: failing.id, reason: "Resent by post" });
    expect(await db.setting.count({ where: { key: "emailIncident" } })).toBe(0);
  });
});
