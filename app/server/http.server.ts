import crypto from "node:crypto";
import type { Server } from "node:http";
import type { Socket } from "node:net";
import type { NextFunction, Request, Response } from "express";
import { matchPath, type ServerBuild } from "react-router";
import { APPLICANT_FILE_LIMIT_BYTES } from "~/domain/documents/limits";
import { config } from "./config.server";

/** A page for refusals that happen before React Router runs. */
function plainPage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem"><main><h1>${title}</h1><p>${message}</p><p><a href="/">Go to the portal's home page</a></p></main></body></html>`;
}

/**
 * The client's address as the audit log records it. Headers a client sends
 * under our name are dropped, so nobody can write someone else's address.
 */
export function clientAddress(req: Request, _res: Response, next: NextFunction) {
  req.headers["x-imr-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "";
  next();
}

/**
 * Security headers on every response; the nonce lets only our own scripts
 * run. No page may be framed, not even by the portal: documents are read in
 * the record viewer, which draws them itself (pdf.js, its worker ours).
 */
export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  const development = !config().isProduction;
  const scriptSrc = development ? `'self' 'unsafe-inline'` : `'self' 'nonce-${nonce}' 'strict-dynamic'`;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src ${scriptSrc}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "worker-src 'self' blob:",
      `connect-src 'self'${development ? " ws: wss:" : ""}`,
      "frame-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (config().isProduction) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a state-changing request sent by another site's page (CSRF). The
 * API is exempt: it authenticates with a bearer key, never a cookie.
 */
export function sameOriginOnly(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || req.path.startsWith("/api/")) return next();
  const origin = req.get("origin");
  const ownOrigins = new Set([`${req.protocol}://${req.get("host")}`, config().appUrl]);
  const fetchSite = req.get("sec-fetch-site");
  const crossSite = origin ? !ownOrigins.has(origin) : fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none";
  if (crossSite) {
    res
      .status(403)
      .type("html")
      .send(plainPage("Request refused", "This form was sent from another website, so it was not accepted. Open the portal and try again from there."));
    return;
  }
  next();
}

/** The longest address the portal reads (Node itself stops at its 16 KiB header limit). */
export const MAX_URL_BYTES = 8 * 1024;

/** The largest body a form may send; uploads have limits of their own. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Limits other than MAX_BODY_BYTES: smaller where nothing long is ever
 * sent (the sign-in and account forms, which anyone may post, and the
 * API's JSON), one file's worth where a form carries one.
 */
