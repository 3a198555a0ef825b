import type { Prisma } from "./db.server";
import { db, type Tx } from "./db.server";
import type { Actor } from "./request-context.server";

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string;
  detail?: Record<string, unknown>;
  /** When it happened; defaults to now. */
  at?: Date;
}

/**
 * Appends one row to the audit log, inside `tx` when the change has one: the
 * one place the portal writes audit rows. The database links the row into
 * the hash chain as it is inserted (trigger "AuditLog_chain", ADR 0013), and
 * holds the chain's head until `tx` ends, so appends follow one another.
 */
export async function audit(actor: Actor, entry: AuditEntry, tx: Tx = db): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.userId,
      actorEmail: actor.email,
      action: entry.action,
      objectType: entry.objectType ?? null,
      objectId: entry.objectId ?? null,
      ip: actor.ip,
      userAgent: actor.userAgent?.slice(0, 500) ?? null,
      detail: (entry.detail ?? {}) as Prisma.InputJsonValue,
      at: entry.at,
    },
  });
}
