import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql in order, each in
 * its own transaction, and records it in _prisma_migrations the way Prisma
 * Migrate does, so `prisma migrate deploy` agrees with us where its engine
 * runs (docs/decisions/0004).
 */

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationChecksumError extends Error {}

const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any fixed number works; it only keeps two starting app servers from
// migrating at the same moment.
const ADVISORY_LOCK_KEY = 7_245_001;

export function readMigrations(dir: string): Migration[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(databaseUrl: string, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(MIGRATIONS_TABLE);
    const rows = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const recorded = new Map(rows.rows.map((row) => [row.migration_name, row]));
    const unfinished = rows.rows.find((row) => row.finished_at === null);
    if (unfinished) {
      throw new MigrationChecksumError(
        `Migration ${unfinished.migration_name} started but never finished. Repair the database by hand, ` + `then delete its row from "_prisma_migrations".`,
      );
    }
    const applied: string[] = [];
    let alreadyApplied = 0;
    for (const migration of migrations) {
      const previous = recorded.get(migration.name);
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          throw new MigrationChecksumError(
            `Migration ${migration.name} was changed after it was applied to this database ` +
              `(checksum on file ${migration.checksum.slice(0, 12)}…, applied ${previous.checksum.slice(0, 12)}…). ` +
              `Put the original migration.sql back and write the change as a new migration (npm run db:new-migration).`,
          );
        }
        alreadyApplied += 1;
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [crypto.randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, {
          cause: error,
        });
      }
      applied.push(migration.name);
    }
    return { applied, alreadyApplied };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/**
 * For a start that does not migrate (MIGRATION_DATABASE_URL unset, the owner
 * migrates apart): refuses a database missing any of `migrations`.
 */
export async function assertMigrated(databaseUrl: string, migrations: Migration[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const exists = await client.query<{ found: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS found`);
    const applied = exists.rows[0]?.found
      ? new Set(
          (
            await client.query<{ migration_name: string }>(
              `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
            )
          ).rows.map((row) => row.migration_name),
        )
      : new Set<string>();
    const missing = migrations.filter((migration) => !applied.has(migration.name)).map((migration) => migration.name);
    if (missing.length) {
      throw new Error(
        `The database lacks ${missing.length} migration(s) (${missing.join(", ")}). Run npm run db:migrate with MIGRATION_DATABASE_URL set to the tables' owner, ` +
          `or set MIGRATION_DATABASE_URL for the start to migrate.`,
      );
    }
  } finally {
    await client.end();
  }
}