export const BODY_LIMITS: readonly { paths: RegExp; bytes: number; what: string }[] = [
  {
    paths: /^\/(login|logout|signup|forgot-password|reset-password|invitation|verify-email|account|confirm-identity)\/?$/,
    bytes: 64 * 1024,
    what: "A sign-in or account form",
  },
  { paths: /^\/api\//, bytes: 256 * 1024, what: "An API call" },
  // Without JavaScript, the documents step and an answer send the chosen file with their buttons (the uploader's fallback).
  { paths: /^\/requests\/[^/]+\/edit\/documents(\.data)?\/?$/, bytes: APPLICANT_FILE_LIMIT_BYTES + 64 * 1024, what: "The documents step" },
  { paths: /^\/requests\/[^/]+\/information\/[^/]+(\.data)?\/?$/, bytes: APPLICANT_FILE_LIMIT_BYTES + 64 * 1024, what: "An answer" },
];

function bodyLimit(path: string): { bytes: number; what: string } {
  return BODY_LIMITS.find((limit) => limit.paths.test(path)) ?? { bytes: MAX_BODY_BYTES, what: "A form" };
}

/** Uploads stream their body and count it against their own limit (documents, a letter to verify). */
const STREAMED_UPLOADS = [/^\/documents\/?$/, /^\/api\/v1\/cases\/[^/]+\/documents\/?$/, /^\/verify\/?$/];

/** A refusal before React Router runs: problem+json for the API, a page for people. */
function refuse(req: Request, res: Response, status: number, title: string, message: string, headers: Record<string, string> = {}) {
  res.set(headers);
  if (req.path.startsWith("/api/")) {
    res
      .status(status)
      .type("application/problem+json")
      .set("Cache-Control", "no-store")
      .send(JSON.stringify({ type: "about:blank", title, status, detail: message }));
  } else {
    res.status(status).type("html").send(plainPage(title, message));
  }
}

/**
 * Refuses a request whose address or body the portal will not read, before
 * anything reads it: an address that is not a path (`OPTIONS *`), too long
 * (414), or holding a NUL byte; a body over its limit (413: BODY_LIMITS,
 * else MAX_BODY_BYTES), or of unknown length (411), except for the uploads
 * that stream and count theirs. Node reads no more than the length declared.
 */
export function refuseUnreadableRequests(req: Request, res: Response, next: NextFunction) {
  const url = req.originalUrl;
  if (!url.startsWith("/")) return refuse(req, res, 400, "Bad request", "The request must name a path on this site, such as /login.");
  if (Buffer.byteLength(url) > MAX_URL_BYTES) {
    return refuse(
      req,
      res,
      414,
      "Address too long",
      `Addresses on this site are at most ${MAX_URL_BYTES} bytes long. Shorten the search or the filter and try again.`,
    );
  }
  if (/%00/.test(url) || !decodes(url)) return refuse(req, res, 400, "Bad request", "The address holds a NUL byte or a broken %-escape.");
  if (req.method === "GET" || req.method === "HEAD" || STREAMED_UPLOADS.some((path) => path.test(req.path))) return next();
  const length = req.get("content-length");
  if (length === undefined && req.get("transfer-encoding") !== undefined) {
    return refuse(req, res, 411, "Length required", "Send the body with a Content-Length header.");
  }
  const limit = bodyLimit(req.path);
  if (Number(length ?? 0) > limit.bytes) {
    lingerOnClose(req.socket);
    return refuse(req, res, 413, "Request too large", `${limit.what} may send at most ${limit.bytes / 1024} KiB. Upload files through the document upload.`, {
      Connection: "close",
    });
  }
  next();
}

/** How long the client of a refused body has to read the answer before the connection is cut. */
const LINGER_MS = 2_000;

/**
 * A lingering close, for a body refused while it is still arriving. Closing
 * the socket with unread bytes in it makes the kernel reset the connection,
 * and the client loses the answer already sent (the bench showed 30 of 32
 * concurrent 50 MB posts getting a reset rather than the 413). So once the
 * answer is out our side closes (FIN after the answer), reading stops, so
 * what still arrives waits in the kernel's buffer and never in ours, and the
 * socket goes when the client closes or after LINGER_MS. Node calls
 * `destroySoon` when it closes after a `Connection: close` answer.
 */
function lingerOnClose(socket: Socket): void {
  stopReading(socket);
  socket.destroySoon = () => {
    socket.end();
    // Node resumed the request to drain it just before; drained, it would pass every byte through JavaScript.
    stopReading(socket);
    const cut = setTimeout(() => socket.destroy(), LINGER_MS);
    cut.unref();
    socket.once("close", () => clearTimeout(cut));
  };
}

/** Stops reading the socket: `pause()` leaves Node's HTTP parser reading its handle, so only the handle can. */
function stopReading(socket: Socket): void {
  (socket as Socket & { _handle?: { readStop?: () => number } | null })._handle?.readStop?.();
}

/**
 * Requests Node refuses before Express sees them (over its 16 KiB header
 * limit, too slow, or not HTTP) get an answer with a body too: 414 when the
 * request line overflowed, 431 for other headers, 408 for a timeout, 400
 * for the rest.
 */
export function answerClientErrors(server: Server): void {
  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) => {
    if (!socket.writable || error.code === "ECONNRESET") return void socket.destroy();
    // The request line is what overflowed when it has not ended within the address limit.
    const requestLine = error.rawPacket?.indexOf("\r\n") ?? -1;
    const [status, reason, message] =
      error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Request Timeout", "The request took too long to arrive."]
        : error.code !== "HPE_HEADER_OVERFLOW"
          ? [400, "Bad Request", "The request could not be read."]
          : requestLine === -1 || requestLine > MAX_URL_BYTES
            ? [414, "URI Too Long", `Addresses on this site are at most ${MAX_URL_BYTES} bytes long.`]
            : [431, "Request Header Fields Too Large", "The request's headers are too large."];
    const body = plainPage(reason, message);
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

function decodes(url: string): boolean {
  try {
    decodeURIComponent(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * An API resource asked with a method it does not answer: 405 as
 * problem+json, with the methods it does answer in Allow (GET and HEAD for a
 * loader, POST for an action). Unknown addresses go on to the API's 404.
 */
export function apiMethods(build: ServerBuild | (() => Promise<ServerBuild>)) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith("/api/")) return next();
    try {
      const { routes } = typeof build === "function" ? await build() : build;
      const resource = Object.values(routes).find(
        (route) => route?.path?.startsWith("api/") && !route.path.endsWith("*") && matchPath({ path: `/${route.path}`, end: true }, req.path),
      );
      if (!resource) return next();
      const allowed = [...(resource.module.loader ? ["GET", "HEAD"] : []), ...(resource.module.action ? ["POST"] : [])];
      if (allowed.includes(req.method)) return next();
      refuse(req, res, 405, "Method not allowed", `${req.path} answers ${allowed.join(", ")}, not ${req.method}.`, { Allow: allowed.join(", ") });
    } catch (error) {
      next(error);
    }
  };
}

export function notFoundPage(_req: Request, res: Response) {
  res.status(404).type("html").send(plainPage("Page not found", "There is nothing at this address."));
}

/** Last resort: log it, and never show a stack trace. */
export function serverErrorHandler(log: (error: unknown) => void) {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    log(error);
    if (res.headersSent) return;
    res.status(500).type("html").send(plainPage("Something went wrong", "The portal could not complete this request. Please try again in a moment."));
  };
}
