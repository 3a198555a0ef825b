import crypto from "node:crypto";

/**
 * Documents at rest: AES-256-GCM in sealed segments.
 *
 * Why segments rather than one GCM stream with its tag at the end: downloads
 * stream the file out as it is read. With a single tag, bytes would reach the
 * person before the tag could be checked, so a tampered file would be noticed
 * only after it had been delivered. Here each segment carries its own tag and
 * is released only once it verifies. The nonce numbers the segments and marks
 * the last one, so reordered, dropped, appended or truncated segments fail as
 * well.
 *
 * Layout: "IMRD", version (1 byte), salt (32 random bytes), then segments of
 * ciphertext (at most the version's segment size) each followed by its 16-byte
 * tag. Each file is sealed with its own key, HKDF-SHA256 of the master key and
 * the salt, so the segment counter alone is a nonce that never repeats under a
 * key.
 *
 * Version 2 seals 1 MiB segments. Version 1 sealed 64 KiB ones: each segment
 * costs a cipher set-up and a tag, which held a 1 GiB upload to about two
 * thirds of the speed. Files sealed then are still read.
 */
const MAGIC = Buffer.from("IMRD");
const SEGMENT_BYTES_BY_VERSION: Record<number, number> = { 1: 64 * 1024, 2: 1024 * 1024 };
const VERSION = 2;
export const SEGMENT_BYTES = SEGMENT_BYTES_BY_VERSION[VERSION]!;
const SALT_BYTES = 32;
export const HEADER_BYTES = MAGIC.length + 1 + SALT_BYTES;
const TAG_BYTES = 16;

/** The stored bytes are not what was written: tampered, truncated or sealed with another key. */
export class DocumentIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DocumentIntegrityError";
  }
}

/** The master key from its base64 form (secrets().documentKey). */
export function masterKeyFrom(base64: string): Buffer {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new Error("DOCUMENT_ENCRYPTION_KEY must be the base64 of exactly 32 bytes");
  return key;
}

function fileKey(masterKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", masterKey, salt, "imr-document-v1", 32));
}

/** 12 bytes: zeros, the segment's number (48 bits), and 1 on the last segment. */
function nonce(index: number, last: boolean): Buffer {
  const value = Buffer.alloc(12);
  value.writeUIntBE(index, 5, 6);
  value[11] = last ? 1 : 0;
  return value;
}

/** Chunks in arrival order, cut into segments as views: nothing is copied. */
class ByteQueue {
  private chunks: Buffer[] = [];
  length = 0;

  push(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    this.chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    this.length += chunk.byteLength;
  }

  /** The next `count` bytes, in the pieces they arrived in. */
  take(count: number): Buffer[] {
    const pieces: Buffer[] = [];
    let wanted = count;
    while (wanted > 0) {
      const first = this.chunks[0]!;
      if (first.length <= wanted) {
        pieces.push(first);
        this.chunks.shift();
        wanted -= first.length;
      } else {
        pieces.push(first.subarray(0, wanted));
        this.chunks[0] = first.subarray(wanted);
        wanted = 0;
      }
    }
    this.length -= count;
    return pieces;
  }
}

function joined(pieces: Buffer[]): Buffer {
  return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
}

/**
 * A segment sealed piece by piece, then its tag. Gluing the plaintext into
 * one buffer first, or the ciphertext and tag after, would copy every byte
 * once more, and on a large upload the garbage collector pays for each copy.
 */
function* seal(key: Buffer, header: Buffer, index: number, plaintext: Buffer[], last: boolean): Generator<Buffer> {
  const cipher = crypto.createCipheriv("aes-256-gcm", key, nonce(index, last));
  cipher.setAAD(header);
  for (const piece of plaintext) yield cipher.update(piece);
  // GCM is a stream mode: final() has no bytes left to give, only the tag to compute.
  cipher.final();
  yield cipher.getAuthTag();
}

function open(key: Buffer, header: Buffer, index: number, sealed: Buffer, last: boolean): Buffer {
  if (sealed.length < TAG_BYTES) throw new DocumentIntegrityError("The document's last segment is cut short");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, nonce(index, last));
  decipher.setAAD(header);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    const plaintext = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
    decipher.final();
    return plaintext;
  } catch {
    throw new DocumentIntegrityError(`The document's segment ${index} failed its integrity check`);
  }
}

/**
 * The sealed form of `plaintext`, as it streams, in pieces (the header, then
 * each segment's ciphertext, as it arrived, and its tag); holds at most one
 * segment in memory.
 */
export async function* encryptDocument(plaintext: AsyncIterable<Uint8Array>, masterKey: Buffer): AsyncGenerator<Buffer> {
  const salt = crypto.randomBytes(SALT_BYTES);
  const header = Buffer.concat([MAGIC, Buffer.from([VERSION]), salt]);
  const key = fileKey(masterKey, salt);
  yield header;
  const pending = new ByteQueue();
  let index = 0;
  for await (const chunk of plaintext) {
    pending.push(chunk);
    // A full segment is sealed only once more bytes follow it: the last one is marked as such.
    while (pending.length > SEGMENT_BYTES) yield* seal(key, header, index++, pending.take(SEGMENT_BYTES), false);
  }
  yield* seal(key, header, index, pending.take(pending.length), true);
}

