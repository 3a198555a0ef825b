import { chainVerdict, startWalk, walkChain, type ChainVerdict, type ChainedAuditRow } from "~/domain/audit-chain";
import { db } from "./db.server";

/** Rows read at a time: the walk holds one batch in memory, whatever the log's length. */
const VERIFY_BATCH_ROWS = 5_000;

/**
 * Walks the audit chain from its first row to the head (`npm run
 * audit:verify`). The head is read first: every row up to the one it names
 * is committed, since a row's id is drawn and the head moved under one lock
 * held to its commit, so rows appended meanwhile are left for the next run.
 */
export async function verifyAuditChain(): Promise<ChainVerdict> {
  const [head] = await db.$queryRaw<{ lastId: bigint; hash: string }[]>`SELECT "lastId", "hash" FROM "AuditChainHead" WHERE "id" = 1`;
  if (!head) throw new Error(`The audit chain has no head row: the database is missing migration 20261206051209_audit_chain`);
  let walk = startWalk();
  for (;;) {
    const after = walk.lastId ?? 0n;
    const rows = await db.$queryRaw<ChainedAuditRow[]>`
      SELECT "id", "at", "actorId"::text AS "actorId", "actorEmail", "action", "objectType", "objectId", "ip", "userAgent",
             "detail"::text AS "detailText", "prevHash", "hash"
        FROM "AuditLog" WHERE "id" > ${after} AND "id" <= ${head.lastId} ORDER BY "id" LIMIT ${VERIFY_BATCH_ROWS}`;
    walk = walkChain(walk, rows);
    if (walk.broken || rows.length < VERIFY_BATCH_ROWS) return chainVerdict(walk, head);
  }
}
