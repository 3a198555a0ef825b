import { z } from "zod";
import { config } from "../config.server";
import { AppError } from "../errors.server";
import { log } from "../log.server";
import { hitRateLimit, refusedHere, type RateLimitResult } from "../rate-limit.server";
import { clientIp } from "../request-context.server";
import { apiClientFor, type ApiClient } from "./api-keys.server";
import { badParameters, problem } from "./problem.server";

const TITLES: Record<AppError["code"], string> = {
  BAD_REQUEST: "Invalid request",
  UNAUTHORIZED: "Unauthorized",
  FORBIDDEN: "Forbidden",
  NOT_FOUND: "Not found",
  CONFLICT: "Conflict",
  TOO_MANY_REQUESTS: "Too many requests",
};

/** Requests a minute one network address may send with a missing or wrong key. */
const BAD_KEYS_PER_NETWORK = 20;

function tooMany(detail: string, limit: RateLimitResult): Response {
  return problem(429, "Too many requests", detail, { headers: { "Retry-After": String(limit.retryAfterSeconds) } });
}

const tooManyGuesses = (limit: RateLimitResult) =>
  tooMany(`Too many requests with a missing or wrong API key. Try again in ${limit.retryAfterSeconds} s.`, limit);

/**
 * Every /api/v1 call that needs a plan's key: the bearer key, the key's rate
 * limit, then the handler; errors become problem+json. A case of another plan
 * is never loaded, so it answers 404 like a case that does not exist.
 */
export async function apiRequest(request: Request, handler: (client: ApiClient) => Promise<Response>): Promise<Response> {
  try {
    // Guessing keys: a network gets BAD_KEYS_PER_NETWORK wrong keys a minute, counted only when one is
    // wrong; once refused, the refusal is remembered here and answered before any lookup, at no query.
    const network = `api-bad-key:${clientIp(request) ?? "unknown"}`;
    const refused = refusedHere(network);
    if (refused) return tooManyGuesses(refused);
    const client = await apiClientFor(request, clientIp(request));
    if (!client) {
      const guesses = await hitRateLimit(network, BAD_KEYS_PER_NETWORK, 60);
      if (!guesses.allowed) return tooManyGuesses(guesses);
      return problem(401, "Unauthorized", "Send a valid API key: Authorization: Bearer imr_...", { headers: { "WWW-Authenticate": 'Bearer realm="imr"' } });
    }
    const limit = await hitRateLimit(`api:${client.apiKeyId}`, config().apiRateLimitPerMinute, 60);
    if (!limit.allowed) {
      return tooMany(`This key may make ${config().apiRateLimitPerMinute} requests a minute. Try again in ${limit.retryAfterSeconds} s.`, limit);
    }
    return await handler(client);
  } catch (error) {
    return apiError(error);
  }
}

function apiError(error: unknown): Response {
  if (error instanceof Response) return error;
  if (error instanceof z.ZodError) {
    return badParameters(error.issues.map((issue) => ({ name: issue.path.join(".") || "body", reason: issue.message })));
  }
  if (error instanceof AppError) {
    const field = typeof error.detail?.field === "string" ? error.detail.field : undefined;
    return problem(error.status, TITLES[error.code], error.message, field ? { invalidParams: [{ name: field, reason: error.message }] } : {});
  }
  log.error("API request failed", { error: (error as Error).message });
  return problem(500, "Internal error", "Something went wrong on our side. Try again later.");
}

/**
 * A JSON body parsed with its zod schema; a body that is not JSON names
 * "body". Read whole: the server refused one over the API's limit before any
 * route ran (BODY_LIMITS in http.server.ts), and Node reads no more than the
 * length it declared.
 */
export async function jsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<{ raw: string; data: z.infer<S> }> {
  const raw = await request.text();
  let parsed: unknown;
  try {
    parsed = raw === "" ? {} : JSON.parse(raw);
  } catch {
    throw badParameters([{ name: "body", reason: "is not valid JSON" }]);
  }
  const withNul = nulPaths(parsed);
  if (withNul.length > 0) throw badParameters(withNul.map((name) => ({ name, reason: "contains a NUL character, which cannot be stored" })));
  return { raw, data: schema.parse(parsed) };
}

/** Where a JSON value holds a NUL character ("body" for the value itself, "references.0.title" inside it), in names or text. */
function nulPaths(value: unknown, path: string[] = []): string[] {
  const here = path.join(".") || "body";
  if (typeof value === "string") return value.includes("\u0000") ? [here] : [];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => (key.includes("\u0000") ? [here] : nulPaths(inner, [...path, key])));
}
