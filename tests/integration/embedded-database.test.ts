import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it, vi } from "vitest";
import { freePort, startEmbeddedDatabase, type EmbeddedDatabase } from "~/server/embedded-database.server";
import { log } from "~/server/log.server";
import { waitFor } from "#tests/support/wait-for";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-embedded-"));
fs.chmodSync(dir, 0o777);
let server: EmbeddedDatabase | undefined;
let owner: ChildProcess | undefined;
let leftover: number | undefined;

afterAll(async () => {
  vi.restoreAllMocks();
  owner?.kill("SIGKILL");
  // Had the start failed, the killed process's PostgreSQL would still run.
  if (leftover !== undefined && fs.existsSync(path.join(dir, "pg", "postmaster.pid")) && serverPid(path.join(dir, "pg")) === leftover) {
    process.kill(leftover, "SIGINT");
  }
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A Node process of its own that starts the embedded database on `options.dir` and runs until killed. */
function startInAnotherProcess(options: Parameters<typeof startEmbeddedDatabase>[0]): { child: ChildProcess; ready: Promise<unknown> } {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/embedded-database-process.ts", JSON.stringify(options)], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, LOG_LEVEL: "silent" },
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  return { child, ready: waitFor("the other process's database to be ready", () => output.includes("ready"), 60_000) };
}

function serverPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

// PostgreSQL is created and started twice, once in a process of its own: longer than the usual test on a busy machine.
it("stops the database a killed process left running on the same data folder, says so in the log, and starts", async () => {
  const options = { dir: path.join(dir, "pg"), port: await freePort(), password: "leftover", database: "leftover" };
  const first = startInAnotherProcess(options);
  owner = first.child;
  await first.ready;
  const orphan = serverPid(options.dir);
  leftover = orphan;
  const killed = owner;
  killed.kill("SIGKILL");
  await waitFor("the first process to end", () => killed.exitCode !== null || killed.signalCode !== null);
  // Its PostgreSQL outlived it and still holds the port.
  expect(() => process.kill(orphan, 0)).not.toThrow();

  const warned = vi.spyOn(log, "warn");
  const informed = vi.spyOn(log, "info");
  server = await startEmbeddedDatabase(options);
  expect(warned).toHaveBeenCalledWith(
    "stopping the embedded database left running by an earlier run that did not shut down",
    expect.objectContaining({ pid: orphan }),
  );
  expect(informed).toHaveBeenCalledWith("stopped the leftover embedded database", { pid: orphan });
  expect(serverPid(options.dir)).not.toBe(orphan);
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await expect(client.query("SELECT 1 AS one")).resolves.toMatchObject({ rows: [{ one: 1 }] });
  await client.end();
}, 120_000);

it("refuses to start on a data folder whose database belongs to a process that still runs", async () => {
  const options = { dir: path.join(dir, "owned"), port: await freePort(), password: "owned", database: "owned" };
  const running = startInAnotherProcess(options);
  owner = running.child;
  await running.ready;
  await expect(startEmbeddedDatabase(options)).rejects.toThrow(
    `The embedded database in ${options.dir} belongs to a portal process that is still running (pid ${running.child.pid}).`,
  );
  running.child.kill("SIGTERM");
  await waitFor("the other process to stop its database", () => !fs.existsSync(path.join(options.dir, "postmaster.pid")), 30_000);
}, 120_000);

it("refuses to start, naming the port, when another program holds it", async () => {
  const port = await freePort();
  const other = net.createServer();
  await new Promise<void>((resolve) => other.listen(port, "127.0.0.1", resolve));
  try {
    await expect(startEmbeddedDatabase({ dir: path.join(dir, "other"), port, password: "other", database: "other" })).rejects.toThrow(
      `Port ${port} is taken, so the embedded database cannot start. Stop the other program, or set EMBEDDED_DATABASE_PORT (or DATABASE_URL to use another server).`,
    );
  } finally {
    await new Promise((resolve) => other.close(resolve));
  }
});
