import type { AuditFilter } from "~/schemas/admin";
import { db, type Prisma } from "../db.server";

const PAGE_SIZE = 50;

/** A page of the audit log, newest first, filtered; `before` pages by id. */
export async function listAuditLog(filter: AuditFilter) {
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.actor ? { actorEmail: { contains: filter.actor.toLowerCase() } } : {}),
    ...(filter.object ? { objectId: filter.object } : {}),
    ...(filter.from || filter.to
      ? {
          at: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
    ...(filter.before ? { id: { lt: filter.before } } : {}),
  };
  const rows = await db.auditLog.findMany({ where, orderBy: { id: "desc" }, take: PAGE_SIZE + 1 });
  const page = rows.slice(0, PAGE_SIZE);
  return {
    entries: page.map((row) => ({ ...row, id: row.id.toString(), detail: JSON.stringify(row.detail) })),
    nextBefore: rows.length > PAGE_SIZE ? page.at(-1)?.id.toString() : undefined,
  };
}
