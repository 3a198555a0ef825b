/**
 * Errors a server operation throws on purpose. Routes let them through:
 * `routeHandler` (route-answers.server.ts) turns them into a status page or,
 * for a form, a message by its field; the API into problem+json. Either way
 * the right status and a message a person can act on.
 */
export type AppErrorCode = "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS";

const STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = "This page") => new AppError("NOT_FOUND", `${what} was not found.`);
export const conflict = (message = "This case changed while you were working on it. Reload the page and try again.") => new AppError("CONFLICT", message);

/** The Response whose throwing renders the matching error page (404, 403, 409...). */
export function toResponse(error: AppError): Response {
  return new Response(error.message, { status: error.status, statusText: error.message });
}
