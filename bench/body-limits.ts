/**
 * Oversized form posts against the production server (`npm run bench:body-limits`):
 * one 200 MB application/x-www-form-urlencoded POST to /login, then 32
 * concurrent 50 MB ones. Targets: each is answered 413 in under 1 s, and the
 * server's resident memory rises by less than 16 MiB in each case.
 *
 * The server is the production build (BUILD_DIR, built when missing or when
 * BENCH_REBUILD=1) in its own process on a throwaway embedded PostgreSQL,
 * with no job worker; its memory is read from /proc (VmRSS sampled, and the
 * kernel's high-water mark). The bodies are streamed from one 64 KiB block
 * repeated, so this process never holds a large body either, and each post
 * stops sending once its answer has come. The warm-up sends the same shape
 * with 1 MB bodies: the server's first 32 concurrent requests grow its heap
 * by about 30 MiB once, whatever their size, which is not what is measured.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { benchSecrets, ensureBuild, startServer, stopServer, waitUntilServing } from "./production-server";
import { readStatus, sampleRss } from "./server-memory";
import { freePort, startEmbeddedDatabase } from "~/server/embedded-database.server";

const MB = 1_000_000;
const MIB = 1024 * 1024;
const TARGET_MS = 1000;
const TARGET_RISE_MIB = 16;
const SCENARIOS = [
  { name: "one 200 MB POST /login", bytes: 200 * MB, concurrent: 1 },
  { name: "32 concurrent 50 MB POSTs /login", bytes: 50 * MB, concurrent: 32 },
] as const;
/** Time for the server's memory to settle after a scenario, before the next one's baseline. */
const SETTLE_MS = 500;

/** A form body as a browser would send it, `email=aaaa…`, `bytes` long, from one block sent again and again. */
function formBody(bytes: number): Readable {
  const block = Buffer.alloc(64 * 1024, "a");
  return Readable.from(
    (function* () {
      yield Buffer.from("email=");
      let left = bytes - "email=".length;
      while (left > 0) {
        const size = Math.min(left, block.length);
        yield size === block.length ? block : block.subarray(0, size);
        left -= size;
      }
    })(),
  );
}

interface Answer {
  status: number;
  ms: number;
  /** How much of the body had gone out when the answer came. */
  sentBytes: number;
}

/**
 * One POST of `bytes` over a plain socket, answered when the status line
 * arrives; the rest of the body is not sent. Status 0: the connection ended
 * (or was reset) before any answer came, as a browser would see it. A
 * socket is used rather than http.request, which reports only the error
 * when an answer arrives while it is still writing.
 */
function post(port: number, bytes: number): Promise<Answer> {
  return new Promise((resolve) => {
    const started = performance.now();
    const body = formBody(bytes);
    let sentBytes = 0;
    let received = "";
    let done = false;
    const socket = net.connect({ host: "127.0.0.1", port });
    const finish = () => {
      if (done) return;
      done = true;
      body.destroy();
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(received)?.[1];
      resolve({ status: status ? Number(status) : 0, ms: performance.now() - started, sentBytes });
    };
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      received += chunk;
      if (received.includes("\r\n")) finish();
    });
    socket.on("error", finish);
    socket.on("close", finish);
    socket.write(
      `POST /login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${bytes}\r\nConnection: close\r\n\r\n`,
    );
    body.on("data", (chunk: Buffer) => {
      sentBytes += chunk.length;
      if (!socket.write(chunk)) {
        body.pause();
        socket.once("drain", () => body.resume());
      }
    });
  });
}

function verdict(met: boolean): string {
  return met ? "met" : "NOT MET";
}

ensureBuild();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-bench-body-limits-"));
fs.chmodSync(dir, 0o777);
const database = await startEmbeddedDatabase({ dir: path.join(dir, "pg"), port: await freePort(), password: "bench", database: "bench" });
let server: ChildProcess | undefined;
let allMet = true;
try {
  const { sessionSecret, documentKey } = benchSecrets();
  const port = await freePort();
  server = startServer({ port, databaseUrl: database.appUrl, migrationDatabaseUrl: database.url, dataDir: path.join(dir, "data"), sessionSecret, documentKey });
  await waitUntilServing(port, server);
  const pid = server.pid!;

  const serving = readStatus(pid, "VmRSS");
  // Warm-up: the sign-in page and its refusal of a large form, one at a time and 32 at once, so first-use costs do not count.
  for (let i = 0; i < 5; i++) {
    await fetch(`http://127.0.0.1:${port}/login`).then((response) => response.arrayBuffer());
    const answers = await Promise.all(Array.from({ length: i === 0 ? 1 : 32 }, () => post(port, 1 * MB)));
    const refused = answers.filter((answer) => answer.status === 413).length;
    if (refused !== answers.length) console.log(`warm-up: ${answers.length - refused} of ${answers.length} 1 MB posts not answered 413`);
  }
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  console.log(`Server RSS ${(serving / MIB).toFixed(1)} MiB when serving, ${(readStatus(pid, "VmRSS") / MIB).toFixed(1)} MiB after the warm-up.`);

  for (const scenario of SCENARIOS) {
    const sampler = sampleRss(pid);
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: scenario.concurrent }, () => post(port, scenario.bytes)));
    const wallMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const memory = sampler.stop();
    const after = readStatus(pid, "VmRSS");

    const counts = new Map<number, number>();
    for (const answer of answers) counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
    const statuses = [...counts].map(([status, count]) => `${status === 0 ? "no answer (reset)" : status} ×${count}`).join(", ");
    const slowest = Math.max(...answers.map((answer) => answer.ms));
    const sent = Math.max(...answers.map((answer) => answer.sentBytes));
    const rise = (memory.peak - memory.before) / MIB;
    const all413 = answers.every((answer) => answer.status === 413);
    const fast = slowest < TARGET_MS;
    const lean = rise < TARGET_RISE_MIB;
    allMet &&= all413 && fast && lean;

    console.log(`\n${scenario.name} (${scenario.concurrent} × ${(scenario.bytes / MB).toFixed(0)} MB declared, ${wallMs.toFixed(0)} ms in all)`);
    console.log(`  answers                       ${statuses}   ${verdict(all413)} (413 each)`);
    console.log(`  slowest answer                ${slowest.toFixed(1)} ms                              ${verdict(fast)} (< ${TARGET_MS} ms)`);
    console.log(`  most body sent before answer  ${(sent / 1024).toFixed(0)} KiB`);
    console.log(
      `  server RSS before/peak/after  ${(memory.before / MIB).toFixed(1)} / ${(memory.peak / MIB).toFixed(1)} / ${(after / MIB).toFixed(1)} MiB, rise ${rise.toFixed(1)} MiB   ${verdict(lean)} (< ${TARGET_RISE_MIB} MiB)`,
    );
  }
  console.log(`\n${allMet ? "Every target met." : "A target was not met."}`);
  if (!allMet) process.exitCode = 1;
} finally {
  if (server) await stopServer(server);
  await database.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
