import { afterEach, describe, expect, it } from "vitest";
import { loader } from "~/routes/healthz";
import { loader as readyz } from "~/routes/readyz";
import { stopBeingReady } from "~/server/health.server";
import { connectDatabase, databaseUrl, disconnectDatabase } from "~/server/db.server";
import { testDatabase } from "#tests/support/test-database";

const UNREACHABLE = "postgresql://x:y@127.0.0.1:1/none";

afterEach(async () => {
  // Whatever a test did, the next one starts on the real test database.
  let current: string | undefined;
  try {
    current = databaseUrl();
  } catch {
    current = undefined;
  }
  if (current !== testDatabase.url) {
    await disconnectDatabase();
    connectDatabase(testDatabase.url);
  }
});

interface Report {
  status: string;
  database: { ok: boolean; detail: string };
  jobs: { ok: boolean };
  mail: { ok: boolean };
}

describe("GET /healthz", () => {
  it("answers 200, uncached, with the database reachable", async () => {
    const response = await loader();
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const report = (await response.json()) as Report;
    expect(report.database).toEqual({ ok: true, detail: "PostgreSQL answered" });
    expect(report.status).toBe("ok");
    expect(report.mail.ok).toBe(true);
  });

  it("answers 503 with database.ok false while the database cannot be reached, and 200 again once it can", async () => {
    await disconnectDatabase();
    connectDatabase(UNREACHABLE);
    const down = await loader();
    expect(down.status).toBe(503);
    const report = (await down.json()) as Report;
    expect(report.database.ok).toBe(false);
    expect(report.database.detail).toMatch(/^PostgreSQL unreachable/);
    expect(report.status).toBe("down");

    await disconnectDatabase();
    connectDatabase(testDatabase.url);
    const up = await loader();
    expect(up.status).toBe(200);
    expect(((await up.json()) as Report).database.ok).toBe(true);
  });

  it("names no folder, host, port or account to whoever asks, while the database is down too", async () => {
    const up = JSON.stringify(await (await loader()).json());
    await disconnectDatabase();
    connectDatabase(UNREACHABLE);
    const down = JSON.stringify(await (await loader()).json());
    for (const answer of [up, down]) {
      expect(answer).not.toContain(testDatabase.dataDir);
      expect(answer).not.toMatch(/127\.0\.0\.1|:1\b|ECONNREFUSED|postgresql:\/\//);
    }
  });
});

describe("GET /readyz", () => {
  it("answers 200, uncached, while the database, the document storage and the job queue answer", async () => {
    const response = await readyz();
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ ready: true, shuttingDown: false, database: { ok: true }, storage: { ok: true }, jobs: { ok: true } });
  });

  it("answers 503 while the database cannot be reached", async () => {
    await disconnectDatabase();
    connectDatabase(UNREACHABLE);
    const response = await readyz();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ready: false, database: { ok: false }, storage: { ok: true } });
  });

  // Last: a process that began shutting down is never ready again.
  it("answers 503 once the process begins shutting down, so the load balancer drains it, while /healthz stays 200", async () => {
    stopBeingReady();
    const response = await readyz();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ready: false, shuttingDown: true, database: { ok: true } });
    expect((await loader()).status).toBe(200);
  });
});
