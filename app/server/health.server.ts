import type { ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { db } from "./db.server";
import { documentStorage } from "./documents/storage.server";
import { jobQueueHealth, mailTransport } from "./jobs.server";
import { log } from "./log.server";

interface Check {
  ok: boolean;
  detail: string;
}

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What /healthz tells anyone who asks: each part up or not, in words that
 * name no host, port, folder or account. Why a part is down goes to the log,
 * for the operators.
 */
export async function healthReport(): Promise<{ status: "ok" | "degraded" | "down"; database: Check; jobs: Check; mail: Check }> {
  const [database, jobs, mail] = await Promise.all([
    within(3_000, db.$queryRaw`SELECT 1`).then(
      () => ({ ok: true, detail: "PostgreSQL answered" }),
      (error: Error) => down("database", "PostgreSQL unreachable", error),
    ),
    reported("jobs", "job queue not answering", jobQueueHealth()),
    reported("mail", "mail transport not working", mailTransport().check()),
  ]);
  const status = !database.ok ? "down" : jobs.ok && mail.ok ? "ok" : "degraded";
  return { status, database, jobs, mail };
}

function reported(part: string, words: string, check: Promise<Check>): Promise<Check> {
  return within(3_000, check).then(
    (result) => (result.ok ? result : down(part, words, new Error(result.detail))),
    (error: Error) => down(part, words, error),
  );
}

function down(part: string, words: string, error: Error): Check {
  log.warn(`health check: ${words}`, { part, error: error.message });
  return { ok: false, detail: words };
}

let draining = false;
/** Answers not yet begun: told to close their connection when draining starts. */
const answering = new Set<ServerResponse>();

/** From now on /readyz answers 503: the load balancer stops sending requests while those in flight finish. */
export function stopBeingReady(): void {
  draining = true;
  for (const response of answering) if (!response.headersSent) response.setHeader("Connection", "close");
}

/**
 * While draining, every answer closes its connection, those in flight when
 * it began too: a proxy that keeps connections open to this process opens
 * its next one to another server, instead of keeping this one busy until the
 * shutdown's time runs out.
 */
export const closeConnectionsWhileDraining: RequestHandler = (_req, res, next) => {
  if (draining) {
    res.setHeader("Connection", "close");
  } else {
    answering.add(res);
    res.once("close", () => answering.delete(res));
  }
  next();
};

/**
 * What /readyz tells a load balancer: whether this process should get
 * requests now. Every part it needs must answer (the database, the
 * document storage, the job queue), and it must not be shutting down.
 */
export async function readinessReport(): Promise<{ ready: boolean; shuttingDown: boolean; database: Check; storage: Check; jobs: Check }> {
  const [database, storage, jobs] = await Promise.all([
    within(3_000, db.$queryRaw`SELECT 1`).then(
      () => ({ ok: true, detail: "PostgreSQL answered" }),
      (error: Error) => down("database", "PostgreSQL unreachable", error),
    ),
    within(3_000, documentStorage().check()).then(
      () => ({ ok: true, detail: "document storage readable and writable" }),
      (error: Error) => down("storage", "document storage not available", error),
    ),
    reported("jobs", "job queue not answering", jobQueueHealth()),
  ]);
  return { ready: !draining && database.ok && storage.ok && jobs.ok, shuttingDown: draining, database, storage, jobs };
}
