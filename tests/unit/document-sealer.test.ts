import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptDocument, masterKeyFrom } from "~/server/documents/document-cipher.server";
import { sealToFile } from "~/server/documents/document-sealer.server";

const masterKey = masterKeyFrom(Buffer.alloc(32, 3).toString("base64"));
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-sealer-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function* yielding(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* chunks;
}

async function opened(file: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of decryptDocument(fs.createReadStream(file), masterKey)) parts.push(part);
  return Buffer.concat(parts);
}

const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");

describe("sealing a document on the sealing thread", () => {
  it("writes the sealed file and answers the plaintext's size and SHA-256, leaving the caller's chunks as they were", async () => {
    const plaintext = crypto.randomBytes(3 * 1024 * 1024 + 123);
    const chunks = [plaintext.subarray(0, 1000), plaintext.subarray(1000, 2_000_000), plaintext.subarray(2_000_000)];
    const file = path.join(dir, "copied.part");

    const sealed = await sealToFile(yielding(chunks), file, masterKey, { takeChunks: false });

    expect(sealed).toEqual({ sizeBytes: plaintext.length, sha256: sha256(plaintext) });
    expect((await opened(file)).equals(plaintext)).toBe(true);
    expect(chunks.map((chunk) => chunk.byteLength)).toEqual([1000, 1_999_000, plaintext.length - 2_000_000]);
  });

  it("moves chunks it is given whole, and copies those that are views of a larger buffer", async () => {
    const whole = crypto.randomBytes(200_000).buffer.slice(0);
    const given = new Uint8Array(whole);
    const larger = crypto.randomBytes(50_000);
    const view = larger.subarray(10, 40_010);
    const expected = Buffer.concat([Buffer.from(given), view]);
    const file = path.join(dir, "taken.part");

    const sealed = await sealToFile(yielding([given, view]), file, masterKey, { takeChunks: true });

    expect(sealed.sha256).toBe(sha256(expected));
    expect((await opened(file)).equals(expected)).toBe(true);
    expect(given.byteLength).toBe(0);
    expect(view.byteLength).toBe(40_000);
  });

  it("removes the file when the content fails midway, and passes the failure on", async () => {
    const file = path.join(dir, "interrupted.part");
    async function* cutOff(): AsyncGenerator<Uint8Array> {
      yield crypto.randomBytes(3 * 1024 * 1024);
      throw new Error("the client went away");
    }

    await expect(sealToFile(cutOff(), file, masterKey, { takeChunks: true })).rejects.toThrow("the client went away");
    expect(fs.existsSync(file)).toBe(false);
  });

  it("fails without leaving a file when the file cannot be created, and keeps sealing documents after", async () => {
    const file = path.join(dir, "no such folder", "x.part");
    await expect(sealToFile(yielding([Buffer.from("%PDF-1.7")]), file, masterKey, { takeChunks: false })).rejects.toThrow(/ENOENT/);
    const next = path.join(dir, "after.part");
    await expect(sealToFile(yielding([Buffer.from("%PDF-1.7")]), next, masterKey, { takeChunks: false })).resolves.toMatchObject({ sizeBytes: 8 });
  });

  it("seals several documents at once, each to its own file", async () => {
    const documents = Array.from({ length: 4 }, (_, n) => crypto.randomBytes(1_500_000 + n * 100_000));
    const results = await Promise.all(
      documents.map((bytes, n) =>
        sealToFile(yielding([bytes.subarray(0, 700_000), bytes.subarray(700_000)]), path.join(dir, `side-by-side-${n}.part`), masterKey, { takeChunks: false }),
      ),
    );
    for (const [n, bytes] of documents.entries()) {
      expect(results[n]!.sha256).toBe(sha256(bytes));
      expect((await opened(path.join(dir, `side-by-side-${n}.part`))).equals(bytes)).toBe(true);
    }
  });
});
