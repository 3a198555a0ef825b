import crypto from "node:crypto";
import path from "node:path";
import type { Readable } from "node:stream";
import { NoSuchKey } from "@aws-sdk/client-s3";
import { audit } from "../audit.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { log } from "../log.server";
import type { Actor } from "../request-context.server";
import { secrets } from "../secrets.server";
import { DocumentIntegrityError, masterKeyFrom } from "./document-cipher.server";
import { LocalDiskStorage } from "./local-disk-storage.server";
import { S3DocumentStorage } from "./s3-storage.server";
import { documentStorage } from "./storage.server";

/** Documents copied at a time: enough to keep the link busy, few enough to leave the portal's database and disk room. */
const COPIES_AT_ONCE = 4;
/** Document rows read at a time. */
const PAGE = 200;
/** Disk objects looked up against the Document rows at a time. */
const LOOKUP_BATCH = 500;

/** The audit row names at most this many failures; its counts cover all of them. */
const FAILURES_LISTED_AT_MOST = 200;

const MIGRATION: Actor = { userId: null, email: null, ip: null, userAgent: "storage migration" };

/** The migration cannot start: what to set, in words for the operator. */
export class StorageMigrationRefused extends Error {}

export interface MigrationStorages {
  /** The documents folder the disk storage keeps (DATA_DIR/documents). */
  folder: string;
  from: LocalDiskStorage;
  to: S3DocumentStorage;
}

/** Why the migration cannot start with this configuration, in words for the operator; null when it can. */
export function migrationRefusal(): string | null {
  if (config().storage.kind === "s3") return null;
  return "STORAGE is not s3. Set STORAGE=s3 and S3_BUCKET (with S3_ENDPOINT, S3_REGION and the AWS credential variables, as the portal will run with them): the documents in DATA_DIR/documents are copied into that bucket.";
}

/** From DATA_DIR/documents to the bucket STORAGE=s3 names; refused when the portal is not set up for a bucket. */
export function migrationStorages(): MigrationStorages {
  const refusal = migrationRefusal();
  if (refusal) throw new StorageMigrationRefused(refusal);
  const { dataDir } = config();
  const to = documentStorage();
  if (!(to instanceof S3DocumentStorage)) throw new Error("STORAGE=s3 did not give the bucket's storage");
  const folder = path.join(dataDir, "documents");
  return { folder, from: new LocalDiskStorage(folder, masterKeyFrom(secrets().documentKey)), to };
}

export interface MigrationStep {
  documentId: string;
  storageKey: string;
  outcome: "copied" | "skipped" | "failed";
  /** Why it failed. */
  reason?: string;
  /** Documents dealt with so far, this one included, of `total`. */
  done: number;
  total: number;
}

export interface MigrationSummary {
  total: number;
  copied: number;
  /** Already in the bucket, and it verified. */
  skipped: number;
  failed: { documentId: string; storageKey: string; reason: string }[];
  /** Files on the disk that no document names (left by a crash; the storage sweep removes them): not copied. */
  unnamedOnDisk: number;
}

interface DocumentObject {
  id: string;
  storageKey: string;
  sizeBytes: bigint;
  sha256: string;
}

/**
 * Copies every document's object from the disk to the bucket. The sealed
 * bytes go as they are: both storages use the same format and master key and
 * name an object by the same key, so the Document rows stay as they are and
 * nothing is decrypted on the way. Each copy is then read back from the
 * bucket, decrypted and checked against the size and SHA-256 recorded at
 * upload; a copy that fails is removed from the bucket. A document already in
 * the bucket that verifies is skipped, so the migration can be run again
 * after an interruption, and a second run copies nothing. The disk is only
 * read.
 */
