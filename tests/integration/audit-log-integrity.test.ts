/**
 * The audit log cannot be rewritten by the portal (its database role may only
 * add rows and read them), and a rewrite by the tables' owner, who can get
 * past the append-only trigger, shows as a broken link in the hash chain
 * (docs/decisions/0013).
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import crypto from "node:crypto";
import { afterAll, describe, expect, inject, it, onTestFinished } from "vitest";
import { auditRowHash, chainVerdict, describeVerdict, GENESIS_HASH, startWalk, walkChain, type ChainedAuditRow } from "~/domain/audit-chain";
import { audit } from "~/server/audit.server";
import { verifyAuditChain } from "~/server/audit-chain.server";
import { assertConfinedRole, UnconfinedRoleError } from "~/server/database-roles.server";
import { db } from "~/server/db.server";
import {
  DEADLINE_SWEEP_QUEUE,
  PRUNE_RATE_LIMITS_QUEUE,
  RECORDS_RETENTION_QUEUE,
  SEND_EMAIL_QUEUE,
  startWorker,
  SWEEP_STORAGE_QUEUE,
  TEXT_LAYER_QUEUE,
} from "~/server/jobs.server";
import { createFiledCase } from "#tests/support/case-factories";
import { actorFor, createPlan, createUser } from "#tests/support/factories";
import { boot } from "~/server/boot.server";
import { connectDatabase } from "~/server/db.server";
import { assertMigrated, migrate, readMigrations } from "~/server/migrate.server";
import { secrets, setSecrets } from "~/server/secrets.server";
import { adminQuery, testDatabase, useTestConfig } from "#tests/support/test-database";

async function asRole<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs `sql` as the tables' owner with the audit log's triggers off: what
 * only the owner can do. The tests share one log, so each puts back what it
 * broke (`undo`) once it has seen the break reported.
 */
async function tamperAsOwner(sql: string, values: unknown[] = []): Promise<void> {
  await asRole(testDatabase.ownerUrl, async (client) => {
    await client.query("BEGIN");
    await client.query(`SET LOCAL session_replication_role = replica`);
    await client.query(sql, values);
    await client.query("COMMIT");
  });
}

/** Puts a removed row back as it was, with its hashes. */
async function putBack(id: bigint): Promise<() => Promise<void>> {
  const saved = await asRole(
    testDatabase.ownerUrl,
    async (client) => (await client.query(`SELECT * FROM "AuditLog" WHERE "id" = $1`, [id])).rows[0] as Record<string, unknown>,
  );
  const columns = Object.keys(saved);
  return () =>
    tamperAsOwner(
      `INSERT INTO "AuditLog" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES (${columns.map((_, index) => `$${index + 1}`).join(", ")})`,
      columns.map((column) => saved[column]),
    );
}

async function someAuditRows(count: number): Promise<bigint[]> {
  const actor = actorFor(await createUser());
  for (let index = 0; index < count; index += 1) await audit(actor, { action: "test.entry", detail: { index } });
  const rows = await db.auditLog.findMany({ where: { actorId: actor.userId }, orderBy: { id: "asc" }, select: { id: true } });
  return rows.map((row) => row.id);
}

