import crypto from "node:crypto";
import { encryptDocument } from "./document-cipher.server";

export interface SealedFile {
  sizeBytes: number;
  /** SHA-256 of the plaintext, hex. */
  sha256: string;
}

export interface SealedStream {
  /** The sealed bytes (document-cipher.server.ts), as they are made. */
  pieces: AsyncGenerator<Buffer>;
  /** The plaintext's size and SHA-256; known once `pieces` has been read to its end. */
  measured(): SealedFile;
}

/**
 * Seals `content` as it streams, measuring the plaintext on the way: the
 * same bytes whether they go to a file (the sealing thread) or to object
 * storage.
 */
export function sealStream(content: AsyncIterable<Uint8Array>, masterKey: Buffer): SealedStream {
  const hash = crypto.createHash("sha256");
  let sizeBytes = 0;
  let sha256: string | undefined;
  async function* measuredContent(): AsyncGenerator<Uint8Array> {
    for await (const chunk of content) {
      hash.update(chunk);
      sizeBytes += chunk.byteLength;
      yield chunk;
    }
    sha256 = hash.digest("hex");
  }
  return {
    pieces: encryptDocument(measuredContent(), masterKey),
    measured() {
      if (sha256 === undefined) throw new Error("The document was not sealed to its end");
      return { sizeBytes, sha256 };
    },
  };
}
