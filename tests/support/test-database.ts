/**
 * Gives the test file its own database, copied from the migrated template,
 * and connects the app's Prisma client to it as the portal's role (`url`).
 * `ownerUrl` is the tables' owner, for a test that must do what the portal
 * may not (tamper with the audit log, say).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { readConfig, setConfig } from "~/server/config.server";
import { connectDatabase, disconnectDatabase } from "~/server/db.server";
import { setSecrets } from "~/server/secrets.server";

export const testDatabase = { url: "", ownerUrl: "", name: "", dataDir: "" };

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject("postgresAdminUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The app's config for this file's database, with `settings` (environment variables) on top. */
export function useTestConfig(settings: Record<string, string | undefined> = {}): void {
  setConfig(
    readConfig({
      NODE_ENV: "test",
      DATA_DIR: testDatabase.dataDir,
      DATABASE_URL: testDatabase.url,
      APP_URL: "http://portal.test",
      // The tests' webhook receivers listen on loopback, the only address tests may reach.
      WEBHOOK_INTERNAL_HOSTS: "127.0.0.1",
      ...settings,
    }),
  );
}

beforeAll(async () => {
  const name = `test_${crypto.randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`);
  testDatabase.name = name;
  testDatabase.url = inject("postgresAppUrl").replace(/\/postgres$/, `/${name}`);
  testDatabase.ownerUrl = inject("postgresAdminUrl").replace(/\/postgres$/, `/${name}`);
  testDatabase.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-test-data-"));
  useTestConfig();
  setSecrets({
    sessionSecret: "test-session-secret",
    documentKey: crypto.randomBytes(32).toString("base64"),
    embeddedDatabasePassword: "unused",
  });
  connectDatabase(testDatabase.url);
});

afterAll(async () => {
  await disconnectDatabase();
  await adminQuery(`DROP DATABASE IF EXISTS ${testDatabase.name} WITH (FORCE)`);
  fs.rmSync(testDatabase.dataDir, { recursive: true, force: true });
});