describe("the portal's database role", () => {
  it("may add audit rows and read them, and nothing else", async () => {
    await asRole(testDatabase.url, async (client) => {
      await client.query(`INSERT INTO "AuditLog" (action) VALUES ('test.entry')`);
      expect((await client.query(`SELECT count(*)::int AS n FROM "AuditLog"`)).rows[0]).toEqual({ n: expect.any(Number) });
      const refused = async (sql: string) =>
        (await client.query(sql).then(
          () => "accepted",
          (error: Error) => error.message,
        )) as string;
      expect(await refused(`DELETE FROM "AuditLog"`)).toBe("permission denied for table AuditLog");
      expect(await refused(`UPDATE "AuditLog" SET action = 'tampered'`)).toBe("permission denied for table AuditLog");
      expect(await refused(`TRUNCATE "AuditLog"`)).toBe("permission denied for table AuditLog");
      expect(await refused(`SET session_replication_role = replica`)).toBe(`permission denied to set parameter "session_replication_role"`);
      expect(await refused(`ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`)).toBe("must be owner of table AuditLog");
      expect(await refused(`DROP TRIGGER "AuditLog_append_only" ON "AuditLog"`)).toBe("must be owner of relation AuditLog");
      expect(await refused(`UPDATE "AuditChainHead" SET hash = 'forged'`)).toBe("permission denied for table AuditChainHead");
      expect(await refused(`CREATE TABLE "Scratch" (id int)`)).toBe("permission denied for schema public");
      expect(await refused(`CREATE TABLE pgboss."Scratch" (id int)`)).toBe("permission denied for schema pgboss");
    });
  });

  it("has the same rights on a table a later migration adds, without a new grant", async () => {
    await asRole(testDatabase.ownerUrl, (client) => client.query(`CREATE TABLE "LaterTable" ("id" SERIAL PRIMARY KEY, "note" TEXT)`));
    await asRole(testDatabase.url, async (client) => {
      await client.query(`INSERT INTO "LaterTable" ("note") VALUES ('added')`);
      await client.query(`UPDATE "LaterTable" SET "note" = 'changed'`);
      expect((await client.query(`SELECT "note" FROM "LaterTable"`)).rows).toEqual([{ note: "changed" }]);
      await expect(client.query(`ALTER TABLE "LaterTable" ADD COLUMN "more" TEXT`)).rejects.toThrow("must be owner of table LaterTable");
    });
  });

  it("is what the portal must connect as: the start refuses the owner", async () => {
    await expect(assertConfinedRole(testDatabase.url)).resolves.toBeUndefined();
    const refusal = assertConfinedRole(testDatabase.ownerUrl);
    await expect(refusal).rejects.toThrow(UnconfinedRoleError);
    await expect(refusal).rejects.toThrow(
      /connects as "imr", which is a superuser, owns the tables, may create objects in the schema, may change or remove audit rows/,
    );
  });

  it("runs the job worker, with every queue it needs in place, the scheduler's own included", async () => {
    const worker = await startWorker();
    try {
      const queues = await db.$queryRaw<{ name: string }[]>`SELECT name FROM pgboss.queue ORDER BY name`;
      expect(queues.map((queue) => queue.name).sort()).toEqual(
        [
          "__pgboss__send-it",
          DEADLINE_SWEEP_QUEUE,
          PRUNE_RATE_LIMITS_QUEUE,
          RECORDS_RETENTION_QUEUE,
          SEND_EMAIL_QUEUE,
          SWEEP_STORAGE_QUEUE,
          TEXT_LAYER_QUEUE,
        ].sort(),
      );
    } finally {
      await worker.stop();
    }
  });

  it("runs the portal: a case change writes its audit row, chained to the one before", async () => {
    const plan = await createPlan();
    const applicant = await createUser();
    const filed = await createFiledCase({ applicantId: applicant.id, planId: plan.id });
    const row = await db.auditLog.findFirstOrThrow({ where: { objectId: filed.id, action: "case.submitted" } });
    const before = await db.auditLog.findFirstOrThrow({ where: { id: { lt: row.id } }, orderBy: { id: "desc" } });
    expect(row.prevHash).toBe(before.hash);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyAuditChain()).intact).toBe(true);
  });
});

