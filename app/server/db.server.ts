import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma as PrismaTypes } from "~/.server/prisma/client";
import { config } from "./config.server";
import { log } from "./log.server";

export { Prisma } from "~/.server/prisma/client";
export type Db = PrismaClient;
/** A client inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * A query waits at most this long for a connection: while the database is
 * down, requests fail within seconds instead of piling up.
 */
const CONNECT_TIMEOUT_MS = 5_000;

let client: PrismaClient | undefined;
let pool: pg.Pool | undefined;
let connectedUrl: string | undefined;

/**
 * Connects the one Prisma client of this process. Its pool holds at most
 * DATABASE_POOL_SIZE connections and opens new ones as queries need them, so
 * the app survives a database outage or restart without being restarted.
 */
export function connectDatabase(url: string): PrismaClient {
  if (client && connectedUrl === url) return client;
  pool = new pg.Pool({ connectionString: url, max: config().databasePoolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: "imr-portal" });
  pool.on("error", (error) => log.warn("database connection lost", { error: error.message }));
  // A transaction waits its turn for a connection as long as a new connection may take
  // (Prisma's own 2 s gives up under a burst: every case change also waits on the audit chain's head).
  client = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: CONNECT_TIMEOUT_MS } });
  connectedUrl = url;
  return client;
}

export function databaseUrl(): string {
  if (!connectedUrl) throw new Error("The database is not connected yet");
  return connectedUrl;
}

export async function disconnectDatabase(): Promise<void> {
  await client?.$disconnect();
  // Prisma leaves a pool it was handed to its owner.
  await pool?.end();
  client = undefined;
  pool = undefined;
  connectedUrl = undefined;
}

/**
 * The rows of a read sent straight to PostgreSQL, on the pool Prisma uses:
 * only for the reads of every page view (the session, the coordinators'
 * dashboard). Prisma 6 plans even a raw query with its query compiler, about
 * a millisecond of CPU each (ADR 0012). Values come as pg gives them: counts
 * (bigint) as strings, timestamps as Dates, json parsed.
 */
export async function readRows<Row>(query: PrismaTypes.Sql): Promise<Row[]> {
  if (!pool) throw new Error("The database is not connected yet");
  return (await pool.query(query.text, query.values)).rows as Row[];
}

/** The process's Prisma client; every server module imports this. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    if (!client) throw new Error("The database is not connected yet");
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
