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
    try {
      for await (const sealed of encryptDocument(measured(), this.masterKey)) await writeAll(file, sealed);
      await file.sync();
    } catch (error) {
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

async function writeAll(file: fs.FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await file.write(bytes, offset);
    offset += bytesWritten;
  }
}
