import { webhookUrlProblem } from "~/domain/webhooks";
import type { WebhookEndpointForm } from "~/schemas/plan-integration";
import { audit } from "../audit.server";
import { config } from "../config.server";
import { sealSecret } from "./secret-box.server";
import { webhookHostProblem } from "./webhook-address.server";
import { db } from "../db.server";
import { AppError, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
import { newWebhookSecret } from "./signing.server";

/** After a rotation the old secret keeps signing alongside the new one this long, so receivers can switch over. */
const ROTATION_GRACE_MS = 24 * 3_600_000;

function checkUrl(url: string) {
  const problem = webhookUrlProblem(url, config().allowHttpWebhooks) ?? webhookHostProblem(new URL(url));
  if (problem) throw new AppError("BAD_REQUEST", problem, { field: "url" });
}

/** Registers an endpoint and returns its signing secret: shown once. */
export async function createWebhookEndpoint(planId: string, form: WebhookEndpointForm, actor: Actor): Promise<{ id: string; secret: string }> {
  checkUrl(form.url);
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: { planId, url: form.url, description: form.description || null, events: form.events, secret: sealSecret(secret) },
      select: { id: true },
    });
    await audit(
      actor,
      { action: "webhook.endpoint_created", objectType: "WebhookEndpoint", objectId: endpoint.id, detail: { planId, url: form.url, events: form.events } },
      tx,
    );
    return { id: endpoint.id, secret };
  });
}

/** A new secret at once; the previous one is still sent as a second signature for a day. */
export async function rotateWebhookSecret(planId: string, endpointId: string, actor: Actor, now = new Date()): Promise<string> {
  const secret = newWebhookSecret();
  await db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, planId, disabledAt: null }, select: { secret: true } });
    if (!endpoint) throw notFound("This endpoint");
    await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: { secret: sealSecret(secret), previousSecret: endpoint.secret, previousSecretExpiresAt: new Date(now.getTime() + ROTATION_GRACE_MS) },
    });
    await audit(actor, { action: "webhook.secret_rotated", objectType: "WebhookEndpoint", objectId: endpointId }, tx);
  });
  return secret;
}

/** Stops sending to the endpoint; its delivery log stays. */
export async function disableWebhookEndpoint(planId: string, endpointId: string, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const updated = await tx.webhookEndpoint.updateMany({ where: { id: endpointId, planId, disabledAt: null }, data: { disabledAt: new Date() } });
    if (updated.count === 0) throw notFound("This endpoint");
    await tx.webhookDelivery.updateMany({ where: { endpointId, status: "PENDING" }, data: { status: "FAILED", lastError: "The endpoint was removed" } });
    await audit(actor, { action: "webhook.endpoint_disabled", objectType: "WebhookEndpoint", objectId: endpointId }, tx);
  });
}

/** Sends a delivered or failed message again, with the same webhook-id so the receiver can tell it is a repeat. */
export async function redeliverWebhook(planId: string, deliveryId: string, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const updated = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, endpoint: { planId, disabledAt: null }, status: { in: ["SUCCEEDED", "FAILED"] } },
      data: { status: "PENDING", nextAttemptAt: new Date() },
    });
    if (updated.count === 0) throw notFound("This delivery");
    await audit(actor, { action: "webhook.redelivered", objectType: "WebhookDelivery", objectId: deliveryId }, tx);
  });
}

const RECENT_DELIVERIES = 25;

/** The plan's endpoints with their latest deliveries, for the integration page. */
export async function webhookEndpointsOf(planId: string) {
  const endpoints = await db.webhookEndpoint.findMany({
    where: { planId, disabledAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      url: true,
      description: true,
      events: true,
      createdAt: true,
      previousSecretExpiresAt: true,
      deliveries: {
        orderBy: { createdAt: "desc" },
        take: RECENT_DELIVERIES,
        select: {
          id: true,
          messageId: true,
          eventType: true,
          status: true,
          attempts: true,
          lastStatusCode: true,
          lastError: true,
          lastAttemptAt: true,
          lastDurationMs: true,
          nextAttemptAt: true,
          createdAt: true,
        },
      },
    },
  });
  return endpoints;
}