/** The plaintext of a sealed document, each segment released only after its tag verifies. */
export async function* decryptDocument(sealed: AsyncIterable<Uint8Array>, masterKey: Buffer): AsyncGenerator<Buffer> {
  const pending = new ByteQueue();
  let header: Buffer | undefined;
  let key: Buffer | undefined;
  let sealedSegmentBytes = 0;
  let index = 0;
  for await (const chunk of sealed) {
    pending.push(chunk);
    if (!header) {
      if (pending.length < HEADER_BYTES) continue;
      header = joined(pending.take(HEADER_BYTES));
      ({ key, sealedSegmentBytes } = readHeader(header, masterKey));
    }
    while (pending.length > sealedSegmentBytes) yield open(key!, header, index++, joined(pending.take(sealedSegmentBytes)), false);
  }
  if (!header) throw new DocumentIntegrityError("The document is shorter than its header");
  const last = open(key!, header, index, joined(pending.take(pending.length)), true);
  if (last.length) yield last;
}

function readHeader(header: Buffer, masterKey: Buffer): { key: Buffer; sealedSegmentBytes: number } {
  const segmentBytes = SEGMENT_BYTES_BY_VERSION[header[MAGIC.length]!];
  if (!header.subarray(0, MAGIC.length).equals(MAGIC) || !segmentBytes) {
    throw new DocumentIntegrityError("The document does not start with a known header");
  }
  return { key: fileKey(masterKey, header.subarray(MAGIC.length + 1)), sealedSegmentBytes: segmentBytes + TAG_BYTES };
}

/**
 * The plaintext of a sealed document as a stream, its first segment read and
 * verified before this returns: a missing or tampered document fails here,
 * while the caller can still answer with an error page.
 */
export async function verifiedPlaintext(sealed: AsyncIterable<Uint8Array>, masterKey: Buffer): Promise<ReadableStream<Uint8Array>> {
  return firstVerified(decryptDocument(sealed, masterKey));
}

/** Plaintext bytes of a document: `length` of them from `offset`. */
export interface PlainRange {
  offset: number;
  length: number;
}

export interface SealedSpan {
  /** Where the segments holding the range lie in the sealed object: from `from` up to, not including, `to`. */
  from: number;
  to: number;
  /** The range's plaintext from those sealed bytes, each segment released only after its tag verifies, the first before this returns. */
  open(sealed: AsyncIterable<Uint8Array>): Promise<ReadableStream<Uint8Array>>;
}

/**
 * A part of a document without reading the rest: from the object's header
 * and its sealed size, the segments that hold `range`, and how to open them.
 * Each segment's nonce has its number and whether it is the last, both known
 * from where it lies, so the segments read verify as they would in the whole.
 */
export function sealedSpan(header: Buffer, sealedBytes: number, masterKey: Buffer, range: PlainRange): SealedSpan {
  if (header.length < HEADER_BYTES) throw new DocumentIntegrityError("The document is shorter than its header");
  const { key, sealedSegmentBytes } = readHeader(header.subarray(0, HEADER_BYTES), masterKey);
  const segmentBytes = sealedSegmentBytes - TAG_BYTES;
  const segments = Math.max(1, Math.ceil((sealedBytes - HEADER_BYTES) / sealedSegmentBytes));
  const first = Math.floor(range.offset / segmentBytes);
  const last = Math.floor((range.offset + range.length - 1) / segmentBytes);
  if (range.length < 1 || range.offset < 0) throw new RangeError(`Not a range of a document: ${JSON.stringify(range)}`);
  if (last >= segments) throw new DocumentIntegrityError("The document ends before the bytes asked for");
  const headerOf = header.subarray(0, HEADER_BYTES);
  return {
    from: HEADER_BYTES + first * sealedSegmentBytes,
    to: Math.min(sealedBytes, HEADER_BYTES + (last + 1) * sealedSegmentBytes),
    async open(sealed) {
      let skip = range.offset - first * segmentBytes;
      let left = range.length;
      const part = (segment: Buffer) => {
        const wanted = segment.subarray(skip, skip + left);
        skip = 0;
        left -= wanted.length;
        return wanted;
      };
      async function* plaintext(): AsyncGenerator<Buffer> {
        const pending = new ByteQueue();
        let index = first;
        for await (const chunk of sealed) {
          pending.push(chunk);
          while (index < last && pending.length >= sealedSegmentBytes)
            yield part(open(key, headerOf, index++, joined(pending.take(sealedSegmentBytes)), false));
        }
        if (index < last) throw new DocumentIntegrityError(`The document's segment ${index} is cut short`);
        // The range's last segment is whatever is left: a whole one, or the document's last, shorter one.
        yield part(open(key, headerOf, last, joined(pending.take(pending.length)), last === segments - 1));
      }
      return firstVerified(plaintext());
    },
  };
}

/** The plaintext as a stream, its first piece decrypted (so verified) before this returns. */
async function firstVerified(plaintext: AsyncGenerator<Buffer>): Promise<ReadableStream<Uint8Array>> {
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
