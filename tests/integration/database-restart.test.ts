import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { connectDatabase, db } from "~/server/db.server";
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from "~/server/embedded-database.server";
import { healthReport } from "~/server/health.server";
import { testDatabase } from "#tests/support/test-database";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-restart-"));
fs.chmodSync(dir, 0o777);
let server: EmbeddedDatabase | undefined;

afterAll(async () => {
  await server?.stop();
  connectDatabase(testDatabase.url);
  fs.rmSync(dir, { recursive: true, force: true });
});

it("keeps working after the database restarts, without restarting the app", async () => {
  const options = { dir: path.join(dir, "pg"), port: await freePort(), password: "restart", database: "restart" };
  server = await startEmbeddedDatabase(options);
  connectDatabase(server.url);
  await db.$queryRaw`SELECT 1`;
  expect((await healthReport()).database.ok).toBe(true);

  await server.stop();
  const down = await healthReport();
  expect(down.database.ok).toBe(false);
  expect(down.status).toBe("down");

  server = await startEmbeddedDatabase(options);
  await expect.poll(async () => (await healthReport()).database.ok, { timeout: 10_000 }).toBe(true);
  await expect(db.$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
});
