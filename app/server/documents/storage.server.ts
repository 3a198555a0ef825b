import path from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import { config } from "../config.server";
import { secrets } from "../secrets.server";
import { masterKeyFrom, type PlainRange } from "./document-cipher.server";
import { LocalDiskStorage } from "./local-disk-storage.server";
import { S3DocumentStorage, s3Client, type S3Settings } from "./s3-storage.server";

export interface StoredDocument {
  /** Opaque; the only way back to the bytes. */
  key: string;
  sizeBytes: number;
  /** SHA-256 of the plaintext, hex. */
  sha256: string;
}

export interface PutOptions {
  /**
   * The chunks are the storage's once yielded (an upload's body): it may
   * move their memory elsewhere instead of copying it, leaving them empty.
   */
  takeChunks?: boolean;
}

/** A stored object or an unfinished write, as the storage sweep sees it. */
export interface StorageEntry {
  /** The object's key, or the unfinished write's name. */
  name: string;
  sizeBytes: number;
  /** When it was last written to. */
  writtenAt: Date;
}

/**
 * Where document bytes live. Every implementation keeps them encrypted at
 * rest (document-cipher.server.ts) and deals in plaintext at this boundary,
 * so operations and routes do not change when the files move to an
 * S3-compatible store.
 */
export interface DocumentStorage {
  /**
   * Stores the stream whole or not at all: if it fails midway (the client
   * aborted, a limit or the type check refused it), nothing is left behind.
   */
  put(content: AsyncIterable<Uint8Array>, options?: PutOptions): Promise<StoredDocument>;
  /**
   * The plaintext as a stream: the whole document, or only `range` of it,
   * for which only the segments holding it are read. Fails before anything
   * is streamed when the object is missing or its first segment does not
   * verify; a later segment that fails errors the stream before its bytes
   * are released.
   */
  get(key: string, range?: PlainRange): Promise<ReadableStream<Uint8Array>>;
  /** Removes the object; removing one that is already gone is not an error. */
  delete(key: string): Promise<void>;
  /** Every stored object, named by its key (for the sweep: storage-sweep.server.ts). */
  objects(): AsyncIterable<StorageEntry>;
  /** Writes that never finished: what a `put` leaves when its process dies midway. */
  unfinishedWrites(): AsyncIterable<StorageEntry>;
  /** Removes an unfinished write `unfinishedWrites` named; one already gone is not an error. */
  removeUnfinished(name: string): Promise<void>;
  /** Fails when the storage cannot be read and written now (for /readyz). */
  check(): Promise<void>;
}

/** One S3 client for the process, made for the settings in use: it keeps its connections open between requests. */
let s3InUse: { settings: S3Settings; client: S3Client } | undefined;

/** The storage the portal uses (STORAGE): encrypted files under DATA_DIR/documents, or encrypted objects in an S3 bucket. */
export function documentStorage(): DocumentStorage {
  const { storage, dataDir } = config();
  const masterKey = masterKeyFrom(secrets().documentKey);
  if (storage.kind === "disk") return new LocalDiskStorage(path.join(dataDir, "documents"), masterKey);
  if (s3InUse?.settings !== storage.s3) s3InUse = { settings: storage.s3, client: s3Client(storage.s3) };
  return new S3DocumentStorage(storage.s3, s3InUse.client, masterKey);
}
