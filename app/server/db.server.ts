import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/.server/prisma/client";
import { log } from "./log.server";

export { Prisma } from "~/.server/prisma/client";
export type Db = PrismaClient;
/** A client inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

let client: PrismaClient | undefined;
let connectedUrl: string | undefined;

/**
 * Connects the one Prisma client of this process. The pool reconnects by
 * itself, so the app survives a database restart without being restarted.
 */
export function connectDatabase(url: string): PrismaClient {
  if (client && connectedUrl === url) return client;
  const adapter = new PrismaPg(
    { connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: 5_000 },
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
