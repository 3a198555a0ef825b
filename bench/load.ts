/**
 * The coordinator's deadlines dashboard under load (`npm run bench:load`):
 * requests a second at 32 concurrent clients, beside two bare routes of the
 * same server: `/login`, a page through the same rendering with no data of
 * its own, and `/healthz`, JSON. Target: the dashboard serves at least 0.40×
 * the requests a second of the bare page (`/login`); its p50 and p95 are
 * printed.
 *
 * The server is the production build (BUILD_DIR, built when missing or when
 * BENCH_REBUILD=1) in its own process, on a throwaway embedded PostgreSQL
 * holding the demo data (plus BENCH_CASES more open cases, when set), with
 * no job worker. The load comes from autocannon in this process, over
 * keep-alive connections on loopback; client and server share the machine's
 * CPUs. Each route is warmed up first, then measured for BENCH_SECONDS
 * (default 10). The server's CPU time per request is printed beside each
 * route: on a busy machine it says more than requests a second do.
 * BENCH_CPU_PROFILE=<dir> writes the server's CPU profile.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { connectDatabase, db, disconnectDatabase } from "~/server/db.server";
import { freePort, startEmbeddedDatabase } from "~/server/embedded-database.server";
import { startSession } from "~/server/session.server";
import { fillCases } from "./fill-cases";
import { benchSecrets, ensureBuild, startServer, stopServer, waitUntilServing } from "./production-server";

const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
const EXTRA_CASES = Number(process.env.BENCH_CASES ?? 0);
const TARGET_RATIO = 0.4;
/** Linux's USER_HZ on every architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

ensureBuild();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-bench-load-"));
fs.chmodSync(dir, 0o777);
const database = await startEmbeddedDatabase({ dir: path.join(dir, "pg"), port: await freePort(), password: "bench", database: "bench" });
let server: ChildProcess | undefined;
try {
  const { sessionSecret, documentKey } = benchSecrets();
  const port = await freePort();
  // The server migrates and seeds the demo data on its first start.
  server = startServer({
    port,
    databaseUrl: database.appUrl,
    migrationDatabaseUrl: database.url,
    dataDir: path.join(dir, "data"),
    sessionSecret,
    documentKey,
    demoData: true,
  });
  await waitUntilServing(port, server);
  connectDatabase(database.url);
  if (EXTRA_CASES > 0) await fillCases(database.url, EXTRA_CASES);
  const coordinator = await db.user.findUniqueOrThrow({ where: { email: "coordinator@imr.example" } });
  const setCookie = await startSession(coordinator.id, new Request("http://localhost/login", { headers: { "x-imr-client-ip": "127.0.0.1" } }));
  const cookie = setCookie.split(";")[0]!;
  const openCases = await db.case.count({ where: { closedAt: null, submittedAt: { not: null } } });
  console.log(`Demo data${EXTRA_CASES ? ` and ${EXTRA_CASES.toLocaleString("en-US")} more cases` : ""}: ${openCases} open cases.`);

  const routes: { name: string; path: string; headers: Record<string, string> }[] = [
    { name: "/healthz", path: "/healthz", headers: {} },
    { name: "/login", path: "/login", headers: {} },
    { name: "dashboard (/iro)", path: "/iro", headers: { cookie } },
  ];
  console.log(`\n${CONNECTIONS} concurrent clients, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s each.`);
  console.log(
    pad("route", 20) + pad("req/s", 10) + pad("p50 ms", 10) + pad("p95 ms", 10) + pad("p99 ms", 10) + pad("KiB/resp", 10) + pad("CPU ms/req", 12) + "non-2xx",
  );
  const results: Record<string, Measured> = {};
  for (const route of routes) {
    const url = `http://127.0.0.1:${port}${route.path}`;
    await load(url, route.headers, WARMUP_SECONDS);
    const cpuBefore = cpuMs(server.pid!);
    const result = await load(url, route.headers, SECONDS);
    const cpuPerRequest = (cpuMs(server.pid!) - cpuBefore) / Math.max(1, result.requests.total);
    results[route.name] = result;
    console.log(
      pad(route.name, 20) +
        pad(result.requests.average.toFixed(0), 10) +
        pad(percentile(result.latencies, 0.5).toFixed(0), 10) +
        pad(percentile(result.latencies, 0.95).toFixed(0), 10) +
        pad(percentile(result.latencies, 0.99).toFixed(0), 10) +
        pad((result.throughput.total / Math.max(1, result.requests.total) / 1024).toFixed(1), 10) +
        pad(cpuPerRequest.toFixed(2), 12) +
        String(result.non2xx + result.errors),
    );
  }
  const dashboard = results["dashboard (/iro)"]!;
  const ratio = dashboard.requests.average / results["/login"]!.requests.average;
  const toJson = dashboard.requests.average / results["/healthz"]!.requests.average;
  console.log(`\nDashboard p95 at ${CONNECTIONS} clients: ${percentile(dashboard.latencies, 0.95).toFixed(0)} ms.`);
  console.log(`Dashboard / /healthz: ${toJson.toFixed(2)}×.`);
  console.log(
    `Dashboard / bare page (/login): ${ratio.toFixed(2)}× (target ≥ ${TARGET_RATIO.toFixed(2)}×) — ${ratio >= TARGET_RATIO && dashboard.non2xx === 0 ? "met" : "NOT met"}.`,
  );
} finally {
  if (server) await stopServer(server);
  await disconnectDatabase();
  await database.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

type Measured = autocannon.Result & { latencies: number[] };

/** Every response's time is kept, for exact percentiles (autocannon's summary has no p95). */
async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Measured> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, headers, connections: CONNECTIONS, duration: seconds }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return { ...result, latencies: latencies.sort((a, b) => a - b) };
}

/** The server process's CPU time so far (user and system), from /proc: what a request costs, whatever else the machine runs. */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

function pad(text: string, width: number): string {
  return text.padEnd(width);
}