describe("the audit chain", () => {
  it("hashes each row as app/domain/audit-chain.ts does, whatever its detail holds", async () => {
    const actor = actorFor(await createUser());
    await audit(actor, {
      action: "test.detail",
      objectType: "Case",
      objectId: "a;b:1;",
      detail: { "z-key": "ünïcödé ✓ \u0007", a: [1, 2.5, -0.001, null, { b: true }], n: 12345678901234, e: "" },
    });
    await audit({ ...actor, userId: null, email: null, ip: null, userAgent: null }, { action: "test.nulls" });
    const rows = await db.$queryRaw<{ id: bigint; prevHash: string; hash: string; detailText: string; at: Date }[]>`
      SELECT "id", "prevHash", "hash", "detail"::text AS "detailText", "at" FROM "AuditLog" ORDER BY "id" DESC LIMIT 2`;
    const stored = await db.auditLog.findMany({ where: { id: { in: rows.map((row) => row.id) } }, orderBy: { id: "asc" } });
    for (const row of stored) {
      const detailText = rows.find((found) => found.id === row.id)!.detailText;
      expect(auditRowHash(row.prevHash, { ...row, detailText })).toBe(row.hash);
    }
    expect(await verifyAuditChain()).toMatchObject({ intact: true });
  });

  it("stays one unbroken chain through a burst of concurrent appends", async () => {
    const actor = actorFor(await createUser());
    // Each in its own transaction that also does other work, as case changes do.
    await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        db.$transaction(async (tx) => {
          await tx.user.findUniqueOrThrow({ where: { id: actor.userId! } });
          await audit(actor, { action: "test.burst", detail: { index } }, tx);
          await tx.user.findUniqueOrThrow({ where: { id: actor.userId! } });
        }),
      ),
    );
    const burst = await db.auditLog.findMany({ where: { action: "test.burst" }, orderBy: { id: "asc" } });
    expect(burst).toHaveLength(60);
    const verdict = await verifyAuditChain();
    expect(verdict, describeVerdict(verdict)).toMatchObject({ intact: true });
    const head = await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    expect(head.hash).toBe(burst.at(-1)!.hash);
  });

  it("reports a row the owner changed, by its id and time", async () => {
    const [, changed] = await someAuditRows(3);
    await tamperAsOwner(`UPDATE "AuditLog" SET "detail" = '{"index": 99}' WHERE "id" = $1`, [changed]);
    const row = await db.auditLog.findUniqueOrThrow({ where: { id: changed } });
    const verdict = await verifyAuditChain();
    expect(verdict).toMatchObject({ intact: false, broken: { reason: "row-hash-mismatch", id: changed, at: row.at } });
    expect(describeVerdict(verdict)).toContain(`chain broken at row ${changed} (${row.at.toISOString()})`);

    await tamperAsOwner(`UPDATE "AuditLog" SET "detail" = '{"index": 1}' WHERE "id" = $1`, [changed]);
    expect(await verifyAuditChain()).toMatchObject({ intact: true });
  });
});

describe("the start", () => {
  /** boot() as configured by `settings`, shut down again; the file's own connection and secrets are put back. */
  async function bootWith(settings: Record<string, string>): Promise<string> {
    const saved = secrets();
    useTestConfig(settings);
    try {
      const booted = await boot({ seed: "never" });
      try {
        const [who] = await db.$queryRaw<{ role: string }[]>`SELECT current_user::text AS role`;
        return who!.role;
      } finally {
        await booted.shutdown();
      }
    } finally {
      useTestConfig();
      setSecrets(saved);
      connectDatabase(testDatabase.url);
    }
  }

  it("refuses to connect the portal as the tables' owner", async () => {
    await expect(bootWith({ DATABASE_URL: testDatabase.ownerUrl })).rejects.toThrow(/DATABASE_URL connects as "imr", which is a superuser/);
  });

  it("migrates and grants as MIGRATION_DATABASE_URL, then connects the portal as DATABASE_URL's role", async () => {
    expect(await bootWith({ DATABASE_URL: testDatabase.url, MIGRATION_DATABASE_URL: testDatabase.ownerUrl })).toBe("imr_app");
  });

  it("without MIGRATION_DATABASE_URL, refuses a database that lacks a migration", async () => {
    const migrations = readMigrations(path.resolve("prisma", "migrations"));
    await expect(assertMigrated(testDatabase.url, migrations)).resolves.toBeUndefined();
    await expect(assertMigrated(testDatabase.url, [...migrations, { name: "20990101000000_later", sql: "", checksum: "" }])).rejects.toThrow(
      /The database lacks 1 migration\(s\) \(20990101000000_later\)\. Run npm run db:migrate with MIGRATION_DATABASE_URL/,
    );
  });
});

