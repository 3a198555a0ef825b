/**
 * The document sealing thread, started by document-sealer.server.ts: hashes,
 * encrypts and writes each document's file, or sends it up to the bucket,
 * away from the event loop.
 *
 * Why a thread of its own: a document's bytes arrive and leave as buffers
 * outside V8's heap. On the main thread a 1 GiB upload made 2 GiB of them,
 * and V8 answered that pressure with a full collection of the whole server's
 * heap every 64 MiB or so, which at times doubled the upload's CPU time. Here
 * the heap holds little more than this file, so the same collections cost
 * next to nothing, and the server's heap never sees the bytes.
 */
import fs from "node:fs/promises";
import { parentPort } from "node:worker_threads";
import type { S3Client } from "@aws-sdk/client-s3";
import { s3Client, uploadSealed, type S3Settings } from "./s3-storage.server";
import { SealedFileWriter } from "./sealed-file-writer.server";
import { sealStream, type SealedFile } from "./sealed-stream.server";

/** Where a document's sealed bytes go: a new file, or an object in the bucket, sent up in parts. */
export type SealingTarget = { kind: "file"; path: string } | { kind: "bucket"; settings: S3Settings; key: string; partBytes: number };

export type SealingRequest =
  | { job: number; kind: "start"; target: SealingTarget; masterKey: Uint8Array }
  | { job: number; kind: "chunks"; chunks: Uint8Array[] }
  | { job: number; kind: "end" }
  | { job: number; kind: "abandon" };

export type SealingReply =
  /** A batch of chunks is sealed: room for the next. */
  | { job: number; kind: "taken" }
  | { job: number; kind: "sealed"; sizeBytes: number; sha256: string }
  /** The file is removed. */
  | { job: number; kind: "failed"; message: string };

class Abandoned extends Error {
  constructor() {
    super("The content stopped before its end");
  }
}

/** The chunks of one document as the main thread sends them, in order. */
class Inbox {
  private batches: Uint8Array[][] = [];
  private ended = false;
  private abandoned = false;
  private wake: (() => void) | null = null;

  constructor(private readonly job: number) {}

  receive(request: SealingRequest): void {
    if (request.kind === "chunks") this.batches.push(request.chunks);
    else if (request.kind === "end") this.ended = true;
    else if (request.kind === "abandon") this.abandoned = true;
    this.wake?.();
    this.wake = null;
  }

  async *chunks(): AsyncGenerator<Uint8Array> {
    for (;;) {
      if (this.abandoned) throw new Abandoned();
      const batch = this.batches.shift();
      if (batch) {
        yield* batch;
        reply({ job: this.job, kind: "taken" });
      } else if (this.ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    }
  }
}

function reply(message: SealingReply): void {
  parentPort!.postMessage(message);
}

async function seal(target: SealingTarget, masterKey: Buffer, inbox: Inbox): Promise<SealedFile> {
  const sealing = sealStream(inbox.chunks(), masterKey);
  if (target.kind === "bucket") {
    // A failed upload is aborted whole (uploadSealed), as a failed file is removed below.
    await uploadSealed(clientFor(target.settings), target.settings.bucket, target.key, sealing.pieces, target.partBytes);
    return sealing.measured();
  }
  const { path } = target;
  const file = await fs.open(path, "wx", 0o600);
  const writer = new SealedFileWriter(file);
  try {
    for await (const piece of sealing.pieces) await writer.write(piece);
    await writer.finish();
  } catch (error) {
    await writer.abandon();
    await file.close();
    await fs.rm(path, { force: true });
    throw error;
  }
  await file.close();
  return sealing.measured();
}

/** One client per bucket's settings for the thread: it keeps its connections open between uploads. */
const clients = new Map<string, S3Client>();

function clientFor(settings: S3Settings): S3Client {
  const id = JSON.stringify(settings);
  let client = clients.get(id);
  if (!client) clients.set(id, (client = s3Client(settings)));
  return client;
}

const inboxes = new Map<number, Inbox>();

parentPort!.on("message", (request: SealingRequest) => {
  if (request.kind !== "start") {
    inboxes.get(request.job)?.receive(request);
    return;
  }
  const inbox = new Inbox(request.job);
  inboxes.set(request.job, inbox);
  seal(request.target, Buffer.from(request.masterKey), inbox)
    .then(
      (sealed) => reply({ job: request.job, kind: "sealed", ...sealed }),
      (error: unknown) => reply({ job: request.job, kind: "failed", message: error instanceof Error ? error.message : String(error) }),
    )
    .finally(() => inboxes.delete(request.job));
});
