/**
 * A 1 GiB document upload (`npm run bench:upload`): its throughput through
 * the production server beside a plain copy of the same file on the same
 * disk, and how far the server's memory rises while the file streams through.
 * Targets: the upload at least 60% of the copy's MB/s; the server's resident
 * memory at most 64 MiB above where it stood before the upload.
 *
 * The file is a plan's case file of exactly PLAN_FILE_LIMIT_BYTES (1 GiB, the
 * largest file anyone may send), PDF by its first bytes, random after them.
 * The server is the production build (BUILD_DIR, built when missing or when
 * BENCH_REBUILD=1) running in its own process, so its RSS is read from
 * /proc apart from this client; it uses a throwaway embedded PostgreSQL and
 * data folder, so ./data is never touched. A plan user is signed in, and a
 * client in its own lean process (bench/upload-client.ts) streams the file
 * from disk over HTTP on localhost to POST /documents, as the plan's staff
 * would, onto an ACCEPTED case. Client and server share this machine's
 * CPUs, which a real uploader's computer would not; the client's CPU time is
 * printed beside the server's.
 *
 * The copy is the fastest of two plain copies, each flushed to disk with
 * fsync like the stored document: fs.copyFile (the kernel copies, as `cp`
 * does) and a read stream piped into a write stream (what a Node server
 * could do with no checks at all). Both read the same file, from the page
 * cache, as the upload's client does. BENCH_RUNS (default 3) runs of each;
 * the median counts for throughput, the largest rise for memory.
 * BENCH_CPU_PROFILE=<dir> writes the server's CPU profile there (open it in
 * Chrome's DevTools) to see where an upload's time goes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pipeline } from "node:stream/promises";
import { benchSecrets, ensureBuild, startServer, stopServer, waitUntilServing } from "./production-server";
import { sampleRss } from "./server-memory";
import type { UploadClientAnswer, UploadClientRequest } from "./upload-client";
import { PLAN_FILE_LIMIT_BYTES } from "~/domain/documents/limits";
import { connectDatabase, db, disconnectDatabase } from "~/server/db.server";
import { freePort, startEmbeddedDatabase } from "~/server/embedded-database.server";
import { migrate, readMigrations } from "~/server/migrate.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { startSession } from "~/server/session.server";

const FILE_BYTES = PLAN_FILE_LIMIT_BYTES;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_RATIO = 0.6;
const TARGET_RISE_MIB = 64;
const MIB = 1024 * 1024;
/** MB/s in the decimal megabytes disks are sold in. */
const mbPerSecond = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

ensureBuild();

