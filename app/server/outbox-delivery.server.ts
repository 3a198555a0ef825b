import { db } from "./db.server";
import type { MailTransport } from "./mail.server";
import { renderEmail } from "./mail.server";
import { log } from "./log.server";

/** After this many failed attempts a message is FAILED and shows so on the admin outbox page. */
export const MAX_ATTEMPTS = 8;
/** A claimed message whose sender died is taken up again after this lease. */
const LEASE_SECONDS = 300;

interface ClaimedMessage {
  id: string;
  template: string;
  toAddress: string;
  subject: string;
  props: unknown;
  attempts: number;
  createdAt: Date;
}

/**
 * Sends one outbox message. The row is claimed with a lease first, so two
 * workers (or a retry racing a slow first try) never send it twice; a sent
 * message is never claimed again.
 */
export async function deliverOutboxMessage(id: string, transport: MailTransport, from: string): Promise<"sent" | "skipped"> {
  const claimed = await db.$queryRaw<ClaimedMessage[]>`
    UPDATE "OutboxMessage"
       SET status = 'SENDING', attempts = attempts + 1,
           "nextAttemptAt" = now() + make_interval(secs => ${LEASE_SECONDS})
     WHERE id = ${id}::uuid
       AND (status = 'PENDING' OR (status = 'SENDING' AND "nextAttemptAt" < now()))
    RETURNING id, template, "toAddress", subject, props, attempts, "createdAt"`;
  const message = claimed[0];
  if (!message) return "skipped";
  try {
    const rendered = await renderEmail(message.template, message.props);
    const result = await transport.send({
      messageId: `<${message.id}@imr-portal>`,
      date: message.createdAt,
      from,
      to: message.toAddress,
      subject: message.subject,
      ...rendered,
    });
    await db.outboxMessage.update({
      where: { id: message.id },
      data: { status: "SENT", sentAt: new Date(), lastError: null, providerMessageId: result.providerMessageId },
    });
    return "sent";
  } catch (error) {
    const finalAttempt = message.attempts >= MAX_ATTEMPTS;
    await db.outboxMessage.update({
      where: { id: message.id },
      data: {
        status: finalAttempt ? "FAILED" : "PENDING",
        lastError: (error as Error).message.slice(0, 1000),
        nextAttemptAt: new Date(),
      },
    });
    log.warn("email not sent", { outboxId: message.id, attempt: message.attempts, error: (error as Error).message });
    throw error;
  }
}

/** Messages waiting to be handed to the job queue. */
export async function pendingOutboxIds(limit = 200): Promise<string[]> {
  const rows = await db.outboxMessage.findMany({
    where: { status: "PENDING" },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  return rows.map((row) => row.id);
}