export async function migrateStorage(
  at: Date,
  { from, to }: Pick<MigrationStorages, "from" | "to">,
  onStep: (step: MigrationStep) => void = () => undefined,
): Promise<MigrationSummary> {
  const summary: MigrationSummary = { total: await db.document.count(), copied: 0, skipped: 0, failed: [], unnamedOnDisk: 0 };
  let done = 0;
  const documents = documentObjects();
  const copier = async () => {
    for await (const document of documents) {
      const result = await moved(document, from, to).catch((error: unknown): Moved => ({
        outcome: "failed",
        reason: error instanceof Error ? error.message : String(error),
      }));
      if (result.outcome === "copied") summary.copied++;
      else if (result.outcome === "skipped") summary.skipped++;
      else summary.failed.push({ documentId: document.id, storageKey: document.storageKey, reason: result.reason });
      onStep({ documentId: document.id, storageKey: document.storageKey, ...result, done: ++done, total: Math.max(summary.total, done) });
    }
  };
  await Promise.all(Array.from({ length: COPIES_AT_ONCE }, copier));
  summary.total = done;
  summary.unnamedOnDisk = await unnamedObjects(from);

  const { copied, skipped, unnamedOnDisk } = summary;
  log.info("storage migrated", { total: done, copied, skipped, failed: summary.failed.length, unnamedOnDisk });
  if (copied || summary.failed.length) {
    const failed = summary.failed.slice(0, FAILURES_LISTED_AT_MOST);
    await audit(MIGRATION, { action: "storage.migrated", detail: { total: done, copied, skipped, failed, unnamedOnDisk }, at });
  }
  return summary;
}

type Moved = { outcome: "copied" } | { outcome: "skipped" } | { outcome: "failed"; reason: string };

/** Copies one document's object unless the bucket already has it whole. */
async function moved(document: DocumentObject, from: LocalDiskStorage, to: S3DocumentStorage): Promise<Moved> {
  const before = await checked(document, to);
  if (before.state === "verified") return { outcome: "skipped" };
  let sealed: Readable;
  try {
    sealed = await from.sealed(document.storageKey);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const inBucket = before.state === "missing" ? "not in the bucket" : `the bucket's copy is damaged: ${before.reason}`;
    return { outcome: "failed", reason: `Not on the disk, and ${inBucket}` };
  }
  try {
    await to.putSealed(document.storageKey, sealed);
  } finally {
    // An upload that failed may not have read the file to its end, which is what closes it.
    sealed.destroy();
  }
  const after = await checked(document, to);
  if (after.state === "verified") return { outcome: "copied" };
  // A copy known to be wrong must not stay where the portal would read it.
  await to.delete(document.storageKey);
  const wrong = after.state === "missing" ? "it was not found after the upload" : after.reason;
  return { outcome: "failed", reason: `The copy did not verify, so it was removed from the bucket (the file on the disk is damaged): ${wrong}` };
}

type Check = { state: "verified" } | { state: "missing" } | { state: "damaged"; reason: string };

/** Reads the object back through the bucket's storage and checks it against the row. Other errors (the bucket unreachable) throw. */
async function checked(document: DocumentObject, to: S3DocumentStorage): Promise<Check> {
  let plaintext: ReadableStream<Uint8Array>;
  try {
    plaintext = await to.get(document.storageKey);
  } catch (error) {
    if (error instanceof NoSuchKey) return { state: "missing" };
    if (error instanceof DocumentIntegrityError) return { state: "damaged", reason: error.message };
    throw error;
  }
  const hash = crypto.createHash("sha256");
  let sizeBytes = 0;
  const reader = plaintext.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      hash.update(value);
      sizeBytes += value.byteLength;
    }
  } catch (error) {
    if (error instanceof DocumentIntegrityError) return { state: "damaged", reason: error.message };
    throw error;
  }
  if (BigInt(sizeBytes) !== document.sizeBytes) {
    return { state: "damaged", reason: `It holds ${sizeBytes} bytes; the document had ${document.sizeBytes} at upload` };
  }
  if (hash.digest("hex") !== document.sha256) return { state: "damaged", reason: "Its SHA-256 is not the one recorded at upload" };
  return { state: "verified" };
}

/** Every document, a page of rows at a time in the order of their ids. */
async function* documentObjects(): AsyncGenerator<DocumentObject> {
  let after: string | undefined;
  for (;;) {
    const page = await db.document.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true, storageKey: true, sizeBytes: true, sha256: true },
    });
    yield* page;
    if (page.length < PAGE) return;
    after = page.at(-1)!.id;
  }
}

/** How many objects on the disk no Document row names. */
async function unnamedObjects(from: LocalDiskStorage): Promise<number> {
  let unnamed = 0;
  let batch: string[] = [];
  const count = async () => {
    unnamed += batch.length - (await db.document.count({ where: { storageKey: { in: batch } } }));
    batch = [];
  };
  for await (const entry of from.objects()) {
    batch.push(entry.name);
    if (batch.length === LOOKUP_BATCH) await count();
  }
  if (batch.length) await count();
  return unnamed;
}
