import type fs from "node:fs/promises";

/**
 * Each write costs the sealing thread's event loop a round trip to the
 * thread pool whatever its size, so one carries about 1 MiB (a segment)
 * rather than each piece.
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
export class SealedFileWriter {
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
