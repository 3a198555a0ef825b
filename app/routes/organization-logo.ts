import type { Route } from "./+types/organization-logo";
import { organizationLogo } from "~/server/organization/organization-branding.server";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * GET /organization-logo?v=<fingerprint> — the logo the header shows, to anyone (it
 * is on every page, signed in or not). Its address holds its fingerprint, so
 * a browser keeps it for a year and a new logo has a new address; an older
 * address answers the current logo, checked again each time.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const logo = await organizationLogo();
  if (!logo) return new Response("No logo", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const etag = `"${logo.sha256}"`;
  const headers = new Headers({
    ETag: etag,
    "Cache-Control": new URL(request.url).searchParams.get("v") === logo.sha256 ? `public, max-age=${YEAR_SECONDS}, immutable` : "no-cache",
    // An image, never a page: nothing in it may run or be framed, whatever its bytes say.
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "same-origin",
  });
  if (
    request.headers
      .get("If-None-Match")
      ?.split(",")
      .some((tag) => tag.trim() === etag)
  )
    return new Response(null, { status: 304, headers });
  headers.set("Content-Type", logo.contentType);
  headers.set("Content-Length", String(logo.bytes.byteLength));
  return new Response(logo.bytes, { headers });
}
