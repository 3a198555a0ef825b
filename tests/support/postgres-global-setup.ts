/**
 * Integration tests run against real PostgreSQL: one embedded cluster for the
 * run, one template database migrated once (as the owner, with the portal's
 * role granted its rights, as at a start), then a database per test file
 * copied from the template (tests/support/test-database.ts). The app's code
 * in the tests connects as the portal's role, so a missing grant fails there.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { prepareDatabase } from "~/server/boot.server";
import { EMBEDDED_APP_ROLE, freePort, startEmbeddedDatabase } from "~/server/embedded-database.server";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    /** The same server as the portal's role (EMBEDDED_APP_ROLE), at its "postgres" database. */
    postgresAppUrl: string;
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
  await prepareDatabase(database.url, EMBEDDED_APP_ROLE);
  const adminUrl = database.url.replace(new RegExp(`/${TEMPLATE_DATABASE}$`), "/postgres");
  // Nobody may stay connected to a template, or CREATE DATABASE ... TEMPLATE fails.
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`ALTER DATABASE ${TEMPLATE_DATABASE} WITH ALLOW_CONNECTIONS false`);
  await client.end();
  project.provide("postgresAdminUrl", adminUrl);
  project.provide("postgresAppUrl", database.appUrl.replace(new RegExp(`/${TEMPLATE_DATABASE}$`), "/postgres"));
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return async () => {
    await database.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
