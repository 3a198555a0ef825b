/**
 * The production build (BUILD_DIR, made by `npm run build`) run as `npm start`
 * and `npm run worker` run it, each in a process of its own, for the tests
 * that kill processes or run several at once (tests/crashes, tests/cluster).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "~/server/embedded-database.server";
import { waitFor } from "./wait-for";

/** A process starting on a busy machine (two cores shared with the rest of `npm test`) is up within this. */
const STARTS_WITHIN_MS = 60_000;
const buildDir = path.resolve(process.env.BUILD_DIR ?? "build");
const serverEntry = path.join(buildDir, "server", "index.js");

export interface PortalProcess {
  process: ChildProcess;
  /** Where an app server listens; 0 for a worker. */
  port: number;
  /** What it printed, for the failure message when it does not start. */
  output: string[];
}

/** Fails with what to do when there is no production build to run. */
export function assertBuilt(): void {
  if (!fs.existsSync(serverEntry)) throw new Error(`No production build at ${serverEntry}: run \`npm run build\` (with the same BUILD_DIR) first`);
}

/**
 * `serve` (an app server on a free port, answering /healthz once this
 * resolves) or `worker` (the job worker alone, its queues started once this
 * resolves), with `env` over this process's environment.
 */
export async function startPortalProcess(command: "serve" | "worker", env: NodeJS.ProcessEnv): Promise<PortalProcess> {
  const port = command === "serve" ? await freePort() : 0;
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", BUILD_DIR: buildDir, ...env };
  delete childEnv.SEED_DEMO_DATA;
  delete childEnv.PORT;
  if (command === "serve") childEnv.PORT = String(port);
  // The worker says it started at the info level.
  else childEnv.LOG_LEVEL = "info";
  const child = spawn(
    process.execPath,
    ["--input-type=module", "-e", `import(${JSON.stringify(serverEntry)}).then((m) => m.main(${JSON.stringify(command)}))`],
    {
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const started: PortalProcess = { process: child, port, output: [] };
  child.stdout!.setEncoding("utf8").on("data", (text: string) => started.output.push(text));
  child.stderr!.setEncoding("utf8").on("data", (text: string) => started.output.push(text));
  const up =
    command === "serve"
      ? () =>
          fetch(`http://127.0.0.1:${port}/healthz`).then(
            (response) => response.ok,
            () => false,
          )
      : () => started.output.join("").includes("job worker started");
  try {
    await waitFor(
      command === "serve" ? "the portal to answer /healthz" : "the job worker to start",
      async () => {
        if (child.exitCode !== null) throw new Error(`The ${command} process exited with code ${child.exitCode}`);
        return up();
      },
      STARTS_WITHIN_MS,
    );
  } catch (error) {
    await stopPortalProcess(started, "SIGKILL");
    throw new Error(`${(error as Error).message}\n${started.output.join("")}`);
  }
  return started;
}

/** SIGKILL: the process dies at once, as in a crash, and runs none of its cleanup. SIGTERM: it shuts down as it would be stopped. */
export async function stopPortalProcess(running: PortalProcess, signal: "SIGKILL" | "SIGTERM"): Promise<void> {
  if (running.process.exitCode !== null || running.process.signalCode !== null) return;
  const exited = once(running.process, "exit");
  running.process.kill(signal);
  await exited;
}
