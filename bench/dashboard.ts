/**
 * The SLA dashboard's query over 100,000 cases (`npm run bench:dashboard`):
 * p50 and p95 of the page the coordinators load, through Prisma as the app
 * runs it, beside the same statement sent over plain pg. Target: Prisma at
 * most 3× the plain driver at p95.
 *
 * Runs on a throwaway embedded PostgreSQL filled by bench/fill-cases.ts, so
 * it never touches ./data. BENCH_CASES changes the number of cases.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { DashboardFilter } from "~/schemas/dashboard";
import { dashboardPageSql, dashboardRows } from "~/server/dashboard/sla-dashboard.server";
import { connectDatabase, db, disconnectDatabase } from "~/server/db.server";
import { freePort, startEmbeddedDatabase } from "~/server/embedded-database.server";
import { migrate, readMigrations } from "~/server/migrate.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { fillCases } from "./fill-cases";
import { measurePair, pad, percentile } from "./paired-timing";

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const WARMUP = 20;
const RUNS = 200;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-bench-"));
fs.chmodSync(dir, 0o777);
const database = await startEmbeddedDatabase({ dir: path.join(dir, "pg"), port: await freePort(), password: "bench", database: "bench" });
const sql = new pg.Client({ connectionString: database.url });
try {
  await migrate(database.url, readMigrations(path.resolve("prisma", "migrations")));
  connectDatabase(database.url);
  await ensureReferenceData();
  const started = performance.now();
  await fillCases(database.url, CASES);
  console.log(`Filled ${CASES.toLocaleString("en-US")} cases in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  await sql.connect();

  const plan = (await db.healthPlan.findFirstOrThrow({ where: { name: { startsWith: "Bench Plan" } } })).id;
  const coordinator = (await db.user.findFirstOrThrow({ where: { email: { startsWith: "bench-coordinator-" } } })).id;
  const now = new Date();
  const base: DashboardFilter = { page: 1 } as DashboardFilter;
  const scenarios: { name: string; filter: DashboardFilter }[] = [
    { name: "all open, page 1", filter: base },
    { name: "all open, page 40", filter: { ...base, page: 40 } },
    { name: "expedited", filter: { ...base, track: "EXPEDITED" } },
    { name: "at risk", filter: { ...base, risk: "at_risk" } },
    { name: "overdue", filter: { ...base, risk: "overdue" } },
    { name: "one plan", filter: { ...base, plan } },
    { name: "one coordinator", filter: { ...base, assignee: coordinator } },
    { name: "status IN_REVIEW", filter: { ...base, status: "IN_REVIEW" } },
  ];

  console.log(`\n${RUNS} runs each after ${WARMUP} warm-up runs; milliseconds.`);
  console.log(pad("query", 22) + pad("prisma p50", 12) + pad("prisma p95", 12) + pad("sql p50", 10) + pad("sql p95", 10) + "p95 ratio");
  const ratios: number[] = [];
  for (const scenario of scenarios) {
    const [prisma, raw] = await measurePair(
      () => dashboardRows(scenario.filter, now),
      () => rawDashboardRows(sql, scenario.filter, now),
      { warmup: WARMUP, runs: RUNS },
    );
    const ratio = percentile(prisma, 0.95) / percentile(raw, 0.95);
    ratios.push(ratio);
    console.log(
      pad(scenario.name, 22) +
        pad(percentile(prisma, 0.5).toFixed(2), 12) +
        pad(percentile(prisma, 0.95).toFixed(2), 12) +
        pad(percentile(raw, 0.5).toFixed(2), 10) +
        pad(percentile(raw, 0.95).toFixed(2), 10) +
        `${ratio.toFixed(2)}×`,
    );
  }
  const worst = Math.max(...ratios);
  console.log(`\nWorst p95 ratio Prisma/SQL: ${worst.toFixed(2)}× (target ≤ 3×) — ${worst <= 3 ? "met" : "NOT met"}.`);
} finally {
  await sql.end().catch(() => undefined);
  await disconnectDatabase();
  await database.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The very statement dashboardRows sends through Prisma, sent over plain pg. */
async function rawDashboardRows(client: pg.Client, filter: DashboardFilter, now: Date) {
  const statement = dashboardPageSql(filter, now);
  const result = await client.query(statement.text, statement.values as unknown[]);
  return result.rows;
}
