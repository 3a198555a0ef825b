import crypto from "node:crypto";
import type { WebhookEvent } from "~/domain/webhooks";
import type { Prisma, Tx } from "../db.server";

export interface WebhookEventInput {
  planId: string;
  type: WebhookEvent;
  caseId?: string | null;
  /** The event's data: references and dates, never clinical details or a reviewer's identity. */
  data: Record<string, unknown>;
  at?: Date;
}

/**
 * Queues the event for every endpoint of the plan that subscribed to it, in
 * the caller's transaction: if the change rolls back, nothing is delivered.
 * The payload is fixed now, so every retry sends the same bytes.
 */
export async function queueWebhookEvent(tx: Tx, event: WebhookEventInput): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { planId: event.planId, disabledAt: null, events: { has: event.type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return 0;
  const at = event.at ?? new Date();
  const payload = { type: event.type, timestamp: at.toISOString(), data: event.data } as Prisma.InputJsonValue;
  await tx.webhookDelivery.createMany({
    data: endpoints.map((endpoint) => ({
      endpointId: endpoint.id,
      messageId: `msg_${crypto.randomUUID().replaceAll("-", "")}`,
      eventType: event.type,
      caseId: event.caseId ?? null,
      payload,
      nextAttemptAt: at,
    })),
  });
  return endpoints.length;
}
