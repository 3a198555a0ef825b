import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { decryptDocument, encryptDocument } from "./document-cipher.server";
import type { DocumentStorage, StoredDocument } from "./storage.server";

const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Documents as encrypted files on the local disk: `<root>/<first two
 * characters of the key>/<key>`. A file is written under `<root>/incoming/`
 * and renamed into place once complete and flushed, so a reader never sees
 * half a file and an interrupted upload leaves only a temporary file, which
 * is removed at once.
 */
export class LocalDiskStorage implements DocumentStorage {
  constructor(
    private readonly root: string,
    private readonly masterKey: Buffer,
  ) {}

  async put(content: AsyncIterable<Uint8Array>): Promise<StoredDocument> {
    const key = crypto.randomUUID();
    const incoming = path.join(this.root, "incoming", `${key}.part`);
    await fs.mkdir(path.dirname(incoming), { recursive: true, mode: 0o700 });
    const hash = crypto.createHash("sha256");
    let sizeBytes = 0;
    async function* measured(): AsyncGenerator<Uint8Array> {
      for await (const chunk of content) {
        hash.update(chunk);
        sizeBytes += chunk.byteLength;
        yield chunk;
      }
    }
    const file = await fs.open(incoming, "wx", 0o600);
    // One write is in flight while the next bytes are hashed and sealed, so
    // the disk and the CPU work at the same time.
    let writing: Promise<void> = Promise.resolve();
    try {
      let batch: Buffer[] = [];
      let batchBytes = 0;
      for await (const piece of encryptDocument(measured(), this.masterKey)) {
        batch.push(piece);
        batchBytes += piece.length;
        if (batchBytes < WRITE_BATCH_BYTES) continue;
        await writing;
        writing = writeAll(file, batch);
        // Handled when awaited; until then a failure must not count as unhandled.
        writing.catch(() => undefined);
        batch = [];
        batchBytes = 0;
      }
      await writing;
      await writeAll(file, batch);
      await file.sync();
    } catch (error) {
      await writing.catch(() => undefined);
      await file.close();
      await fs.rm(incoming, { force: true });
      throw error;
    }
    await file.close();
    const target = this.pathOf(key);
    try {
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await fs.rename(incoming, target);
    } catch (error) {
      await fs.rm(incoming, { force: true });
      throw error;
    }
    return { key, sizeBytes, sha256: hash.digest("hex") };
  }

  async get(key: string): Promise<ReadableStream<Uint8Array>> {
    const file = await fs.open(this.pathOf(key), "r");
    const plaintext = decryptDocument(file.createReadStream(), this.masterKey);
    // Reading the first segment now means a missing or tampered file fails
    // here, while the caller can still answer with an error page.
    let first: IteratorResult<Buffer> | null = await plaintext.next();
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = first ?? (await plaintext.next());
        first = null;
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await plaintext.return(undefined);
      },
    });
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    // Keys are ours (UUIDs); checking the shape keeps any other string from naming a path.
    if (!KEY_PATTERN.test(key)) throw new Error(`Not a document storage key: ${JSON.stringify(key)}`);
    return path.join(this.root, key.slice(0, 2), key);
  }
}

/**
 * Each write costs the event loop a round trip to the thread pool whatever
 * its size, so one carries 16 segments (1 MiB) rather than one, for 2 MiB
 * held per upload (the batch being filled and the write in flight).
 */
const WRITE_BATCH_BYTES = 1024 * 1024;

async function writeAll(file: fs.FileHandle, pieces: Buffer[]): Promise<void> {
  const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
  const { bytesWritten } = await file.writev(pieces);
  if (bytesWritten === total) return;
  // A short write (rare on a local disk): the rest, from where it stopped.
  let rest = Buffer.concat(pieces).subarray(bytesWritten);
  while (rest.length) {
    const { bytesWritten: more } = await file.write(rest);
    rest = rest.subarray(more);
  }
}