describe("the audit chain's migration", () => {
  const name = `scratch_${crypto.randomBytes(5).toString("hex")}`;
  afterAll(() => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  it("chains the rows written before it, in the order they were appended, and the next row after them", async () => {
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = inject("postgresAdminUrl").replace(/\/postgres$/, `/${name}`);
    const migrations = readMigrations(path.resolve("prisma", "migrations"));
    const chain = migrations.findIndex((migration) => migration.name.endsWith("_audit_chain"));
    await migrate(url, migrations.slice(0, chain));
    await asRole(url, (client) =>
      client.query(`INSERT INTO "AuditLog" ("at", "actorEmail", "action", "detail") VALUES
        ('2026-01-02T03:04:05.678Z', 'a@b.example', 'old.first', '{"b": 1, "a": [true, null, "ü"]}'),
        ('2025-06-30T23:59:59.999Z', NULL, 'old.second', '{}')`),
    );
    await migrate(url, migrations);
    await asRole(url, (client) => client.query(`INSERT INTO "AuditLog" ("action") VALUES ('new.first')`));

    const rows = await asRole(url, async (client) => {
      const found = await client.query<Omit<ChainedAuditRow, "id"> & { id: string }>(`
        SELECT "id", "at", "actorId"::text AS "actorId", "actorEmail", "action", "objectType", "objectId", "ip", "userAgent",
               "detail"::text AS "detailText", "prevHash", "hash" FROM "AuditLog" ORDER BY "id"`);
      const head = await client.query<{ lastId: string; hash: string }>(`SELECT "lastId", "hash" FROM "AuditChainHead"`);
      return { rows: found.rows.map((row) => ({ ...row, id: BigInt(row.id) })), head: { lastId: BigInt(head.rows[0]!.lastId), hash: head.rows[0]!.hash } };
    });
    expect(rows.rows.map((row) => row.action)).toEqual(["old.first", "old.second", "new.first"]);
    expect(rows.rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(chainVerdict(walkChain(startWalk(), rows.rows), rows.head)).toEqual({ intact: true, rows: 3, headHash: rows.rows[2]!.hash });
  });
});

function runCli(command: string, env: Record<string, string> = {}) {
  return promisify(execFile)(path.resolve("node_modules", ".bin", "tsx"), ["app/server/cli.ts", command], {
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent", DATA_DIR: testDatabase.dataDir, DATABASE_URL: testDatabase.url, ...env },
  });
}

describe("npm run db:grant", () => {
  it("grants the portal's role its rights again, as the owner, and prints them", async () => {
    await asRole(testDatabase.ownerUrl, (client) => client.query(`REVOKE SELECT ON "AuditLog" FROM imr_app`));
    await expect(asRole(testDatabase.url, (client) => client.query(`SELECT 1 FROM "AuditLog" LIMIT 1`))).rejects.toThrow(
      "permission denied for table AuditLog",
    );
    const { stdout } = await runCli("grant", { MIGRATION_DATABASE_URL: testDatabase.ownerUrl });
    expect(stdout).toContain(`Granted to "imr_app":`);
    expect(stdout).toContain(`GRANT SELECT, INSERT ON "AuditLog" TO "imr_app";`);
    await expect(asRole(testDatabase.url, (client) => client.query(`SELECT 1 FROM "AuditLog" LIMIT 1`))).resolves.toBeDefined();
  });
});

describe("npm run audit:verify", () => {
  const cli = (env: Record<string, string>) => runCli("audit-verify", env);

  // Two runs of the command, each a new tsx process that compiles the app first: a minute on a busy machine.
  it("says the chain is intact, then names the row after one the owner removed, and fails", { timeout: 60_000 }, async () => {
    const { stdout } = await cli({});
    expect(stdout).toMatch(/^chain intact: \d+ rows \(head [0-9a-f]{64}\)$/m);

    const [, removed, next] = await someAuditRows(3);
    const undo = await putBack(removed!);
    await tamperAsOwner(`DELETE FROM "AuditLog" WHERE "id" = $1`, [removed]);
    // Put back whatever happens here, so the tests after this one find the chain whole.
    let undone = false;
    onTestFinished(async () => {
      if (!undone) await undo();
    });
    const after = await db.auditLog.findUniqueOrThrow({ where: { id: next } });
    const failed = await cli({}).then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain(`chain broken at row ${next} (${after.at.toISOString()}): it does not follow the row before it`);

    await undo();
    undone = true;
    expect(await verifyAuditChain()).toMatchObject({ intact: true });
  });

  it("notices rows removed from the end, when the chain's head names a later row", async () => {
    const ids = await someAuditRows(2);
    await tamperAsOwner(`DELETE FROM "AuditLog" WHERE "id" = $1`, [ids.at(-1)]);
    const verdict = await verifyAuditChain();
    expect(verdict).toMatchObject({ intact: false, broken: { reason: "head-mismatch", headLastId: ids.at(-1) } });
    // The genesis is where an empty log's chain starts.
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });
});
