/**
 * The rate limiter: a token bucket per key in PostgreSQL, shared by every app
 * server, that refuses without writing.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/server/db.server";
import { hitRateLimit } from "~/server/rate-limit.server";

const at = (iso: string, plusMs = 0) => new Date(new Date(iso).getTime() + plusMs);

describe("a key's rate limit", () => {
  it("lets the limit through at once, then one request per interval: never twice the limit across a minute's boundary", async () => {
    // 240 requests in 20 s, from 10 s before a minute's boundary to 10 s after it.
    const allowed: number[] = [];
    for (let i = 0; i < 240; i++) {
      const when = at("2031-03-04T09:59:50Z", (i * 20_000) / 240);
      if ((await hitRateLimit("api:boundary", 120, 60, when)).allowed) allowed.push(i);
    }
    // 120 at once, then one each half second: 40 more in 20 s.
    expect(allowed.length).toBeGreaterThanOrEqual(159);
    expect(allowed.length).toBeLessThanOrEqual(161);
    expect(allowed.slice(0, 120)).toEqual([...Array(120).keys()]);
  });

  it("tells how long to wait, and lets the next request in once that time has passed", async () => {
    const start = "2031-03-04T10:00:00Z";
    for (let i = 0; i < 3; i++) expect((await hitRateLimit("reset:198.51.100.1", 3, 60, at(start))).allowed).toBe(true);
    const refused = await hitRateLimit("reset:198.51.100.1", 3, 60, at(start, 1_000));
    // One request comes back every 20 s; one second has passed.
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 19, repeated: false });
    expect((await hitRateLimit("reset:198.51.100.1", 3, 60, at(start, 19_000))).allowed).toBe(false);
    expect((await hitRateLimit("reset:198.51.100.1", 3, 60, at(start, 20_000))).allowed).toBe(true);
    // Each key has its own bucket.
    expect((await hitRateLimit("reset:198.51.100.2", 3, 60, at(start, 1_000))).allowed).toBe(true);
  });

  it("writes nothing for a refusal, and answers a repeated one without asking the database", async () => {
    const start = "2031-03-04T11:00:00Z";
    await hitRateLimit("verify:198.51.100.3", 1, 60, at(start));
    const before = await db.rateLimitBucket.findUniqueOrThrow({ where: { key: "verify:198.51.100.3" } });
    expect(await hitRateLimit("verify:198.51.100.3", 1, 60, at(start, 5_000))).toMatchObject({ allowed: false, repeated: false });
    expect(await db.rateLimitBucket.findUniqueOrThrow({ where: { key: "verify:198.51.100.3" } })).toEqual(before);
    // Even with the row gone, the refusal holds until the wait is over: it did not ask.
    await db.rateLimitBucket.delete({ where: { key: "verify:198.51.100.3" } });
    expect(await hitRateLimit("verify:198.51.100.3", 1, 60, at(start, 6_000))).toEqual({ allowed: false, retryAfterSeconds: 54, repeated: true });
  });

  it("counts every app server's requests in one bucket", async () => {
    // Two servers (two requests at the same instant, side by side) share the allowance.
    const when = at("2031-03-04T12:00:00Z");
    const answers = await Promise.all(Array.from({ length: 10 }, () => hitRateLimit("api:shared", 4, 60, when)));
    expect(answers.filter((answer) => answer.allowed)).toHaveLength(4);
  });
});
