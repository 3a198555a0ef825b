/**
 * What an administrator does about an email that is failing: try it again
 * now, or withdraw it before it is sent. Both are audited, and both act only
 * on a message in a state that allows it, in the same statement that checks
 * it, so a sender taking the message up at that moment cannot be overtaken.
 */
import type { OutboxStatus } from "~/.server/prisma/enums";
import { audit } from "../audit.server";
import { db } from "../db.server";
import { conflict, notFound } from "../errors.server";
import { closeEmailIncidentIfClear } from "../outbox-alert.server";
import type { Actor } from "../request-context.server";

/** Why a message in this state cannot be retried; a state that can was left by the time the retry came. */
const NOT_RETRIED: Partial<Record<OutboxStatus, string>> = {
  PENDING: "This email is waiting for its first try: there is nothing to retry yet.",
  SENDING: "This email is being sent right now.",
  SENT: "This email was already sent.",
  CANCELLED: "This email was cancelled, so it will not be sent.",
};

const NOT_CANCELLED: Partial<Record<OutboxStatus, string>> = {
  SENDING: "This email is being sent right now. If the try fails, you can cancel it then.",
  SENT: "This email was already sent, so it cannot be cancelled.",
  CANCELLED: "This email was already cancelled.",
};

const CHANGED = "This email changed meanwhile. Reload the page to see its state.";

async function statusOf(id: string): Promise<OutboxStatus> {
  const message = await db.outboxMessage.findUnique({ where: { id }, select: { status: true } });
  if (!message) throw notFound("This email");
  return message.status;
}

/**
 * A message given up on, or waiting after a failure, is tried now, and
 * retried for another 72 hours from now if it fails again.
 */
export async function retryOutboxMessage(id: string, actor: Actor, at: Date): Promise<void> {
  const status = await statusOf(id);
  await db.$transaction(async (tx) => {
    const retried = await tx.outboxMessage.updateMany({
      where: { id, OR: [{ status: "FAILED" }, { status: "PENDING", lastError: { not: null } }] },
      data: { status: "PENDING", nextAttemptAt: at, queuedAt: at },
    });
    if (retried.count === 0) throw conflict(NOT_RETRIED[status] ?? CHANGED);
    await audit(actor, { action: "email.retried", objectType: "OutboxMessage", objectId: id, detail: { previousStatus: status }, at }, tx);
  });
}

/** A message not yet sent is withdrawn: no sender takes it up again. */
export async function cancelOutboxMessage(input: { id: string; reason: string }, actor: Actor, at: Date): Promise<void> {
  const { id, reason } = input;
  const status = await statusOf(id);
  await db.$transaction(async (tx) => {
    const cancelled = await tx.outboxMessage.updateMany({
      where: { id, status: { in: ["PENDING", "FAILED"] } },
      data: { status: "CANCELLED", cancelReason: reason },
    });
    if (cancelled.count === 0) throw conflict(NOT_CANCELLED[status] ?? CHANGED);
    await audit(actor, { action: "email.cancelled", objectType: "OutboxMessage", objectId: id, detail: { previousStatus: status, reason }, at }, tx);
  });
  await closeEmailIncidentIfClear();
}
