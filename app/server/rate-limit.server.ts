import { db } from "./db.server";

export interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
  /** This server had already refused the key in this wait: the refusal is a repeat (audit it once). */
  repeated: boolean;
}

/**
 * A token bucket per key, shared by every app server: `limit` requests, then
 * one more each `windowSeconds / limit`. In any span of t seconds a key gets
 * at most `limit + t · limit / windowSeconds` (a fixed window let twice the
 * limit through across its boundary).
 *
 * Kept in PostgreSQL as one timestamp per key (the generic cell rate
 * algorithm): the moment the bucket is full again ("full at"). A request
 * moves it one interval later, unless that would be more than the window
 * ahead of now: then it is refused, and nothing is written. A refusal is
 * also remembered in this process until the wait is over, so a flood from
 * one key costs no query at all. Another server can only empty the bucket
 * further, so a remembered refusal is never wrong.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number, at = new Date()): Promise<RateLimitResult> {
  const remembered = refusedHere(key, at);
  if (remembered) return remembered;
  const nowMs = at.getTime();
  const intervalMs = (windowSeconds * 1000) / limit;
  const toleranceMs = windowSeconds * 1000 - intervalMs;
  const rows = await db.$queryRaw<{ fullAt: Date; allowed: boolean }[]>`
    WITH taken AS (
      INSERT INTO "RateLimitBucket" AS bucket (key, "fullAt")
      VALUES (${key}, ${at}::timestamptz + make_interval(secs => ${intervalMs / 1000}))
      ON CONFLICT (key) DO UPDATE
        SET "fullAt" = GREATEST(bucket."fullAt", ${at}::timestamptz) + make_interval(secs => ${intervalMs / 1000})
        WHERE GREATEST(bucket."fullAt", ${at}::timestamptz) <= ${at}::timestamptz + make_interval(secs => ${toleranceMs / 1000})
      RETURNING "fullAt"
    )
    SELECT "fullAt", true AS allowed FROM taken
    UNION ALL
    SELECT "fullAt", false AS allowed FROM "RateLimitBucket" WHERE key = ${key} AND NOT EXISTS (SELECT 1 FROM taken)`;
  const row = rows[0];
  if (!row || row.allowed) return { allowed: true, retryAfterSeconds: 0, repeated: false };
  // The next request fits once "full at" is no more than the tolerance ahead.
  const waitMs = Math.max(1, row.fullAt.getTime() - toleranceMs - nowMs);
  remember(key, nowMs + waitMs);
  return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000), repeated: false };
}

/**
 * Whether `key` would be let through now, counting nothing: for a limit on
 * failures (sign-in), which counts each failure with hitRateLimit once it
 * happened, so an office's successful sign-ins never use up its allowance.
 */
export async function peekRateLimit(key: string, limit: number, windowSeconds: number, at = new Date()): Promise<RateLimitResult> {
  const remembered = refusedHere(key, at);
  if (remembered) return remembered;
  const nowMs = at.getTime();
  const toleranceMs = windowSeconds * 1000 - (windowSeconds * 1000) / limit;
  const rows = await db.$queryRaw<{ fullAt: Date }[]>`SELECT "fullAt" FROM "RateLimitBucket" WHERE key = ${key}`;
  const fullAtMs = rows[0]?.fullAt.getTime();
  // As hitRateLimit decides: one more request fits while "full at" is no more than the tolerance ahead.
  if (fullAtMs === undefined || fullAtMs <= nowMs + toleranceMs) return { allowed: true, retryAfterSeconds: 0, repeated: false };
  const waitMs = fullAtMs - toleranceMs - nowMs;
  remember(key, nowMs + waitMs);
  return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000), repeated: false };
}

/** A refusal this process remembers for `key` and whose wait is not over: no query needed. */
export function refusedHere(key: string, at = new Date()): RateLimitResult | null {
  const refusedUntil = refusals.get(key);
  if (refusedUntil === undefined || at.getTime() >= refusedUntil) return null;
  return { allowed: false, retryAfterSeconds: Math.ceil((refusedUntil - at.getTime()) / 1000), repeated: true };
}

/** Refusals this process remembers; the oldest go first past this many keys. */
const MAX_REMEMBERED = 10_000;
const refusals = new Map<string, number>();

function remember(key: string, untilMs: number): void {
  refusals.delete(key);
  refusals.set(key, untilMs);
  if (refusals.size > MAX_REMEMBERED) refusals.delete(refusals.keys().next().value!);
}

/** A bucket full again before `at` says nothing a missing row would not; the worker clears them every hour. Answers how many went. */
export async function pruneRateLimits(at: Date): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { fullAt: { lt: at } } });
  return count;
}
