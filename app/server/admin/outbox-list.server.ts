import type { OutboxFilter } from "~/schemas/admin";
import { db } from "../db.server";

/** The latest outgoing emails with their state, for the admin to watch delivery. */
export async function listOutbox(filter: OutboxFilter) {
  return db.outboxMessage.findMany({
    where: filter.status ? { status: filter.status } : {},
    select: {
      id: true,
      template: true,
      toAddress: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      cancelReason: true,
      nextAttemptAt: true,
      createdAt: true,
      sentAt: true,
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}
