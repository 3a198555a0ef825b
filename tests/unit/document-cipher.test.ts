import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decryptDocument, DocumentIntegrityError, encryptDocument, masterKeyFrom, SEGMENT_BYTES, sealedSpan } from "~/server/documents/document-cipher.server";

const HEADER_BYTES = 37;
const TAG_BYTES = 16;
const masterKey = masterKeyFrom(Buffer.alloc(32, 7).toString("base64"));

async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

async function collect(parts: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const collected: Buffer[] = [];
  for await (const part of parts) collected.push(Buffer.from(part));
  return Buffer.concat(collected);
}

/** What the document in tests/fixtures/document-sealed-v1.bin holds, sealed by the first version with this key. */
function versionOnePlaintext(): Buffer {
  let text = "";
  for (let n = 0; text.length < 140_000; n++) text += `Sealed before 1 MiB segments, line ${n}\n`;
  return Buffer.from(text.slice(0, 140_000));
}

describe("documents sealed at rest", () => {
  it("seals 1 MiB segments, each with its tag, and opens them back to the same bytes", async () => {
    const plaintext = Buffer.alloc(2 * SEGMENT_BYTES + 1000, "patient record ");
    const sealed = await collect(encryptDocument(chunksOf(plaintext, 64 * 1024), masterKey));
    expect(SEGMENT_BYTES).toBe(1024 * 1024);
    expect(sealed.length).toBe(HEADER_BYTES + plaintext.length + 3 * TAG_BYTES);
    expect(sealed.includes(Buffer.from("patient record"))).toBe(false);
    expect((await collect(decryptDocument(chunksOf(sealed, 10_000), masterKey))).equals(plaintext)).toBe(true);
  });

  it("still opens a document sealed in 64 KiB segments by the first version", async () => {
    const sealed = fs.readFileSync(path.resolve("tests", "fixtures", "document-sealed-v1.bin"));
    expect(sealed[4]).toBe(1);
    expect((await collect(decryptDocument(chunksOf(sealed, 4096), masterKey))).equals(versionOnePlaintext())).toBe(true);

    const tampered = Buffer.from(sealed);
    const inSecondSegment = HEADER_BYTES + 64 * 1024 + TAG_BYTES + 10;
    tampered[inSecondSegment] = tampered[inSecondSegment]! ^ 0x01;
    await expect(collect(decryptDocument(chunksOf(tampered, 4096), masterKey))).rejects.toThrow(/segment 1 failed its integrity check/);
  });

  it("refuses a header of an unknown version, and a document sealed with another key", async () => {
    const sealed = await collect(encryptDocument(chunksOf(Buffer.from("%PDF-1.7 short"), 8), masterKey));
    const unknownVersion = Buffer.from(sealed);
    unknownVersion[4] = 9;
    await expect(collect(decryptDocument(chunksOf(unknownVersion, 100), masterKey))).rejects.toBeInstanceOf(DocumentIntegrityError);
    const otherKey = masterKeyFrom(Buffer.alloc(32, 8).toString("base64"));
    await expect(collect(decryptDocument(chunksOf(sealed, 100), otherKey))).rejects.toThrow(/integrity check/);
  });
});

describe("a part of a sealed document, read without the rest", () => {
  /** The range's plaintext, from only the sealed bytes its span names. */
  async function partOf(sealed: Buffer, offset: number, length: number): Promise<Buffer> {
    const span = sealedSpan(sealed.subarray(0, HEADER_BYTES), sealed.length, masterKey, { offset, length });
    return Buffer.from(await new Response(await span.open(chunksOf(sealed.subarray(span.from, span.to), 10_000))).arrayBuffer());
  }

  it("gives the bytes asked for, reading only the segments that hold them", async () => {
    const plaintext = crypto.randomBytes(2 * SEGMENT_BYTES + 1000);
    const sealed = await collect(encryptDocument(chunksOf(plaintext, 64 * 1024), masterKey));
    const ranges = [
      [0, 10],
      [SEGMENT_BYTES - 5, 10],
      [SEGMENT_BYTES, SEGMENT_BYTES],
      [10, 2 * SEGMENT_BYTES + 990],
      [plaintext.length - 1, 1],
    ] as const;
    for (const [offset, length] of ranges) {
      expect((await partOf(sealed, offset, length)).equals(plaintext.subarray(offset, offset + length))).toBe(true);
    }
    const span = sealedSpan(sealed.subarray(0, HEADER_BYTES), sealed.length, masterKey, { offset: SEGMENT_BYTES + 3, length: 4 });
    expect(span.to - span.from).toBe(SEGMENT_BYTES + TAG_BYTES);
  });

  it("reads a part of a document sealed in 64 KiB segments by the first version", async () => {
    const sealed = fs.readFileSync(path.resolve("tests", "fixtures", "document-sealed-v1.bin"));
    expect((await partOf(sealed, 65_530, 70_000)).equals(versionOnePlaintext().subarray(65_530, 135_530))).toBe(true);
  });

  it("refuses a tampered segment in the range, and one taken as the last when later ones were cut off", async () => {
    const plaintext = crypto.randomBytes(3 * SEGMENT_BYTES);
    const sealed = await collect(encryptDocument(chunksOf(plaintext, 64 * 1024), masterKey));
    const tampered = Buffer.from(sealed);
    tampered[HEADER_BYTES + SEGMENT_BYTES + TAG_BYTES + 7]! ^= 1;
    await expect(partOf(tampered, SEGMENT_BYTES, 10)).rejects.toBeInstanceOf(DocumentIntegrityError);
    // The tampering is in a segment this range does not need.
    expect((await partOf(tampered, 0, 10)).equals(plaintext.subarray(0, 10))).toBe(true);

    const cut = sealed.subarray(0, HEADER_BYTES + 2 * (SEGMENT_BYTES + TAG_BYTES));
    await expect(partOf(cut, SEGMENT_BYTES, 10)).rejects.toBeInstanceOf(DocumentIntegrityError);
    expect(() => sealedSpan(cut.subarray(0, HEADER_BYTES), cut.length, masterKey, { offset: 2 * SEGMENT_BYTES, length: 10 })).toThrow(DocumentIntegrityError);
  });
});
