import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { HEADER_BYTES, sealedSpan, verifiedPlaintext, type PlainRange } from "./document-cipher.server";
import { sealToFile } from "./document-sealer.server";
import type { DocumentStorage, PutOptions, StorageEntry, StoredDocument } from "./storage.server";

const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UNFINISHED_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.part$/;
const FOLDER_PATTERN = /^[0-9a-f]{2}$/;

/**
 * Documents as encrypted files on the local disk: `<root>/<first two
 * characters of the key>/<key>`. A file is written under `<root>/incoming/`
 * and renamed into place once complete and flushed, so a reader never sees
 * half a file and an interrupted upload leaves only a temporary file, which
 * is removed at once (or, when the process died, by the storage sweep).
 */
export class LocalDiskStorage implements DocumentStorage {
  constructor(
    private readonly root: string,
    private readonly masterKey: Buffer,
  ) {}

  async put(content: AsyncIterable<Uint8Array>, options: PutOptions = {}): Promise<StoredDocument> {
    const key = crypto.randomUUID();
    const incoming = path.join(this.root, "incoming", `${key}.part`);
    await fs.mkdir(path.dirname(incoming), { recursive: true, mode: 0o700 });
    const { sizeBytes, sha256 } = await sealToFile(content, incoming, this.masterKey, { takeChunks: options.takeChunks ?? false });
    const target = this.pathOf(key);
    try {
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await fs.rename(incoming, target);
    } catch (error) {
      await fs.rm(incoming, { force: true });
      throw error;
    }
    return { key, sizeBytes, sha256 };
  }

  async get(key: string, range?: PlainRange): Promise<ReadableStream<Uint8Array>> {
    const file = await fs.open(this.pathOf(key), "r");
    if (!range) return verifiedPlaintext(file.createReadStream(), this.masterKey);
    let span;
    try {
      const header = Buffer.alloc(HEADER_BYTES);
      const { bytesRead } = await file.read(header, 0, HEADER_BYTES, 0);
      span = sealedSpan(header.subarray(0, bytesRead), (await file.stat()).size, this.masterKey, range);
    } catch (error) {
      await file.close();
      throw error;
    }
    // The stream closes the file at its end, or when the reader stops early.
    return span.open(file.createReadStream({ start: span.from, end: span.to - 1 }));
  }

  /** The object's sealed bytes as they are on the disk, for copying them elsewhere (storage-migrate.server.ts). */
  async sealed(key: string): Promise<Readable> {
    const file = await fs.open(this.pathOf(key), "r");
    return file.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async *objects(): AsyncIterable<StorageEntry> {
    for (const folder of await namesIn(this.root)) {
      if (!FOLDER_PATTERN.test(folder)) continue;
      for (const key of await namesIn(path.join(this.root, folder))) {
        if (!KEY_PATTERN.test(key)) continue;
        const entry = await entryOf(key, path.join(this.root, folder, key));
        if (entry) yield entry;
      }
    }
  }

  async *unfinishedWrites(): AsyncIterable<StorageEntry> {
    const incoming = path.join(this.root, "incoming");
    for (const name of await namesIn(incoming)) {
      if (!UNFINISHED_PATTERN.test(name)) continue;
      const entry = await entryOf(name, path.join(incoming, name));
      if (entry) yield entry;
    }
  }

  async removeUnfinished(name: string): Promise<void> {
    if (!UNFINISHED_PATTERN.test(name)) throw new Error(`Not an unfinished write: ${JSON.stringify(name)}`);
    await fs.rm(path.join(this.root, "incoming", name), { force: true });
  }

  async check(): Promise<void> {
    // A fresh install has stored nothing yet: the folder is made as a first upload would.
    await fs.mkdir(this.root, { recursive: true, mode: 0o700 });
    await fs.access(this.root, fs.constants.R_OK | fs.constants.W_OK);
  }

  private pathOf(key: string): string {
    // Keys are ours (UUIDs); checking the shape keeps any other string from naming a path.
    if (!KEY_PATTERN.test(key)) throw new Error(`Not a document storage key: ${JSON.stringify(key)}`);
    return path.join(this.root, key.slice(0, 2), key);
  }
}

/** The names in a folder; none when it does not exist (nothing was ever stored). */
async function namesIn(folder: string): Promise<string[]> {
  try {
    return await fs.readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** A file's size and last write; null when it went while the folder was listed. */
async function entryOf(name: string, file: string): Promise<StorageEntry | null> {
  try {
    const stat = await fs.stat(file);
    return { name, sizeBytes: stat.size, writtenAt: stat.mtime };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
