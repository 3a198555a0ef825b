/**
 * The public library's search over 500,000 published decisions
 * (`npm run bench:decisions`): p50 and p95 of keyword-plus-filters queries
 * as /decisions runs them (`searchLibrary`: the page of results and every
 * facet's counts, on two connections at once), beside the same two
 * statements sent one after the other over plain pg, timed turn about. Target: p95 ≤ 200 ms with the facets.
 *
 * Runs on a throwaway embedded PostgreSQL filled by bench/fill-decisions.ts,
 * so it never touches ./data. BENCH_DECISIONS changes the number of decisions.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { LIBRARY_FILTERS, type LibraryFilter, type LibraryQuery } from "~/schemas/library";
import { connectDatabase, disconnectDatabase } from "~/server/db.server";
import { freePort, startEmbeddedDatabase } from "~/server/embedded-database.server";
import { migrate, readMigrations } from "~/server/migrate.server";
import { facetStatement, resultPageStatement, searchLibrary } from "~/server/publication/library.server";
import { fillDecisions } from "./fill-decisions";
import { measurePair, pad, percentile } from "./paired-timing";

const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 500_000);
const WARMUP = 5;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const TARGET_MS = 200;

const none = () => Object.fromEntries(LIBRARY_FILTERS.map((filter) => [filter, []])) as unknown as Record<LibraryFilter, string[]>;
const query = (q: string, filters: Partial<Record<LibraryFilter, string[]>>, sort: LibraryQuery["sort"] = q ? "relevance" : "newest"): LibraryQuery => ({
  q,
  sort,
  page: 1,
  filters: { ...none(), ...filters },
});

const QUERIES: { name: string; query: LibraryQuery }[] = [
  { name: "common keyword + year", query: query("knee replacement", { year: ["2020"] }) },
  { name: "keyword + 3 filters", query: query("medically necessary", { outcome: ["OVERTURNED"], track: ["STANDARD"], ageRange: ["65+"] }) },
  { name: "rare keyword", query: query("adalimumab", {}) },
  { name: "keyword, page 50", query: { ...query("proton therapy", {}), page: 50 } },
  { name: "filters, no keyword", query: query("", { diagnosisCategory: ["Cancer"], gender: ["FEMALE"] }) },
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-bench-"));
fs.chmodSync(dir, 0o777);
const database = await startEmbeddedDatabase({ dir: path.join(dir, "pg"), port: await freePort(), password: "bench", database: "bench" });
const sql = new pg.Client({ connectionString: database.url });
try {
  await migrate(database.url, readMigrations(path.resolve("prisma", "migrations")));
  const started = performance.now();
  await fillDecisions(database.url, DECISIONS);
  console.log(`Filled ${DECISIONS.toLocaleString("en-US")} published decisions in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  connectDatabase(database.url);
  await sql.connect();
  const raw = (statement: ReturnType<typeof resultPageStatement>) => sql.query(statement.text, statement.values as unknown[]);

  console.log(
    `\n${RUNS} runs each after ${WARMUP} warm-up runs; milliseconds. "app" is searchLibrary (results and facets, on two connections at once); "sql" the same two statements over plain pg, one after the other.`,
  );
  console.log(pad("query", 26) + pad("found", 9) + pad("app p50", 10) + pad("app p95", 10) + pad("sql p50", 10) + pad("sql p95", 10) + `p95 ≤ ${TARGET_MS} ms`);
  let worst = 0;
  for (const { name, query } of QUERIES) {
    let found = 0;
    const [app, plain] = await measurePair(
      async () => {
        found = (await searchLibrary(query)).total;
      },
      () => Promise.all([raw(resultPageStatement(query)), raw(facetStatement(query))]),
      { warmup: WARMUP, runs: RUNS },
    );
    const p95 = percentile(app, 0.95);
    worst = Math.max(worst, p95);
    console.log(
      pad(name, 26) +
        pad(String(found), 9) +
        pad(percentile(app, 0.5).toFixed(1), 10) +
        pad(p95.toFixed(1), 10) +
        pad(percentile(plain, 0.5).toFixed(1), 10) +
        pad(percentile(plain, 0.95).toFixed(1), 10) +
        (p95 <= TARGET_MS ? "met" : "NOT met"),
    );
  }
  console.log(`\nWorst p95: ${worst.toFixed(1)} ms (target ≤ ${TARGET_MS} ms) — ${worst <= TARGET_MS ? "met" : "NOT met"}.`);

  const plan = await sql.query<{ "QUERY PLAN": string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${facetStatement(QUERIES[1]!.query).text}`,
    facetStatement(QUERIES[1]!.query).values as unknown[],
  );
  console.log(`\nEXPLAIN of the facets of "${QUERIES[1]!.name}":`);
  for (const row of plan.rows) console.log(`  ${row["QUERY PLAN"]}`);
} finally {
  await sql.end().catch(() => undefined);
  await disconnectDatabase();
  await database.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
