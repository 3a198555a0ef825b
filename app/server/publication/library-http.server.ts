import crypto from "node:crypto";
import { networkPrefix } from "~/domain/network-prefix";
import { msg } from "~/i18n/msg";
import { problem } from "../api/problem.server";
import { config } from "../config.server";
import { hitRateLimit } from "../rate-limit.server";
import { clientIp } from "../request-context.server";
import { libraryVersion } from "./library.server";

const WINDOW_SECONDS = 60;
const MAX_AGE_SECONDS = 60;

/**
 * What every answer of the library goes through first: the network's rate
 * limit (429 with Retry-After: a page for people, problem+json for the
 * exports), then the conditional request. The ETag is a hash of the address,
 * the library's state (how many decisions are published, the latest
 * publication) and, for pages, what else the page depends on (the language
 * and who is signed in, both in the cookies and Accept-Language). A match
 * answers 304 before any search runs. Returns the headers a fresh answer
 * carries.
 */
export async function libraryAnswerHeaders(request: Request, kind: "page" | "export"): Promise<Headers> {
  const limit = await hitRateLimit(`library:${networkPrefix(clientIp(request))}`, config().libraryRequestsPerMinute, WINDOW_SECONDS);
  if (!limit.allowed) {
    const retryAfter = { "Retry-After": String(limit.retryAfterSeconds) };
    if (kind === "export") {
      throw problem(
        429,
        "Too many requests",
        `Your network may make ${config().libraryRequestsPerMinute} requests a minute to the library. Try again in ${limit.retryAfterSeconds} s.`,
        {
          headers: retryAfter,
        },
      );
    }
    // The error page shows the message, in the visitor's language.
    throw new Response(msg("Too many searches from your network. Wait a minute, then try again."), {
      status: 429,
      headers: { ...retryAfter, "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const url = new URL(request.url);
  const varies = kind === "page" ? [request.headers.get("Cookie") ?? "", request.headers.get("Accept-Language") ?? ""] : [];
  const hash = crypto
    .createHash("sha256")
    .update(JSON.stringify([url.pathname, url.search, await libraryVersion(), ...varies]))
    .digest("base64url")
    .slice(0, 27);
  const headers = new Headers({ ETag: `"${hash}"`, "Cache-Control": `public, max-age=${MAX_AGE_SECONDS}` });
  if (kind === "page") {
    headers.set("Vary", "Cookie, Accept-Language");
    // A signed-in person's page shows their name: only their own browser may keep it.
    if (/(^|;\s*)imr_session=/.test(request.headers.get("Cookie") ?? "")) headers.set("Cache-Control", `private, max-age=${MAX_AGE_SECONDS}`);
  }
  if (matches(request.headers.get("If-None-Match"), `"${hash}"`)) throw new Response(null, { status: 304, headers });
  return headers;
}

/** If-None-Match as RFC 9110 reads it: "*", or a list of tags compared weakly. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
