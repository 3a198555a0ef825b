import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { nextWebhookAttempt, WEBHOOK_FIRST_RETRY_MS } from "~/domain/webhooks";
import { db } from "../db.server";
import { log } from "../log.server";
import { openSecret } from "./secret-box.server";
import { signWebhook } from "./signing.server";
import { webhookAddress, type ResolvedAddress, type Resolve } from "./webhook-address.server";

/** A claimed delivery whose worker died is taken up again after this lease. */
const LEASE_SECONDS = 60;
const TIMEOUT_MS = 10_000;

interface ClaimedDelivery {
  id: string;
  messageId: string;
  payload: unknown;
  attempts: number;
  createdAt: Date;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

export interface DispatchOptions {
  /** First wait before a retry; it doubles with each failure (tests shorten it). */
  firstRetryMs?: number;
  now?: () => Date;
  /** How endpoint names become addresses (tests answer with their own). */
  resolve?: Resolve;
}

/**
 * Sends every delivery that is due. Each row is claimed with a lease first
 * (its next attempt pushed past the lease), so two workers never send the same
 * attempt; a 2xx answer ends it, anything else schedules the next try until
 * its 24 hours are over.
 */
export async function dispatchDueWebhooks(options: DispatchOptions = {}): Promise<number> {
  const claimed = await db.$queryRaw<ClaimedDelivery[]>`
    UPDATE "WebhookDelivery" d
       SET "nextAttemptAt" = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = d.attempts + 1
      FROM "WebhookEndpoint" e
     WHERE d.id IN (SELECT id FROM "WebhookDelivery"
                     WHERE status = 'PENDING' AND "nextAttemptAt" <= now()
                     ORDER BY "nextAttemptAt" LIMIT 20 FOR UPDATE SKIP LOCKED)
       AND e.id = d."endpointId"
    RETURNING d.id, d."messageId", d.payload, d.attempts, d."createdAt", e.url, e.secret, e."previousSecret", e."previousSecretExpiresAt"`;
  await Promise.all(claimed.map((delivery) => attempt(delivery, options)));
  return claimed.length;
}

async function attempt(delivery: ClaimedDelivery, options: DispatchOptions): Promise<void> {
  const now = options.now?.() ?? new Date();
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(now.getTime() / 1000);
  const secrets = [openSecret(delivery.secret)];
  if (delivery.previousSecret && delivery.previousSecretExpiresAt && delivery.previousSecretExpiresAt > now) secrets.push(openSecret(delivery.previousSecret));
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const url = new URL(delivery.url);
    const address = await webhookAddress(url, options.resolve);
    statusCode = await post(url, address, body, {
      "Content-Type": "application/json",
      "User-Agent": "IMR-Portal-Webhooks/1",
      "webhook-id": delivery.messageId,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": secrets.map((secret) => signWebhook(secret, delivery.messageId, timestamp, body)).join(" "),
    });
    if (statusCode < 200 || statusCode >= 300) error = `The endpoint answered ${statusCode}`;
  } catch (caught) {
    error = (caught as Error).message;
  }
  const durationMs = Math.round(performance.now() - started);
  const succeeded = error === null;
  const next = succeeded ? null : nextWebhookAttempt(delivery.attempts, delivery.createdAt, new Date(), options.firstRetryMs ?? WEBHOOK_FIRST_RETRY_MS);
  await db.$transaction([
    db.webhookAttempt.create({ data: { deliveryId: delivery.id, statusCode, durationMs, error } }),
    db.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        status: succeeded ? "SUCCEEDED" : next ? "PENDING" : "FAILED",
        succeededAt: succeeded ? new Date() : undefined,
        lastAttemptAt: new Date(),
        lastStatusCode: statusCode,
        lastError: error,
        lastDurationMs: durationMs,
        nextAttemptAt: next ?? new Date(),
      },
    }),
  ]);
  if (!succeeded) log.warn("webhook not delivered", { deliveryId: delivery.id, attempt: delivery.attempts, error });
}

/**
 * POSTs a delivery to the address that was checked, whatever the name
 * resolves to by now; TLS still checks the certificate against the name. A
 * redirect is an answer like any other, not followed. Answers the status.
 */
function post(url: URL, address: ResolvedAddress, body: string, headers: Record<string, string>): Promise<number> {
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
      if (lookupOptions.all) callback(null, [address]);
      else callback(null, address.address, address.family);
    };
    const request = transport.request(
      url,
      { method: "POST", headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) }, lookup },
      (response) => {
        response.resume();
        clearTimeout(timer);
        resolve(response.statusCode ?? 0);
      },
    );
    const timer = setTimeout(() => request.destroy(new Error(`No answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}
