/**
 * The case file's search over 2 million indexed pages (`npm run bench:search-pages`):
 * p50 and p95 of phrase and Boolean queries as a coordinator runs them
 * (searchCaseFile: access check, coverage, the hits statement, the audit
 * row), beside the hits statement alone sent over plain pg, on a case of
 * 1,000 pages and on the one case file of 100,000 pages. Target: p95 ≤ 300 ms.
 *
 * Runs on a throwaway embedded PostgreSQL filled by bench/fill-pages.ts, so
 * it never touches ./data. BENCH_PAGES changes the number of pages.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { parseSearchQuery } from "~/domain/casefile/search-query";
import { exactHitsSql, searchCaseFile } from "~/server/casefile/search-case-file.server";
import { connectDatabase, db, disconnectDatabase } from "~/server/db.server";
import { freePort, startEmbeddedDatabase } from "~/server/embedded-database.server";
import { migrate, readMigrations } from "~/server/migrate.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import type { SessionUser } from "~/server/session.server";
import { fillPages } from "./fill-pages";
import { measurePair, pad, percentile } from "./paired-timing";

const PAGES = Number(process.env.BENCH_PAGES ?? 2_000_000);
const WARMUP = 5;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const TARGET_MS = 300;

const QUERIES = [
  { name: "phrase", query: '"heart failure"' },
  { name: "phrase, rare", query: '"proton beam therapy"' },
  { name: "Boolean", query: "metoprolol OR lisinopril -cough" },
  { name: "Boolean + prefix", query: "(cardio* OR echocardiogram) AND denied" },
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-bench-"));
fs.chmodSync(dir, 0o777);
const database = await startEmbeddedDatabase({ dir: path.join(dir, "pg"), port: await freePort(), password: "bench", database: "bench" });
const sql = new pg.Client({ connectionString: database.url });
try {
  await migrate(database.url, readMigrations(path.resolve("prisma", "migrations")));
  connectDatabase(database.url);
  await ensureReferenceData();
  const started = performance.now();
  const { bigCaseId } = await fillPages(database.url, PAGES);
  const pages = await db.documentPage.count();
  console.log(`Filled ${pages.toLocaleString("en-US")} pages in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  await sql.connect();

  const coordinator = await db.user.findFirstOrThrow({ where: { email: { startsWith: "bench-coordinator-" } } });
  const user: SessionUser = { ...coordinator, sessionId: "bench" };
  const actor = { userId: user.id, email: user.email, ip: "127.0.0.1", userAgent: "bench" };
  const smallCase = await db.document.findFirstOrThrow({
    where: { caseId: { not: bigCaseId }, storageKey: { startsWith: "bench-pages-" } },
    select: { caseId: true },
  });
  const cases = [
    { name: "1,000-page case", caseId: smallCase.caseId },
    { name: `${(await db.documentPage.count({ where: { caseId: bigCaseId } })).toLocaleString("en-US")}-page case`, caseId: bigCaseId },
  ];

  console.log(`\n${RUNS} runs each after ${WARMUP} warm-up runs; milliseconds.`);
  console.log(
    pad("case", 20) + pad("query", 20) + pad("hits", 7) + pad("app p50", 10) + pad("app p95", 10) + pad("sql p50", 10) + pad("sql p95", 10) + "p95 ≤ 300 ms",
  );
  let worst = 0;
  for (const kase of cases) {
    for (const { name, query } of QUERIES) {
      const parsed = parseSearchQuery(query);
      if (!parsed.ok) throw new Error(parsed.message);
      const statement = await exactHitsSql(parsed.search.tree, { caseId: kase.caseId, hideDuplicates: true, offset: 0 });
      let hits = 0;
      const [app, raw] = await measurePair(
        async () => {
          hits = (await searchCaseFile({ user, actor, caseId: kase.caseId, query, from: "coordinator", at: new Date() })).search!.total;
        },
        () => sql.query(statement.text, statement.values as unknown[]),
        { warmup: WARMUP, runs: RUNS },
      );
      const p95 = percentile(app, 0.95);
      worst = Math.max(worst, p95);
      console.log(
        pad(kase.name, 20) +
          pad(name, 20) +
          pad(String(hits), 7) +
          pad(percentile(app, 0.5).toFixed(1), 10) +
          pad(p95.toFixed(1), 10) +
          pad(percentile(raw, 0.5).toFixed(1), 10) +
          pad(percentile(raw, 0.95).toFixed(1), 10) +
          (p95 <= TARGET_MS ? "met" : "NOT met"),
      );
    }
  }
  console.log(`\nWorst p95: ${worst.toFixed(1)} ms (target ≤ ${TARGET_MS} ms) — ${worst <= TARGET_MS ? "met" : "NOT met"}.`);

  // The plan of the prefix query on the large case: the search vector's GIN index with the case's filter, the prefix as the case's words.
  const parsed = parseSearchQuery(QUERIES[3]!.query);
  if (parsed.ok) {
    const statement = await exactHitsSql(parsed.search.tree, { caseId: bigCaseId, hideDuplicates: true, offset: 0 });
    const plan = await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values as unknown[]);
    console.log(`\nEXPLAIN of "${QUERIES[3]!.query}" on the large case:`);
    for (const row of plan.rows) console.log(`  ${row["QUERY PLAN"]}`);
  }
} finally {
  await sql.end().catch(() => undefined);
  await disconnectDatabase();
  await database.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
