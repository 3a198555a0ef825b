import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
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

/** Security headers on every response; the nonce lets only our own scripts run. */
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
