/**
 * The production build as the benches run it: built when missing (or when
 * BENCH_REBUILD=1) into BUILD_DIR, started in a process of its own on a
 * throwaway database and data folder, with no job worker, and stopped as
 * `npm start` is; or the job worker alone, as `npm run worker` starts it.
 * BENCH_CPU_PROFILE=<dir> writes the server's CPU profile.
 */
import { execSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { setSecrets } from "~/server/secrets.server";

const buildDir = process.env.BUILD_DIR ?? "build";

export function ensureBuild(): void {
  if (fs.existsSync(path.join(buildDir, "server", "index.js")) && process.env.BENCH_REBUILD !== "1") return;
  console.log(`Building the app into ${buildDir}/ ...`);
  execSync("npx react-router build", { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, BUILD_DIR: buildDir } });
}

/** Fresh secrets for one bench run, set in this process too, so the sessions it starts sign in on the server. */
export function benchSecrets(): { sessionSecret: string; documentKey: string } {
  const sessionSecret = crypto.randomBytes(32).toString("base64url");
  const documentKey = crypto.randomBytes(32).toString("base64");
  setSecrets({ sessionSecret, documentKey, embeddedDatabasePassword: "bench" });
  return { sessionSecret, documentKey };
}

export interface ServerOptions {
  port: number;
  /** The portal's own role: what the server connects as. */
  databaseUrl: string;
  /** The tables' owner: the server migrates with it at its start. Unset: the database must be migrated already. */
  migrationDatabaseUrl?: string;
  dataDir: string;
  sessionSecret: string;
  documentKey: string;
  /** Load the demo data into the empty database at the first start. */
  demoData?: boolean;
  /** `serve` (the default: the portal, without its job worker) or `worker` (the job worker alone). */
  command?: "serve" | "worker";
}

export function startServer(options: ServerOptions): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl,
    DATA_DIR: options.dataDir,
    SESSION_SECRET: options.sessionSecret,
    DOCUMENT_ENCRYPTION_KEY: options.documentKey,
    BUILD_DIR: buildDir,
    LOG_LEVEL: "silent",
    // Only the web process is measured.
    IN_PROCESS_WORKER: "false",
  };
  delete env.SMTP_URL;
  if (options.migrationDatabaseUrl) env.MIGRATION_DATABASE_URL = options.migrationDatabaseUrl;
  else delete env.MIGRATION_DATABASE_URL;
  if (options.demoData) env.SEED_DEMO_DATA = "true";
  else delete env.SEED_DEMO_DATA;
  const entry = JSON.stringify(path.resolve(buildDir, "server", "index.js"));
  const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE)}`] : [];
  return spawn(
    process.execPath,
    [...profile, "--input-type=module", "-e", `import(${entry}).then((m) => m.main(${JSON.stringify(options.command ?? "serve")}))`],
    {
      env,
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
}

/** Until /healthz answers 200; the first start migrates (and seeds the demo data) before it listens. */
export async function waitUntilServing(port: number, child: ChildProcess, withinMs = 120_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not answer /healthz within ${withinMs / 1000} s`);
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
