import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/.server/prisma/client";
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
let connectedUrl: string | undefined;

/**
 * Connects the one Prisma client of this process. Its pool holds at most
 * DATABASE_POOL_SIZE connections and opens new ones as queries need them, so
 * the app survives a database outage or restart without being restarted.
 */
export function connectDatabase(url: string): PrismaClient {
  if (client && connectedUrl === url) return client;
  const adapter = new PrismaPg(
    { connectionString: url, max: config().databasePoolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: "imr-portal" },
    { onPoolError: (error) => log.warn("database connection lost", { error: error.message }) },
  );
  client = new PrismaClient({ adapter });
  connectedUrl = url;
  return client;
}

export function databaseUrl(): string {
  if (!connectedUrl) throw new Error("The database is not connected yet");
  return connectedUrl;
}

export async function disconnectDatabase(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
  connectedUrl = undefined;
}

/** The process's Prisma client; every server module imports this. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    if (!client) throw new Error("The database is not connected yet");
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
