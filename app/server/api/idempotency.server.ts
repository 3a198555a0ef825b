import crypto from "node:crypto";
import { db, type Prisma } from "../db.server";
import { log } from "../log.server";
import { problem } from "./problem.server";

const IN_PROGRESS = 0;
/** Keys are remembered this long; a repeat after that is a new request. */
const KEEP_HOURS = 24;
/**
 * How long a claim holds without being renewed. The running request renews
 * it every RENEW_EVERY_MS, so only a request whose process died (a crash, a
 * kill, a lost database connection) lets it run out; a repeat then runs
 * after at most this long instead of being told "in progress" all day.
 */
const LEASE_MS = 30_000;
/** A third of the lease: two renewals may fail (a database blip) before another request may take over. */
const RENEW_EVERY_MS = LEASE_MS / 3;

export interface Answer {
  status: number;
  body: unknown;
  /** For an upload: the SHA-256 of the file stored, which a repeat's file must match to be given this answer. */
  contentSha256?: string;
}

/** A body that is not part of the request's identity (an upload's file, hashed while it is stored). */
interface StreamedContent {
  /** Reads a repeat's body to its end: its SHA-256, or null when it cannot be the stored file (longer than any file may be). */
  sha256: () => Promise<string | null>;
}

/**
 * Honours `Idempotency-Key` on a POST: the first request with a key runs and
 * its answer is stored; a repeat with the same body gets the same answer
 * without running again; the same key with a different body is refused. The
 * key is claimed before the work starts, so two simultaneous repeats cannot
 * both run; the claim is a lease the running request renews, and a failed
 * run gives it up, so a retry after a crash or an error runs.
 */
export async function withIdempotency(
  apiKeyId: string,
  request: Request,
  body: string,
  run: () => Promise<Answer>,
  content?: StreamedContent,
): Promise<Response> {
  const key = request.headers.get("idempotency-key");
  if (key === null) return json(await run());
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    return problem(400, "Invalid Idempotency-Key", "Idempotency-Key must be 1 to 255 visible ASCII characters.", {
      invalidParams: [{ name: "Idempotency-Key", reason: "must be 1 to 255 visible ASCII characters" }],
    });
  }
  const requestHash = crypto
    .createHash("sha256")
    .update(`${request.method} ${new URL(request.url).pathname}\n${body}`)
    .digest("hex");
  const now = new Date();
  await db.idempotencyRecord.deleteMany({ where: { apiKeyId, key, createdAt: { lt: new Date(now.getTime() - KEEP_HOURS * 3_600_000) } } });
  // A claim whose lease ran out belonged to a request that died: the same request takes it over.
  const claimed = await db.$executeRaw`
    INSERT INTO "IdempotencyRecord" ("apiKeyId", key, "requestHash", "statusCode", "responseBody", "leaseExpiresAt", "createdAt")
    VALUES (${apiKeyId}::uuid, ${key}, ${requestHash}, ${IN_PROGRESS}, 'null'::jsonb, ${leaseFrom(now)}, ${now})
    ON CONFLICT ("apiKeyId", key) DO UPDATE SET "leaseExpiresAt" = EXCLUDED."leaseExpiresAt", "createdAt" = EXCLUDED."createdAt"
    WHERE "IdempotencyRecord"."statusCode" = ${IN_PROGRESS}
      AND "IdempotencyRecord"."requestHash" = EXCLUDED."requestHash"
      AND "IdempotencyRecord"."leaseExpiresAt" < EXCLUDED."createdAt"`;
  if (claimed === 0) return repeat(apiKeyId, key, requestHash, content);

  const renewal = setInterval(() => {
    db.idempotencyRecord
      .updateMany({ where: { apiKeyId, key, statusCode: IN_PROGRESS }, data: { leaseExpiresAt: leaseFrom(new Date()) } })
      .catch((error: Error) => log.warn("idempotency lease not renewed", { key, error: error.message }));
  }, RENEW_EVERY_MS);
  renewal.unref();
  try {
    const result = await run();
    // Only outcomes worth replaying are kept; after a refusal the client may fix the request and reuse the key.
    if (result.status < 400) {
      await db.idempotencyRecord.update({
        where: { apiKeyId_key: { apiKeyId, key } },
        data: {
          statusCode: result.status,
          responseBody: result.body as Prisma.InputJsonValue,
          leaseExpiresAt: null,
          contentSha256: result.contentSha256 ?? null,
        },
      });
    } else {
      await db.idempotencyRecord.delete({ where: { apiKeyId_key: { apiKeyId, key } } });
    }
    return json(result);
  } catch (error) {
    // If this fails too (the database is away), the lease runs out instead.
    await db.idempotencyRecord.delete({ where: { apiKeyId_key: { apiKeyId, key } } }).catch(() => undefined);
    throw error;
  } finally {
    clearInterval(renewal);
  }
}

/** The answer to a repeat of a key that is held or answered. */
async function repeat(apiKeyId: string, key: string, requestHash: string, content: StreamedContent | undefined): Promise<Response> {
  const previous = await db.idempotencyRecord.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
  // Gone since the claim failed: its request has just failed and given the key up, so a retry runs.
  if (!previous) return inProgress();
  if (previous.requestHash !== requestHash) return keyReused();
  if (previous.statusCode === IN_PROGRESS) return inProgress();
  if (previous.contentSha256 !== null && (!content || (await content.sha256()) !== previous.contentSha256)) return keyReused();
  const replay = json({ status: previous.statusCode, body: previous.responseBody });
  replay.headers.set("Idempotent-Replayed", "true");
  return replay;
}

function inProgress(): Response {
  return problem(409, "Request in progress", "A request with this Idempotency-Key is still being processed. Try again in a moment.", {
    headers: { "Retry-After": "1" },
  });
}

function keyReused(): Response {
  return problem(422, "Idempotency-Key reused", "This Idempotency-Key was used for a different request. Use a new key for a new request.");
}

function leaseFrom(at: Date): Date {
  return new Date(at.getTime() + LEASE_MS);
}

function json(result: Answer): Response {
  const isProblem = result.status >= 400;
  return new Response(JSON.stringify(result.body), {
    status: result.status,
    headers: { "Content-Type": isProblem ? "application/problem+json" : "application/json", "Cache-Control": "no-store" },
  });
}
