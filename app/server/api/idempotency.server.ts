import crypto from "node:crypto";
import { db, type Prisma } from "../db.server";
import { problem } from "./problem.server";

const IN_PROGRESS = 0;
/** Keys are remembered this long; a repeat after that is a new request. */
const KEEP_HOURS = 24;

/**
 * Honours `Idempotency-Key` on a POST: the first request with a key runs and
 * its answer is stored; a repeat with the same body gets the same answer
 * without running again; the same key with a different body is refused. The
 * key is claimed before the work starts, so two simultaneous repeats cannot
 * both run.
 */
export async function withIdempotency(
  apiKeyId: string,
  request: Request,
  body: string,
  run: () => Promise<{ status: number; body: unknown }>,
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
  await db.idempotencyRecord.deleteMany({ where: { apiKeyId, key, createdAt: { lt: new Date(Date.now() - KEEP_HOURS * 3_600_000) } } });
  const claimed = await db.$executeRaw`
    INSERT INTO "IdempotencyRecord" ("apiKeyId", key, "requestHash", "statusCode", "responseBody")
    VALUES (${apiKeyId}::uuid, ${key}, ${requestHash}, ${IN_PROGRESS}, 'null'::jsonb)
    ON CONFLICT ("apiKeyId", key) DO NOTHING`;
  if (claimed === 0) {
    const previous = await db.idempotencyRecord.findUniqueOrThrow({ where: { apiKeyId_key: { apiKeyId, key } } });
    if (previous.requestHash !== requestHash) {
      return problem(422, "Idempotency-Key reused", "This Idempotency-Key was used for a different request. Use a new key for a new request.");
    }
    if (previous.statusCode === IN_PROGRESS) {
      return problem(409, "Request in progress", "A request with this Idempotency-Key is still being processed. Try again in a moment.", {
        headers: { "Retry-After": "1" },
      });
    }
    const replay = json({ status: previous.statusCode, body: previous.responseBody });
    replay.headers.set("Idempotent-Replayed", "true");
    return replay;
  }
  try {
    const result = await run();
    // Only outcomes worth replaying are kept; after a refusal the client may fix the request and reuse the key.
    if (result.status < 400) {
      await db.idempotencyRecord.update({
        where: { apiKeyId_key: { apiKeyId, key } },
        data: { statusCode: result.status, responseBody: result.body as Prisma.InputJsonValue },
      });
    } else {
      await db.idempotencyRecord.delete({ where: { apiKeyId_key: { apiKeyId, key } } });
    }
    return json(result);
  } catch (error) {
    await db.idempotencyRecord.delete({ where: { apiKeyId_key: { apiKeyId, key } } }).catch(() => undefined);
    throw error;
  }
}

function json(result: { status: number; body: unknown }): Response {
  const isProblem = result.status >= 400;
  return new Response(JSON.stringify(result.body), {
    status: result.status,
    headers: { "Content-Type": isProblem ? "application/problem+json" : "application/json", "Cache-Control": "no-store" },
  });
}
