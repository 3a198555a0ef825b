import { z } from "zod";
import { db } from "../db.server";

export const outboxFilterSchema = z.object({
  status: z.enum(["PENDING", "SENDING", "SENT", "FAILED"]).optional().catch(undefined),
});

/** The latest outgoing emails with their state, for the admin to watch delivery. */
export async function listOutbox(filter: z.infer<typeof outboxFilterSchema>) {
  return db.outboxMessage.findMany({
    where: filter.status ? { status: filter.status } : {},
    select: { id: true, template: true, toAddress: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}
