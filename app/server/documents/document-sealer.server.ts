import { Worker } from "node:worker_threads";
import type { SealedFile } from "./sealed-stream.server";
import type { S3Settings } from "./s3-storage.server";
import type { SealingReply, SealingRequest, SealingTarget } from "./sealing-worker.server";

/** Chunks go to the sealing thread about 1 MiB at a time; each message costs both threads a little. */
const BATCH_BYTES = 1024 * 1024;
/** Batches sent and not yet sealed: what one document holds in memory between the threads. */
const MAX_BATCHES_IN_FLIGHT = 4;

/**
 * Seals `content` into a new file at `path` (document-cipher.server.ts) on
 * the sealing thread (sealing-worker.server.ts), and answers its size and
 * SHA-256. If `content` throws, or the thread fails, no file is left.
 *
 * With `takeChunks`, the caller gives the chunks away: a chunk that is the
 * whole of its buffer moves to the sealing thread without a copy, and is
 * empty here afterwards. Without it, each chunk is copied.
 */
export function sealToFile(content: AsyncIterable<Uint8Array>, path: string, masterKey: Buffer, options: { takeChunks: boolean }): Promise<SealedFile> {
  return sealOnThread(content, { kind: "file", path }, masterKey, options);
}

/**
 * As `sealToFile`, into the object `key` of the bucket `settings` names, sent
 * up in parts of `partBytes` from the sealing thread, which keeps its own
 * client: the bytes never come back to this thread. If `content` throws, or
 * the upload fails, the multipart upload is aborted and no object is left.
 */
export function sealToBucket(
  content: AsyncIterable<Uint8Array>,
  bucket: { settings: S3Settings; key: string; partBytes: number },
  masterKey: Buffer,
  options: { takeChunks: boolean },
): Promise<SealedFile> {
  return sealOnThread(content, { kind: "bucket", ...bucket }, masterKey, options);
}

async function sealOnThread(
  content: AsyncIterable<Uint8Array>,
  target: SealingTarget,
  masterKey: Buffer,
  options: { takeChunks: boolean },
): Promise<SealedFile> {
  const job = new SealingJob(target, masterKey);
  try {
    for await (const chunk of content) await job.add(chunk, options.takeChunks);
  } catch (error) {
    await job.abandon();
    throw error;
  }
  return job.finish();
}

let thread: Worker | undefined;
const jobs = new Map<number, SealingJob>();
let lastJob = 0;

/** One thread for the process, started on first use and kept while any document is being sealed. */
function sealingThread(): Worker {
  if (thread) return thread;
  const started = startSealingThread();
  started.on("message", (reply: SealingReply) => jobs.get(reply.job)?.receive(reply));
  started.on("error", (error) => {
    for (const job of jobs.values()) job.fail(error);
  });
  started.on("exit", (code) => {
    if (thread === started) thread = undefined;
    for (const job of jobs.values()) job.fail(new Error(`The document sealing thread stopped (exit code ${code})`));
  });
  thread = started;
  return started;
}

/**
 * The thread's heap holds little that lives long, so a small young
 * generation costs it little and collects the S3 client's per-part garbage
 * sooner: bench:cluster's 1 GiB upload to a bucket rose 136-141 MiB with
 * the default, 119-141 MiB with this.
 */
const SEALING_THREAD_LIMITS = { maxYoungGenerationSizeMb: 2 };

function startSealingThread(): Worker {
  // The server build emits the thread as a file of its own and points the
  // URL below at it (vite.config.ts). From the sources (tests, dev, scripts)
  // tsx compiles it.
  // --input-type (the server may run from `node --input-type=module -e`) is refused for a file.
  const execArgv = process.execArgv.filter((flag) => !flag.startsWith("--input-type"));
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./document-sealing-worker.js", import.meta.url), { execArgv, resourceLimits: SEALING_THREAD_LIMITS });
  const source = JSON.stringify(new URL("./sealing-worker.server.ts", import.meta.url).href);
  return new Worker(`import("tsx/esm/api").then(({ tsImport }) => tsImport(${source}, ${source}))`, {
    eval: true,
    execArgv,
    resourceLimits: SEALING_THREAD_LIMITS,
  });
}

interface Waiting {
  resolve: () => void;
  reject: (error: Error) => void;
}

class SealingJob {
  private readonly id = ++lastJob;
  private readonly thread = sealingThread();
  /** Each chunk here owns its whole buffer, which moves with it. */
  private batch: Uint8Array[] = [];
  private batchBytes = 0;
  private inFlight = 0;
  private room: Waiting | null = null;
  private failure: Error | null = null;
  private readonly outcome: Promise<SealedFile>;
  private settle!: { resolve: (sealed: SealedFile) => void; reject: (error: Error) => void };

  constructor(target: SealingTarget, masterKey: Buffer) {
    this.outcome = new Promise<SealedFile>((resolve, reject) => (this.settle = { resolve, reject }));
    // Handled when awaited; a failure before then must not count as unhandled.
    this.outcome.catch(() => undefined);
    jobs.set(this.id, this);
    if (jobs.size === 1) this.thread.ref();
    this.post({ job: this.id, kind: "start", target, masterKey: new Uint8Array(masterKey) });
  }

  async add(chunk: Uint8Array, take: boolean): Promise<void> {
    if (this.failure) throw this.failure;
    if (chunk.byteLength === 0) return;
    const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer;
    // Otherwise a copy of just these bytes (a Buffer's slice() would be a view): posting a view copies its whole buffer.
    this.batch.push(take && whole ? chunk : new Uint8Array(chunk));
    this.batchBytes += chunk.byteLength;
    if (this.batchBytes >= BATCH_BYTES) await this.send();
  }

  async finish(): Promise<SealedFile> {
    await this.send();
    this.post({ job: this.id, kind: "end" });
    return this.outcome;
  }

  /** Stops the job and waits until its file is removed. */
  async abandon(): Promise<void> {
    this.post({ job: this.id, kind: "abandon" });
    await this.outcome.catch(() => undefined);
  }

  receive(reply: SealingReply): void {
    if (reply.kind === "taken") {
      this.inFlight--;
      this.room?.resolve();
      this.room = null;
    } else if (reply.kind === "sealed") {
      this.done();
      this.settle.resolve({ sizeBytes: reply.sizeBytes, sha256: reply.sha256 });
    } else {
      this.fail(new Error(`Sealing the document failed: ${reply.message}`));
    }
  }

  fail(error: Error): void {
    this.failure ??= error;
    this.done();
    this.room?.reject(error);
    this.room = null;
    this.settle.reject(error);
  }

  private done(): void {
    jobs.delete(this.id);
    // Idle, the thread must not keep a script or a test run alive.
    if (jobs.size === 0) this.thread.unref();
  }

  private async send(): Promise<void> {
    if (this.batch.length === 0) return;
    while (this.inFlight >= MAX_BATCHES_IN_FLIGHT) {
      await new Promise<void>((resolve, reject) => (this.room = { resolve, reject }));
    }
    if (this.failure) throw this.failure;
    this.inFlight++;
    const chunks = this.batch;
    this.batch = [];
    this.batchBytes = 0;
    this.thread.postMessage(
      { job: this.id, kind: "chunks", chunks } satisfies SealingRequest,
      chunks.map((chunk) => chunk.buffer as ArrayBuffer),
    );
  }

  private post(request: SealingRequest): void {
    this.thread.postMessage(request);
  }
}
