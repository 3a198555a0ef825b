/**
 * Writes the next migration from the change to prisma/schema.prisma, offline:
 *   npm run db:new-migration -- add_reviewer_roster
 * Each migration folder keeps the schema.prisma it was written from
 * (schema.prisma.snapshot); the new migration is the difference between the
 * latest snapshot and schema.prisma, from `prisma migrate diff`. Prisma's
 * WebAssembly schema engine wants a PostgreSQL server to talk to even for a
 * diff between two files, so this starts a throwaway embedded cluster (about
 * a second). The integration test "migrations match schema.prisma" checks the
 * result against a database built from schema.prisma alone.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedDatabase } from "../../app/server/embedded-database.server";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.log("Usage: npm run db:new-migration -- <name in lower_snake_case>");
  process.exit(2);
}

const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma", "migrations");
const latest = fs
  .readdirSync(migrationsDir)
  .filter((entry) => fs.existsSync(path.join(migrationsDir, entry, "schema.prisma.snapshot")))
  .sort()
  .at(-1);
const fromArgs = latest ? ["--from-schema-datamodel", path.join(migrationsDir, latest, "schema.prisma.snapshot")] : ["--from-empty"];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-migration-"));
fs.chmodSync(dir, 0o777);
const database = await startEmbeddedDatabase({
  dir: path.join(dir, "pg"),
  port: await freePort(),
  password: "migration",
  database: "diff",
});
try {
  const sql = execFileSync(
    path.join(root, "node_modules", ".bin", "prisma"),
    ["migrate", "diff", ...fromArgs, "--to-schema-datamodel", path.join(root, "prisma", "schema.prisma"), "--script"],
    { cwd: root, env: { ...process.env, DATABASE_URL: database.url }, encoding: "utf8" },
  );
  if (/^-- This is an empty migration\.\s*$/m.test(sql) || sql.trim() === "") {
    console.log("schema.prisma matches the migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const target = path.join(migrationsDir, `${stamp}_${name}`);
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(target, "migration.sql"), sql);
    fs.copyFileSync(path.join(root, "prisma", "schema.prisma"), path.join(target, "schema.prisma.snapshot"));
    console.log(`Wrote ${path.relative(root, target)}/migration.sql. Read it, add any hand-written SQL, commit it.`);
  }
} finally {
  await database.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