// Source, copies and the server's documents all live in this one folder: the same disk.
const dir = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), "imr-bench-upload-"));
fs.chmodSync(dir, 0o777);
const source = path.join(dir, "case-file.pdf");
const database = await startEmbeddedDatabase({ dir: path.join(dir, "pg"), port: await freePort(), password: "bench", database: "bench" });
let server: ChildProcess | undefined;
try {
  const { sessionSecret, documentKey } = benchSecrets();
  await migrate(database.url, readMigrations(path.resolve("prisma", "migrations")));
  connectDatabase(database.url);
  await ensureReferenceData();
  const { cookie, caseId } = await planUserWithOpenCase();

  const started = performance.now();
  const sha256 = await writeSourceFile(source, FILE_BYTES);
  console.log(`Wrote the ${FILE_BYTES / MIB} MiB source file in ${((performance.now() - started) / 1000).toFixed(1)} s (${dir}).`);

  const port = await freePort();
  server = startServer({ port, databaseUrl: database.appUrl, migrationDatabaseUrl: database.url, dataDir: path.join(dir, "data"), sessionSecret, documentKey });
  await waitUntilServing(port, server);
  const upload = (file: string, bytes: number) => uploadFile({ port, cookie, caseId, file, bytes });

  // Warm-up: loads the route modules, opens the database pool and lets the JIT see the path.
  const warmUp = path.join(dir, "warm-up.pdf");
  const warmUpSha = await writeSourceFile(warmUp, 32 * MIB);
  for (let i = 0; i < 3; i++) checkStored(await upload(warmUp, 32 * MIB), 32 * MIB, warmUpSha);
  fs.rmSync(warmUp);

  const copyFile: number[] = [];
  const streamCopy: number[] = [];
  const uploads: number[] = [];
  const memory: { before: number; peak: number }[] = [];
  const serverCpu: number[] = [];
  const clientCpu: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    copyFile.push(await timed(() => copyWithCopyFile(source, path.join(dir, "copy.pdf"))));
    fs.rmSync(path.join(dir, "copy.pdf"));
    streamCopy.push(await timed(() => copyWithStreams(source, path.join(dir, "copy.pdf"))));
    fs.rmSync(path.join(dir, "copy.pdf"));

    const sampler = sampleRss(server.pid!);
    const cpuBefore = cpuSeconds(server.pid!);
    const stored = await upload(source, FILE_BYTES);
    uploads.push(stored.elapsedMs);
    serverCpu.push(cpuSeconds(server.pid!) - cpuBefore);
    clientCpu.push(stored.cpuSeconds);
    memory.push(sampler.stop());
    checkStored(stored, FILE_BYTES, sha256);
    console.log(
      `run ${run}: copyFile ${mbPerSecond(FILE_BYTES, copyFile.at(-1)!).toFixed(0)} MB/s, stream copy ${mbPerSecond(FILE_BYTES, streamCopy.at(-1)!).toFixed(0)} MB/s, ` +
        `upload ${mbPerSecond(FILE_BYTES, uploads.at(-1)!).toFixed(0)} MB/s (CPU: server ${serverCpu.at(-1)!.toFixed(1)} s, client ${clientCpu.at(-1)!.toFixed(1)} s), ` +
        `server RSS ${mib(memory.at(-1)!.before)} → ${mib(memory.at(-1)!.peak)} MiB`,
    );
  }

  const copyFileRate = mbPerSecond(FILE_BYTES, median(copyFile));
  const streamCopyRate = mbPerSecond(FILE_BYTES, median(streamCopy));
  const copyRate = Math.max(copyFileRate, streamCopyRate);
  const uploadRate = mbPerSecond(FILE_BYTES, median(uploads));
  const ratio = uploadRate / copyRate;
  const worst = memory.reduce((a, b) => (b.peak - b.before > a.peak - a.before ? b : a));
  const rise = (worst.peak - worst.before) / MIB;
  const verdict = (met: boolean) => (met ? "PASS" : "FAIL");
  console.log(`\n${FILE_BYTES / MIB} MiB, median of ${RUNS} runs, MB = 10^6 bytes.`);
  const [load] = os.loadavg();
  if (load! > os.availableParallelism()) {
    console.log(
      `Load average ${load!.toFixed(1)} on ${os.availableParallelism()} CPUs: the upload competes for the CPU, the copy much less; rerun on a quiet machine.`,
    );
  }
  console.log(`plain copy, fs.copyFile + fsync        ${copyFileRate.toFixed(0)} MB/s`);
  console.log(`plain copy, stream pipeline + fsync    ${streamCopyRate.toFixed(0)} MB/s`);
  console.log(`upload, POST /documents on localhost   ${uploadRate.toFixed(0)} MB/s`);
  // What the server's own work allows, whatever else the machine is doing.
  console.log(
    `  server CPU time per upload           ${median(serverCpu).toFixed(1)} s (${mbPerSecond(FILE_BYTES, median(serverCpu) * 1000).toFixed(0)} MB per CPU second)`,
  );
  console.log(`  client CPU time per upload           ${median(clientCpu).toFixed(1)} s (on the same CPUs as the server)`);
  console.log(`upload / faster copy                   ${(ratio * 100).toFixed(0)}% (target ≥ ${TARGET_RATIO * 100}%) ${verdict(ratio >= TARGET_RATIO)}`);
  console.log(
    `server RSS before / peak / rise         ${mib(worst.before)} / ${mib(worst.peak)} / ${rise.toFixed(1)} MiB (largest of ${RUNS}; target ≤ ${TARGET_RISE_MIB} MiB) ${verdict(rise <= TARGET_RISE_MIB)}`,
  );
  if (ratio < TARGET_RATIO || rise > TARGET_RISE_MIB) process.exitCode = 1;
} finally {
  if (server) await stopServer(server);
  await disconnectDatabase();
  await database.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A plan, one of its staff signed in, and an accepted case of the plan's (plans may add files while the review is open). */
async function planUserWithOpenCase(): Promise<{ cookie: string; caseId: string }> {
  const plan = await db.healthPlan.create({ data: { name: "Bench Upload Plan", ruleProfileCode: "naic", contactEmail: "bench@plan.example" } });
  const planUser = await db.user.create({ data: { email: "bench-plan@plan.example", name: "Bench Plan User", roles: ["PLAN"], planId: plan.id } });
  const applicant = await db.user.create({ data: { email: "bench-applicant@example.com", name: "Bench Applicant", roles: ["APPLICANT"] } });
  const profile = await db.ruleProfile.findFirstOrThrow({ where: { code: "naic" }, orderBy: { version: "asc" } });
  const filed = await db.case.create({
    data: {
      applicantId: applicant.id,
      planId: plan.id,
      status: "ACCEPTED",
      reference: "IMR-2000-000001-U",
      submittedAt: new Date(),
      acceptedAt: new Date(),
      serviceDescription: "Bench service",
      ruleProfileId: profile.id,
    },
  });
  const setCookie = await startSession(planUser.id, new Request("http://localhost/login", { headers: { "x-imr-client-ip": "127.0.0.1" } }));
  return { cookie: setCookie.split(";")[0]!, caseId: filed.id };
}

/** `bytes` of "PDF" (by its signature) from random data, flushed to disk; returns its SHA-256. */
async function writeSourceFile(file: string, bytes: number): Promise<string> {
  const hash = crypto.createHash("sha256");
  const block = crypto.randomBytes(8 * MIB);
  Buffer.from("%PDF-1.7\n").copy(block);
  const handle = await fs.promises.open(file, "w");
  try {
    for (let written = 0; written < bytes;) {
      const piece = block.subarray(0, Math.min(block.length, bytes - written));
      hash.update(piece);
      await handle.write(piece);
      written += piece.length;
      // Later blocks differ from the first, so nothing downstream sees a repeating file.
      block.writeUInt32LE(written, 16);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return hash.digest("hex");
}

async function copyWithCopyFile(from: string, to: string): Promise<void> {
  await fs.promises.copyFile(from, to);
  const handle = await fs.promises.open(to, "r+");
  await handle.sync();
  await handle.close();
}

async function copyWithStreams(from: string, to: string): Promise<void> {
  // flush: fsync before the file is closed.
  const target = fs.createWriteStream(to, { flush: true });
  await pipeline(fs.createReadStream(from), target);
  if (!target.closed) await once(target, "close");
}

/** Runs bench/upload-client.ts in its own process: the file streamed from disk, never read whole. */
async function uploadFile(options: { port: number; cookie: string; caseId: string; file: string; bytes: number }): Promise<UploadClientAnswer> {
  const query = new URLSearchParams({ caseId: options.caseId, kind: "PLAN_CASE_FILE", name: path.basename(options.file) });
  const request: UploadClientRequest = {
    port: options.port,
    path: `/documents?${query.toString()}`,
    cookie: options.cookie,
    file: options.file,
    bytes: options.bytes,
  };
  const client = spawn(process.execPath, ["--import", "tsx", path.resolve("bench", "upload-client.ts"), JSON.stringify(request)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  client.stdout!.setEncoding("utf8").on("data", (text: string) => (output += text));
  // "close", not "exit": by then stdout has delivered everything.
  const [code] = (await once(client, "close")) as [number | null];
  if (code !== 0) throw new Error(`The upload client exited with code ${code}`);
  return JSON.parse(output) as UploadClientAnswer;
}

function checkStored(answer: UploadClientAnswer, bytes: number, sha256: string): void {
  if (answer.status !== 201) throw new Error(`Upload answered ${answer.status}: ${answer.body}`);
  const stored = JSON.parse(answer.body) as { sizeBytes: number; sha256: string };
  if (stored.sizeBytes !== bytes || stored.sha256 !== sha256) throw new Error(`Upload stored ${stored.sizeBytes} bytes with SHA-256 ${stored.sha256}`);
}

/** User and system CPU time the process has used, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  // The fields after the command name, which sits in parentheses and may hold spaces.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticksPerSecond = 100; // USER_HZ, 100 on Linux
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function mib(bytes: number): string {
  return (bytes / MIB).toFixed(1);
}
