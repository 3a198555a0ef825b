/**
 * Integration tests run against real PostgreSQL: one embedded cluster for the
 * run, one template database migrated once, then a database per test file
 * copied from the template (tests/support/test-database.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedDatabase } from "~/server/embedded-database.server";
import { migrate, readMigrations } from "~/server/migrate.server";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    templateDatabase: string;
  }
}

export const TEMPLATE_DATABASE = "imr_template";

export default async function setup(project: TestProject) {
  process.env.LOG_LEVEL ??= "silent";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-test-pg-"));
  fs.chmodSync(dir, 0o777);
  const database = await startEmbeddedDatabase({
    dir: path.join(dir, "pg"),
    port: await freePort(),
    password: "test",
    database: TEMPLATE_DATABASE,
  });
  await migrate(database.url, readMigrations(path.resolve("prisma", "migrations")));
  const adminUrl = database.url.replace(new RegExp(`/${TEMPLATE_DATABASE}$`), "/postgres");
  // Nobody may stay connected to a template, or CREATE DATABASE ... TEMPLATE fails.
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`ALTER DATABASE ${TEMPLATE_DATABASE} WITH ALLOW_CONNECTIONS false`);
  await client.end();
  project.provide("postgresAdminUrl", adminUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return async () => {
    await database.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
