/** Node's codes for a connection that could not be made or was cut. */
const CONNECTION_ERROR_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND"]);

/**
 * Whether `error` says the database cannot be reached right now (stopped,
 * restarting, refusing connections, the connection cut), not that a query was
 * wrong: PostgreSQL's classes 08 (connection exception) and 57P (operator
 * intervention: shutting down, starting up), a socket error, or pg's and
 * Prisma's words for the same.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string" && (/^(08|57P)/.test(code) || CONNECTION_ERROR_CODES.has(code))) return true;
  return typeof message === "string" && /Connection terminated|timeout exceeded when trying to connect|Can't reach database server/.test(message);
}
