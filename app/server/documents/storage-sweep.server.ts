import { PLAN_FILE_LIMIT_BYTES } from "~/domain/documents/limits";
import { audit } from "../audit.server";
import { db } from "../db.server";
import { log } from "../log.server";
import type { Actor } from "../request-context.server";
import { documentStorage, type DocumentStorage, type StorageEntry } from "./storage.server";

/** The slowest link an upload is expected to survive on: 1 Mbit/s. */
const SLOWEST_UPLOAD_BYTES_PER_SECOND = 128 * 1024;
/**
 * The longest an upload can take: the largest file anyone may send (a plan's
 * 1 GiB) at the slowest link, about 2 h 16 min. An unfinished write last
 * written to longer ago than that belongs to no running upload: its process
 * died (a crash, a kill -9) before it could remove it.
 */
export const UNFINISHED_WRITE_MAX_AGE_MS = (PLAN_FILE_LIMIT_BYTES / SLOWEST_UPLOAD_BYTES_PER_SECOND) * 1000;
/**
 * An object is stored first and its Document row written after, in a
 * transaction that takes seconds (an upload's, a letter's). An object no row
 * names an hour after it was written never will: the transaction failed and
 * its process died before deleting the object.
 */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;
/** Objects looked up against the Document rows at a time. */
const LOOKUP_BATCH = 500;
/** The audit row names at most this many of what went; its counts and bytes cover all of it. */
const NAMES_LISTED_AT_MOST = 200;

const SWEEPER: Actor = { userId: null, email: null, ip: null, userAgent: "storage sweep" };

interface Removed {
  count: number;
  bytes: number;
  names: string[];
}

interface StorageSweep {
  unfinishedWrites: Removed;
  orphans: Removed;
}

/**
 * Removes what crashed processes left in document storage: unfinished writes
 * older than the longest upload, and stored objects that no Document row
 * names after the grace period. What went is logged and audited
 * ("storage.swept"); a sweep that finds nothing writes nothing.
 */
export async function sweepStorage(at: Date, storage: DocumentStorage = documentStorage()): Promise<StorageSweep> {
  const unfinishedWrites = removed();
  for await (const entry of storage.unfinishedWrites()) {
    if (at.getTime() - entry.writtenAt.getTime() <= UNFINISHED_WRITE_MAX_AGE_MS) continue;
    await storage.removeUnfinished(entry.name);
    add(unfinishedWrites, entry);
  }

  const orphans = removed();
  let batch: StorageEntry[] = [];
  const removeUnnamed = async () => {
    const named = await db.document.findMany({ where: { storageKey: { in: batch.map((entry) => entry.name) } }, select: { storageKey: true } });
    const keys = new Set(named.map((document) => document.storageKey));
    for (const entry of batch) {
      if (keys.has(entry.name)) continue;
      await storage.delete(entry.name);
      add(orphans, entry);
    }
    batch = [];
  };
  for await (const entry of storage.objects()) {
    if (at.getTime() - entry.writtenAt.getTime() <= ORPHAN_GRACE_MS) continue;
    batch.push(entry);
    if (batch.length === LOOKUP_BATCH) await removeUnnamed();
  }
  if (batch.length) await removeUnnamed();

  const result = { unfinishedWrites, orphans };
  if (unfinishedWrites.count || orphans.count) {
    log.info("storage swept", {
      unfinishedWrites: unfinishedWrites.count,
      unfinishedBytes: unfinishedWrites.bytes,
      orphans: orphans.count,
      orphanBytes: orphans.bytes,
    });
    await audit(SWEEPER, { action: "storage.swept", detail: { ...result }, at });
  }
  return result;
}

function removed(): Removed {
  return { count: 0, bytes: 0, names: [] };
}

function add(into: Removed, entry: StorageEntry): void {
  into.count += 1;
  into.bytes += entry.sizeBytes;
  if (into.names.length < NAMES_LISTED_AT_MOST) into.names.push(entry.name);
}
