/**
 * What the audit log's hash chain costs (`npm run bench:audit-chain`): audit
 * appends one after another (p50 and p95 of each), and appends from 32
 * concurrent transactions that each also read a row, as case changes do
 * (appends a second), with the chain's trigger on and then switched off by
 * the owner. The chain serializes appends on its head row, so the
 * concurrent figure is the one to watch.
 *
 * Runs on a throwaway embedded PostgreSQL, connected as the portal's role;
 * BENCH_APPENDS sets the number of appends per run (default 2,000).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { audit } from "~/server/audit.server";
import { prepareDatabase } from "~/server/boot.server";
import { readConfig, setConfig } from "~/server/config.server";
import { connectDatabase, db, disconnectDatabase } from "~/server/db.server";
import { EMBEDDED_APP_ROLE, freePort, startEmbeddedDatabase } from "~/server/embedded-database.server";

const APPENDS = Number(process.env.BENCH_APPENDS ?? 2_000);
const CONCURRENCY = 32;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-bench-audit-"));
fs.chmodSync(dir, 0o777);
const database = await startEmbeddedDatabase({ dir: path.join(dir, "pg"), port: await freePort(), password: "bench", database: "bench" });
const owner = new pg.Client({ connectionString: database.url });
try {
  await prepareDatabase(database.url, EMBEDDED_APP_ROLE);
  setConfig(readConfig({ NODE_ENV: "production", DATA_DIR: path.join(dir, "data"), DATABASE_URL: database.appUrl, DATABASE_POOL_SIZE: String(CONCURRENCY) }));
  connectDatabase(database.appUrl);
  await owner.connect();
  const actor = { userId: null, email: "bench@imr.example", ip: "127.0.0.1", userAgent: "bench" };
  const entry = (index: number) => ({
    action: "bench.append",
    objectType: "Case",
    objectId: String(index),
    detail: { index, note: "a detail of a typical size" },
  });

  const run = async (label: string) => {
    const single: number[] = [];
    for (let index = 0; index < APPENDS; index += 1) {
      const started = performance.now();
      await audit(actor, entry(index));
      single.push(performance.now() - started);
    }
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < APPENDS) {
          const index = next++;
          await db.$transaction(async (tx) => {
            await tx.auditLog.findFirst({ where: { objectId: String(index) }, select: { id: true } });
            await audit(actor, entry(index), tx);
          });
        }
      }),
    );
    const perSecond = APPENDS / ((performance.now() - started) / 1000);
    console.log(
      `${label.padEnd(12)} one at a time: p50 ${percentile(single, 0.5).toFixed(2)} ms, p95 ${percentile(single, 0.95).toFixed(2)} ms;  ` +
        `${CONCURRENCY} concurrent transactions: ${perSecond.toFixed(0)} appends/s`,
    );
  };

  // Warm-up: loads Prisma's query plans and the pool's connections.
  for (let index = 0; index < 200; index += 1) await audit(actor, entry(index));
  await run("chained");
  await owner.query(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_chain"`);
  await run("unchained");
  await owner.query(`ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_chain"`);
} finally {
  await owner.end().catch(() => undefined);
  await disconnectDatabase();
  await database.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
