import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { MigrationChecksumError, migrate, readMigrations, type Migration } from "~/server/migrate.server";
import { describeCatalog, runSql } from "#tests/support/catalog";
import { adminQuery, testDatabase } from "#tests/support/test-database";

const created: string[] = [];
async function emptyDatabase(): Promise<string> {
  const name = `scratch_${crypto.randomBytes(5).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  created.push(name);
  return inject("postgresAdminUrl").replace(/\/postgres$/, `/${name}`);
}
afterAll(async () => {
  for (const name of created) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

const migrationsDir = path.resolve("prisma", "migrations");

describe("migrations", () => {
  it("build the same database as schema.prisma does", async () => {
    // The test database was built by applying prisma/migrations in order.
    const fromSchema = await emptyDatabase();
    const sql = execFileSync(
      path.resolve("node_modules", ".bin", "prisma"),
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", path.resolve("prisma", "schema.prisma"), "--script"],
      { env: { ...process.env, DATABASE_URL: fromSchema }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    await runSql(fromSchema, sql);
    const [migrated, declared] = await Promise.all([describeCatalog(testDatabase.url), describeCatalog(fromSchema)]);
    expect(migrated.tables?.length).toBeGreaterThan(5);
    expect(migrated).toEqual(declared);
  });

  it("are applied once, in order, and recorded with their checksums", async () => {
    const url = await emptyDatabase();
    const migrations = readMigrations(migrationsDir);
    const first = await migrate(url, migrations);
    expect(first.applied).toEqual(migrations.map((migration) => migration.name));
    const again = await migrate(url, migrations);
    expect(again).toEqual({ applied: [], alreadyApplied: migrations.length });
  });

  it("refuse to start when an applied migration was changed", async () => {
    const url = await emptyDatabase();
    const migrations = readMigrations(migrationsDir);
    await migrate(url, migrations);
    const edited: Migration[] = migrations.map((migration, index) =>
      index === 0 ? { ...migration, sql: `${migration.sql}\n-- edited`, checksum: "0".repeat(64) } : migration,
    );
    await expect(migrate(url, edited)).rejects.toThrow(MigrationChecksumError);
    await expect(migrate(url, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it("roll back a failing migration completely and do not record it", async () => {
    const url = await emptyDatabase();
    const broken: Migration[] = [
      { name: "20990101000000_ok", sql: `CREATE TABLE "Kept" (id int)`, checksum: "a".repeat(64) },
      { name: "20990102000000_broken", sql: `CREATE TABLE "Half" (id int); SELECT * FROM "Missing"`, checksum: "b".repeat(64) },
    ];
    await expect(migrate(url, broken)).rejects.toThrow(/20990102000000_broken failed and was rolled back/);
    const catalog = await describeCatalog(url);
    expect(catalog.tables).toEqual(["Kept"]);
  });
});

describe("the audit log", () => {
  // The portal's own role may not even try (audit-log-integrity.test.ts).
  it("cannot be changed or deleted, even by the tables' owner, unless the owner switches its triggers off", async () => {
    await runSql(testDatabase.ownerUrl, `INSERT INTO "AuditLog" (action) VALUES ('test.entry')`);
    await expect(runSql(testDatabase.ownerUrl, `UPDATE "AuditLog" SET action = 'tampered'`)).rejects.toThrow(/cannot be changed or deleted/);
    await expect(runSql(testDatabase.ownerUrl, `DELETE FROM "AuditLog"`)).rejects.toThrow(/cannot be changed or deleted/);
    await expect(runSql(testDatabase.ownerUrl, `TRUNCATE "AuditLog"`)).rejects.toThrow(/cannot be changed or deleted/);
  });
});
