import { createHash } from "node:crypto";

/**
 * The audit log is a hash chain (docs/decisions/0013): each row carries the
 * hash of the row before it (`prevHash`) and its own `hash` over that and its
 * fields. The database computes the hash on insert (the "audit_log_row_hash"
 * function of migration 20261206051209_audit_chain); this is the same
 * computation, to verify the chain from outside the database.
 */

/** What the first row chains to. */
export const GENESIS_HASH = "0".repeat(64);

/** A stored audit row, as the database holds it. */
export interface ChainedAuditRow {
  id: bigint;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  ip: string | null;
  userAgent: string | null;
  /** The detail as PostgreSQL prints its jsonb (`detail::text`): its canonical form. */
  detailText: string;
  prevHash: string;
  hash: string;
}

type HashedFields = Omit<ChainedAuditRow, "prevHash" | "hash">;

/**
 * The canonical serialization: a version tag, then the previous hash and each
 * field in a fixed order, each written as `<UTF-8 byte length>:<text>;` (or
 * `-;` when absent), so no two different rows serialize alike.
 */
export function auditRowPayload(previousHash: string, row: HashedFields): string {
  const fields = [
    previousHash,
    row.id.toString(),
    row.at.toISOString(),
    row.actorId,
    row.actorEmail,
    row.action,
    row.objectType,
    row.objectId,
    row.ip,
    row.userAgent,
    row.detailText,
  ];
  return "imr-audit-v1;" + fields.map((field) => (field === null ? "-;" : `${Buffer.byteLength(field, "utf8")}:${field};`)).join("");
}

export function auditRowHash(previousHash: string, row: HashedFields): string {
  return createHash("sha256").update(auditRowPayload(previousHash, row), "utf8").digest("hex");
}

export type BrokenLink =
  /** The row does not name the hash of the row before it: a row before it was removed or changed. */
  | { reason: "previous-hash-mismatch"; id: bigint; at: Date }
  /** The row's fields no longer give its hash: the row was changed. */
  | { reason: "row-hash-mismatch"; id: bigint; at: Date };

/** Where a walk along the chain has got to. */
export interface ChainWalk {
  rows: number;
  lastHash: string;
  lastId: bigint | undefined;
  broken: BrokenLink | undefined;
}

export function startWalk(): ChainWalk {
  return { rows: 0, lastHash: GENESIS_HASH, lastId: undefined, broken: undefined };
}

/**
 * Follows the chain over `rows` (the next ones in id order) from `walk`, and
 * stops at the first broken link. Called batch after batch, it walks a log of
 * any length in bounded memory.
 */
export function walkChain(walk: ChainWalk, rows: Iterable<ChainedAuditRow>): ChainWalk {
  if (walk.broken) return walk;
  let { rows: count, lastHash, lastId } = walk;
  for (const row of rows) {
    if (row.prevHash !== lastHash) return { rows: count, lastHash, lastId, broken: { reason: "previous-hash-mismatch", id: row.id, at: row.at } };
    if (auditRowHash(lastHash, row) !== row.hash) return { rows: count, lastHash, lastId, broken: { reason: "row-hash-mismatch", id: row.id, at: row.at } };
    count += 1;
    lastHash = row.hash;
    lastId = row.id;
  }
  return { rows: count, lastHash, lastId, broken: undefined };
}

/** The chain's head as the database records it (table "AuditChainHead"). */
export interface ChainHead {
  lastId: bigint;
  hash: string;
}

export type ChainVerdict =
  | { intact: true; rows: number; headHash: string }
  | { intact: false; rows: number; broken: BrokenLink }
  /** The rows chain, but the head names another last row: rows at the end were removed. */
  | { intact: false; rows: number; broken: { reason: "head-mismatch"; headLastId: bigint; lastId: bigint | undefined } };

/** The verdict once every row was walked: the last row must be the one the head names. */
export function chainVerdict(walk: ChainWalk, head: ChainHead): ChainVerdict {
  if (walk.broken) return { intact: false, rows: walk.rows, broken: walk.broken };
  if (head.hash !== walk.lastHash || head.lastId !== (walk.lastId ?? 0n)) {
    return { intact: false, rows: walk.rows, broken: { reason: "head-mismatch", headLastId: head.lastId, lastId: walk.lastId } };
  }
  return { intact: true, rows: walk.rows, headHash: walk.lastHash };
}

/** One line for the operator: the first broken link (row id and time), or "chain intact: N rows". */
export function describeVerdict(verdict: ChainVerdict): string {
  if (verdict.intact) return `chain intact: ${verdict.rows} rows (head ${verdict.headHash})`;
  const { broken } = verdict;
  switch (broken.reason) {
    case "previous-hash-mismatch":
      return `chain broken at row ${broken.id} (${broken.at.toISOString()}): it does not follow the row before it, which was removed or changed (${verdict.rows} rows before it intact)`;
    case "row-hash-mismatch":
      return `chain broken at row ${broken.id} (${broken.at.toISOString()}): the row was changed after it was written (${verdict.rows} rows before it intact)`;
    case "head-mismatch":
      return `chain broken after row ${broken.lastId ?? "(none)"}: the chain's head names row ${broken.headLastId} as the last, so rows at the end were removed (${verdict.rows} rows intact)`;
  }
}
