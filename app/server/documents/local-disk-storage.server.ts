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
    const writer = new SealedFileWriter(file);
    try {
      for await (const piece of encryptDocument(measured(), this.masterKey)) await writer.write(piece);
      await writer.finish();
    } catch (error) {
      await writer.abandon();
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
 * its size, so one carries about 1 MiB (a segment) rather than each piece.
 */
const WRITE_BATCH_BYTES = 1024 * 1024;
/**
 * Left alone, the kernel holds a whole upload in memory and writes it to the
 * disk only when the final fsync asks, so the upload waits twice: for the
 * CPU, then for the disk. Asking for the data written so far every 32 MiB
 * keeps the disk writing while the next bytes are hashed and sealed.
 */
const FLUSH_EVERY_BYTES = 32 * 1024 * 1024;

const ignore = () => undefined;

/**
 * Writes the sealed pieces in batches, one batch in flight while the next is
 * filled, and one flush to disk in flight behind them: about 2 MiB held per
 * upload.
 */
class SealedFileWriter {
  private batch: Buffer[] = [];
  private batchBytes = 0;
  private unflushedBytes = 0;
  private writing: Promise<void> = Promise.resolve();
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly file: fs.FileHandle) {}

  async write(piece: Buffer): Promise<void> {
    this.batch.push(piece);
    this.batchBytes += piece.length;
    if (this.batchBytes >= WRITE_BATCH_BYTES) await this.startWrite();
  }

  /** Writes what is left and waits until the whole file is on the disk. */
  async finish(): Promise<void> {
    await this.startWrite();
    await this.writing;
    await this.flushing;
    await this.file.sync();
  }

  /** After a failure: lets the write and flush in flight end, so the file can be closed and removed. */
  async abandon(): Promise<void> {
    await this.writing.catch(ignore);
    await this.flushing.catch(ignore);
  }

  private async startWrite(): Promise<void> {
    await this.writing;
    const pieces = this.batch;
    this.unflushedBytes += this.batchBytes;
    this.batch = [];
    this.batchBytes = 0;
    this.writing = writeAll(this.file, pieces);
    // Handled when awaited; until then a failure must not count as unhandled.
    this.writing.catch(ignore);
    if (this.unflushedBytes < FLUSH_EVERY_BYTES) return;
    await this.flushing;
    this.unflushedBytes = 0;
    this.flushing = this.writing.then(() => this.file.datasync());
    this.flushing.catch(ignore);
  }
}

async function writeAll(file: fs.FileHandle, pieces: Buffer[]): Promise<void> {
  const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
  if (total === 0) return;
  const { bytesWritten } = await file.writev(pieces);
  if (bytesWritten === total) return;
  // A short write (rare on a local disk): the rest, from where it stopped.
  let rest = Buffer.concat(pieces).subarray(bytesWritten);
  while (rest.length) {
    const { bytesWritten: more } = await file.write(rest);
    rest = rest.subarray(more);
  }
}
