import { db } from "./db.server";

export interface RateLimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Counts one attempt for `key` in a fixed window shared by every app server
 * (the count lives in PostgreSQL). Allowed while the count stays within `limit`.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const nowMs = Date.now();
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(nowMs / windowMs) * windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitWindow" (key, "windowStart", count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateLimitWindow".count + 1
    RETURNING count`;
  const count = rows[0]?.count ?? 1;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - nowMs) / 1000));
  return { allowed: count <= limit, retryAfterSeconds };
}

/** How long a counted window is kept: longer than any limit's window. */
const KEPT_MS = 24 * 3600_000;

/** Old windows are only history; the worker clears them every hour (jobs.server.ts). Answers how many went. */
export async function pruneRateLimits(at: Date): Promise<number> {
  const { count } = await db.rateLimitWindow.deleteMany({ where: { windowStart: { lt: new Date(at.getTime() - KEPT_MS) } } });
  return count;
}
