import crypto from "node:crypto";
import { sniffFileType, type FileType } from "~/domain/documents/file-types";
import { EMPTY_FILE, PLAN_FILE_LIMIT_BYTES, sizeRefusal, UNSUPPORTED_TYPE, type Allowance, type UploadLimits } from "~/domain/documents/limits";
import { DocumentRefusal, uploadInterrupted } from "./document-refusal.server";
import type { DocumentStorage, StoredDocument } from "./storage.server";

export interface CheckedUpload {
  body: ReadableStream<Uint8Array>;
  /** Content-Length, when the client sent one: a body that ends short of it was cut off. */
  declaredBytes: number | null;
  limits: UploadLimits;
  allowance: Allowance;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
}

/**
 * Streams an upload into storage while checking it: its size against the
 * allowance chunk by chunk, and its type from the first bytes. Only the
 * first bytes are held (until the type is known, at most SNIFF_LIMIT_BYTES
 * for a ZIP that has not yet shown word/document.xml); everything else
 * passes straight through to the encrypted temporary file, which storage
 * deletes when a check throws.
 */
export async function storeCheckedUpload(upload: CheckedUpload, storage: DocumentStorage): Promise<{ stored: StoredDocument; type: FileType }> {
  const reader = upload.body.getReader();
  const check = new UploadCheck(upload.limits, upload.allowance, upload.declaredBytes);
  async function* checked(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const next = await nextPiece(reader);
      if (upload.signal.aborted) throw uploadInterrupted();
      if (next.done) {
        check.finish();
        return;
      }
      check.add(next.value);
      yield next.value;
    }
  }
  try {
    // Each chunk is read fresh from the body and not looked at again once yielded.
    const stored = await storage.put(checked(), { takeChunks: true });
    return { stored, type: check.type! };
  } catch (error) {
    if (!upload.signal.aborted) discardRest(reader);
    throw error;
  }
}

class UploadCheck {
  private received = 0;
  private head: Uint8Array | null = new Uint8Array(0);
  type: FileType | null = null;

  constructor(
    private readonly limits: UploadLimits,
    private readonly allowance: Allowance,
    private readonly declaredBytes: number | null,
  ) {}

  add(chunk: Uint8Array): void {
    this.received += chunk.byteLength;
    const tooBig = this.received > this.allowance.maxBytes ? sizeRefusal(this.received, this.limits, this.allowance) : null;
    if (tooBig) throw DocumentRefusal.of(tooBig);
    if (!this.type) this.sniff(chunk, false);
  }

  finish(): void {
    if (this.declaredBytes !== null && this.received !== this.declaredBytes) throw uploadInterrupted();
    if (this.received === 0) throw DocumentRefusal.of(EMPTY_FILE);
    if (!this.type) this.sniff(new Uint8Array(0), true);
  }

  private sniff(chunk: Uint8Array, complete: boolean): void {
    const head = new Uint8Array(this.head!.length + chunk.length);
    head.set(this.head!);
    head.set(chunk, this.head!.length);
    const sniff = sniffFileType(head, complete);
    if (sniff.verdict === "unsupported") throw DocumentRefusal.of(UNSUPPORTED_TYPE);
    if (sniff.verdict === "type") {
      this.type = sniff.type;
      this.head = null;
    } else {
      this.head = head;
    }
  }
}

/** The most a refused upload is read for: the largest file anyone may send. */
const DISCARD_LIMIT_BYTES = PLAN_FILE_LIMIT_BYTES;

/**
 * After a refusal, reads and drops the rest of the body in the background,
 * so a client still sending finishes promptly and reads the answer; closing
 * the connection instead could lose the answer with it. Past the largest
 * file anyone may send, it gives up and closes the connection.
 */
function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  void (async () => {
    let dropped = 0;
    for (;;) {
      const next = await reader.read();
      if (next.done) return;
      dropped += next.value.byteLength;
      if (dropped > DISCARD_LIMIT_BYTES) {
        await reader.cancel();
        return;
      }
    }
  })().catch(() => undefined);
}

/** For an upload refused before its body was read (signed out, not their case, declared too large...). */
export function discardUnreadBody(body: ReadableStream<Uint8Array> | null): void {
  if (body && !body.locked) discardRest(body.getReader());
}

/**
 * A repeated upload's file, read to its end only to fingerprint it (the
 * first one is stored already): its SHA-256, or null when it is longer than
 * `maxBytes`, so it cannot be a file that was accepted. A body cut off short
 * of its declared length is refused as interrupted, as an upload is.
 */
export async function sha256OfBody(body: ReadableStream<Uint8Array> | null, declaredBytes: number | null, maxBytes: number): Promise<string | null> {
  const hash = crypto.createHash("sha256");
  let received = 0;
  const reader = (body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() })).getReader();
  for (;;) {
    const next = await nextPiece(reader);
    if (next.done) break;
    received += next.value.byteLength;
    if (received > maxBytes) {
      discardRest(reader);
      return null;
    }
    hash.update(next.value);
  }
  if (declaredBytes !== null && received !== declaredBytes) throw uploadInterrupted();
  return hash.digest("hex");
}

/** The next piece of an upload's body; a connection that broke is the upload interrupted. */
async function nextPiece(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<ReadableStreamReadResult<Uint8Array>> {
  try {
    return await reader.read();
  } catch {
    throw uploadInterrupted();
  }
}
