import crypto from "node:crypto";
import { nextEmailAttempt } from "~/domain/email-retry";
import { db } from "./db.server";
import type { MailTransport } from "./mail.server";
import { noticeLocale } from "~/i18n/locales";
import { renderEmail } from "./mail.server";
import { log } from "./log.server";

/**
 * A send with no answer within this long counts as failed (the SMTP
 * transport's own timeouts end it sooner), so a live sender is always done
 * before its lease ends and nobody else takes its message up meanwhile.
 */
const SEND_TIMEOUT_MS = 60_000;
/** A claimed message whose sender died is taken up again after this lease: longer than any send. */
export const LEASE_SECONDS = SEND_TIMEOUT_MS / 1000 + 30;
/**
 * The send-email job's expiry, longer than the lease: a job pg-boss retries
 * after its worker died finds the lease over and sends the message, rather
 * than finding it still leased and completing without sending it.
 */
export const EMAIL_JOB_EXPIRY_SECONDS = LEASE_SECONDS + 30;

interface ClaimedMessage {
  id: string;
  template: string;
  toAddress: string;
  subject: string;
  props: unknown;
  language: string;
  attempts: number;
  createdAt: Date;
  queuedAt: Date;
}

export interface DeliveryOptions {
  transport: MailTransport;
  from: string;
  /** The worker's clock: when the message is due, when its lease ends, when to try again. */
  clock: () => Date;
  /** The first wait after a failure (EMAIL_FIRST_RETRY_MS unless a test shortens it). */
  firstRetryMs?: number;
}

/**
 * `sent`; `failed` (tried again later, or given up on after the retry
 * window); or `skipped`: already sent or cancelled, not due yet, or leased by
 * another sender. A skipped message is not lost: while it is unsent, the
 * relay hands it to the queue again once it is due or its lease has ended.
 */
export type DeliveryOutcome = "sent" | "failed" | "skipped";

/**
 * Sends one outbox message. The row is claimed with a lease first, so two
 * workers (or a retry racing a slow first try) never send it twice; a sent
 * or cancelled message is never claimed again.
 */
export async function deliverOutboxMessage(id: string, options: DeliveryOptions): Promise<DeliveryOutcome> {
  const { transport, from, clock } = options;
  const at = clock();
  const leaseEnds = new Date(at.getTime() + LEASE_SECONDS * 1000);
  const claimed = await db.$queryRaw<ClaimedMessage[]>`
    UPDATE "OutboxMessage"
       SET status = 'SENDING', attempts = attempts + 1, "nextAttemptAt" = ${leaseEnds}::timestamptz
     WHERE id = ${id}::uuid
       AND ((status = 'PENDING' AND (attempts = 0 OR "nextAttemptAt" <= ${at}::timestamptz))
         OR (status = 'SENDING' AND "nextAttemptAt" < ${at}::timestamptz))
    RETURNING id, template, "toAddress", subject, props, language, attempts, "createdAt", "queuedAt"`;
  const message = claimed[0];
  if (!message) return "skipped";
  try {
    const rendered = await renderEmail(message.template, message.props, noticeLocale(message.language));
    const result = await withinSendTimeout(
      transport.send({
        messageId: `<${message.id}@imr-portal>`,
        date: message.createdAt,
        from,
        to: message.toAddress,
        subject: message.subject,
        ...rendered,
      }),
    );
    await db.outboxMessage.update({
      where: { id: message.id },
      data: { status: "SENT", sentAt: clock(), lastError: null, providerMessageId: result.providerMessageId },
    });
    return "sent";
  } catch (error) {
    const failedAt = clock();
    const retryAt = nextEmailAttempt(message.queuedAt, failedAt, options.firstRetryMs);
    // Only while the claim is still this sender's: a later sender's outcome stands.
    await db.outboxMessage.updateMany({
      where: { id: message.id, status: "SENDING", attempts: message.attempts },
      data: {
        status: retryAt ? "PENDING" : "FAILED",
        lastError: (error as Error).message.slice(0, 1000),
        nextAttemptAt: retryAt ?? failedAt,
      },
    });
    log.warn(retryAt ? "email not sent, will try again" : "email given up on", {
      outboxId: message.id,
      attempt: message.attempts,
      retryAt: retryAt?.toISOString(),
      error: (error as Error).message,
    });
    return "failed";
  }
}

async function withinSendTimeout<T>(sending: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The mail server did not answer within ${SEND_TIMEOUT_MS / 1000} s`)), SEND_TIMEOUT_MS);
    timer.unref();
  });
  try {
    return await Promise.race([sending, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** How many messages the relay hands to the queue at once; the rest go on its next round. */
const RELAY_BATCH = 200;

/**
 * Unsent messages that are due at `at`: never tried, waiting for their next
 * try, or claimed by a sender whose lease has ended because it died mid-send.
 * A message never tried is due whatever the database's clock said when it was
 * written; every later time is set by the worker's clock.
 */
export async function dueOutboxMessages(at: Date): Promise<{ id: string; jobId: string }[]> {
  const rows = await db.outboxMessage.findMany({
    where: {
      OR: [
        { status: "PENDING", attempts: 0 },
        { status: "PENDING", nextAttemptAt: { lte: at } },
        { status: "SENDING", nextAttemptAt: { lt: at } },
      ],
    },
    select: { id: true, attempts: true },
    orderBy: { nextAttemptAt: "asc" },
    take: RELAY_BATCH,
  });
  return rows.map((row) => ({ id: row.id, jobId: emailJobId(row.id, row.attempts, at) }));
}

/**
 * The job id for a message's next try: pg-boss ignores a second job with the
 * same id, so a due message is queued once per try and lease period, however
 * often the relay runs; a try whose job was lost gets a new one a lease later.
 */
function emailJobId(outboxId: string, attempts: number, at: Date): string {
  const leasePeriod = Math.floor(at.getTime() / (LEASE_SECONDS * 1000));
  const hex = crypto.createHash("sha256").update(`${outboxId}:${attempts}:${leasePeriod}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
