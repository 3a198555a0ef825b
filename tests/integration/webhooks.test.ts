/**
 * Webhooks to a real HTTP receiver started by the test: Standard Webhooks
 * signatures, retries until the receiver accepts, exactly one success,
 * secret rotation, and nothing sent for a change that rolled back.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/server/db.server";
import { startWorker, type Worker } from "~/server/jobs.server";
import { dispatchDueWebhooks } from "~/server/webhooks/deliver-webhooks.server";
import { createWebhookEndpoint, disableWebhookEndpoint, redeliverWebhook, rotateWebhookSecret } from "~/server/webhooks/endpoints.server";
import { queueWebhookEvent } from "~/server/webhooks/queue-webhook.server";
import { openSecret, sealStoredWebhookSecrets } from "~/server/webhooks/secret-box.server";
import { verifyWebhook } from "~/server/webhooks/signing.server";
import { actorFor, createPlan, createUser } from "#tests/support/factories";
import { useTestConfig } from "#tests/support/test-database";
import { waitFor } from "#tests/support/wait-for";

interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  answeredWith: number;
}

let server: http.Server;
let receiverUrl: string;
const received: Received[] = [];
/** Status codes to answer with, in order; 200 once they run out. */
let script: number[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const status = script.shift() ?? 200;
      received.push({
        id: String(request.headers["webhook-id"]),
        timestamp: String(request.headers["webhook-timestamp"]),
        signature: String(request.headers["webhook-signature"]),
        body: Buffer.concat(chunks).toString("utf8"),
        answeredWith: status,
      });
      response.writeHead(status, { "Content-Type": "text/plain" }).end(status < 300 ? "ok" : "not now");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/imr-events`;
  useTestConfig();
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

let worker: Worker | undefined;
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

let plan: Awaited<ReturnType<typeof createPlan>>;
let planUser: Awaited<ReturnType<typeof createUser>>;
beforeEach(async () => {
  received.length = 0;
  script = [];
  plan = await createPlan();
  planUser = await createUser({ roles: ["PLAN"], planId: plan.id });
});

/** Dispatches due deliveries, as the worker does every second, until `done`. */
async function dispatchUntil(done: () => boolean) {
  await waitFor("the deliveries", async () => done() || (await dispatchDueWebhooks({ firstRetryMs: 20 }), done()));
}

const decisionIssued = (reference: string) => ({
  planId: plan.id,
  type: "decision.issued" as const,
  data: { reference, outcome: "OVERTURNED", letter: `/api/v1/cases/${reference}/letters/latest` },
});

describe("webhook deliveries", () => {
  it("signs each delivery so the plan can verify it with its secret", async () => {
    const { secret } = await createWebhookEndpoint(plan.id, { url: receiverUrl, events: ["decision.issued"] }, actorFor(planUser));
    await db.$transaction((tx) => queueWebhookEvent(tx, decisionIssued("IMR-2026-000900")));
    await dispatchUntil(() => received.length === 1);

    const [delivery] = received;
    expect(delivery!.id).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(verifyWebhook(secret, delivery!, delivery!.body)).toBe(true);
    expect(verifyWebhook(secret, delivery!, delivery!.body.replace("OVERTURNED", "UPHELD"))).toBe(false);
    expect(verifyWebhook("whsec_" + Buffer.from("another secret of 24 byte").toString("base64"), delivery!, delivery!.body)).toBe(false);
    expect(JSON.parse(delivery!.body)).toMatchObject({ type: "decision.issued", data: { reference: "IMR-2026-000900", outcome: "OVERTURNED" } });
  });

  it("retries a receiver that fails three times, then delivers once, and logs every attempt", async () => {
    script = [500, 503, 502];
    await createWebhookEndpoint(plan.id, { url: receiverUrl, events: ["decision.issued"] }, actorFor(planUser));
    await db.$transaction((tx) => queueWebhookEvent(tx, decisionIssued("IMR-2026-000901")));
    await dispatchUntil(() => received.some((delivery) => delivery.answeredWith === 200));
    // More sweeps find nothing left to send.
    await dispatchDueWebhooks({ firstRetryMs: 20 });
    await dispatchDueWebhooks({ firstRetryMs: 20 });

    expect(received.map((delivery) => delivery.answeredWith)).toEqual([500, 503, 502, 200]);
    expect(new Set(received.map((delivery) => delivery.id)).size).toBe(1);
    const row = await db.webhookDelivery.findFirstOrThrow({
      where: { endpoint: { planId: plan.id } },
      include: { attemptLog: { orderBy: { attemptedAt: "asc" } } },
    });
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 4, lastStatusCode: 200, lastError: null });
    expect(row.attemptLog.map((attempt) => attempt.statusCode)).toEqual([500, 503, 502, 200]);
  });

  it("is sent by the running job worker", async () => {
    await createWebhookEndpoint(plan.id, { url: receiverUrl, events: ["case.closed"] }, actorFor(planUser));
    worker = await startWorker({ webhookFirstRetryMs: 50 });
    script = [500];
    await db.$transaction((tx) => queueWebhookEvent(tx, { planId: plan.id, type: "case.closed", data: { reference: "IMR-2026-000902" } }));
    await waitFor("the worker's second attempt", () => received.some((delivery) => delivery.answeredWith === 200));
    expect(received.map((delivery) => delivery.answeredWith)).toEqual([500, 200]);
  });

  it("signs with the new and the old secret for a day after a rotation, then with the new one only", async () => {
    const { id, secret: oldSecret } = await createWebhookEndpoint(plan.id, { url: receiverUrl, events: ["decision.issued"] }, actorFor(planUser));
    const newSecret = await rotateWebhookSecret(plan.id, id, actorFor(planUser));
    expect(newSecret).not.toBe(oldSecret);
    // Kept sealed: the database alone cannot sign.
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    for (const [kept, shown] of [
      [stored.secret, newSecret],
      [stored.previousSecret!, oldSecret],
    ]) {
      expect(kept).toMatch(/^sealed:v1:/);
      expect(kept).not.toContain(shown);
    }
    await db.$transaction((tx) => queueWebhookEvent(tx, decisionIssued("IMR-2026-000903")));
    await dispatchUntil(() => received.length === 1);
    const during = received[0]!;
    expect(during.signature.split(" ")).toHaveLength(2);
    expect(verifyWebhook(newSecret, during, during.body)).toBe(true);
    expect(verifyWebhook(oldSecret, during, during.body)).toBe(true);

    await db.webhookEndpoint.update({ where: { id }, data: { previousSecretExpiresAt: new Date(Date.now() - 1000) } });
    await db.$transaction((tx) => queueWebhookEvent(tx, decisionIssued("IMR-2026-000904")));
    await dispatchUntil(() => received.length === 2);
    const after = received[1]!;
    expect(verifyWebhook(newSecret, after, after.body)).toBe(true);
    expect(verifyWebhook(oldSecret, after, after.body)).toBe(false);
  });

  it("sends nothing for a change that rolled back, nor for events or plans an endpoint did not subscribe to", async () => {
    await createWebhookEndpoint(plan.id, { url: receiverUrl, events: ["decision.issued"] }, actorFor(planUser));
    const otherPlan = await createPlan();
    await expect(
      db.$transaction(async (tx) => {
        await queueWebhookEvent(tx, decisionIssued("IMR-2026-000905"));
        throw new Error("the decision could not be issued");
      }),
    ).rejects.toThrow("the decision could not be issued");
    await db.$transaction(async (tx) => {
      await queueWebhookEvent(tx, { planId: plan.id, type: "case.accepted", data: { reference: "IMR-2026-000906" } });
      await queueWebhookEvent(tx, { ...decisionIssued("IMR-2026-000907"), planId: otherPlan.id });
    });
    await dispatchDueWebhooks({ firstRetryMs: 20 });
    expect(received).toHaveLength(0);
    expect(await db.webhookDelivery.count({ where: { endpoint: { planId: plan.id } } })).toBe(0);
  });

  it("redelivers a message from the portal with the same webhook-id, and stops for a removed endpoint", async () => {
    const { id } = await createWebhookEndpoint(plan.id, { url: receiverUrl, events: ["decision.issued"] }, actorFor(planUser));
    await db.$transaction((tx) => queueWebhookEvent(tx, decisionIssued("IMR-2026-000908")));
    await dispatchUntil(() => received.length === 1);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: id } });
    await redeliverWebhook(plan.id, delivery.id, actorFor(planUser));
    await dispatchUntil(() => received.length === 2);
    expect(received[1]!.id).toBe(received[0]!.id);

    const otherPlan = await createPlan();
    await expect(redeliverWebhook(otherPlan.id, delivery.id, actorFor(planUser))).rejects.toThrow(/not found/);
    await disableWebhookEndpoint(plan.id, id, actorFor(planUser));
    await db.$transaction((tx) => queueWebhookEvent(tx, decisionIssued("IMR-2026-000909")));
    await dispatchDueWebhooks({ firstRetryMs: 20 });
    expect(received).toHaveLength(2);
  });

  it("refuses a plain http:// address in production", async () => {
    useTestConfig({ NODE_ENV: "production" });
    try {
      await expect(createWebhookEndpoint(plan.id, { url: receiverUrl, events: ["decision.issued"] }, actorFor(planUser))).rejects.toThrow(
        "The address must start with https://",
      );
    } finally {
      useTestConfig();
    }
  });
});

describe("a secret stored before secrets were sealed", () => {
  it("is sealed when the portal starts, once, and still signs", async () => {
    const { id } = await createWebhookEndpoint(plan.id, { url: receiverUrl, events: ["decision.issued"] }, actorFor(planUser));
    await db.webhookEndpoint.update({ where: { id }, data: { secret: "whsec_written-in-plain-text" } });
    expect(await sealStoredWebhookSecrets()).toBe(1);
    expect(await sealStoredWebhookSecrets()).toBe(0);
    const { secret } = await db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(secret).toMatch(/^sealed:v1:/);
    expect(openSecret(secret)).toBe("whsec_written-in-plain-text");
  });
});

describe("where a webhook may go (SSRF)", () => {
  // No internal host is allowed here, as in production; nothing in this block ever connects anywhere.
  beforeEach(() => useTestConfig({ WEBHOOK_INTERNAL_HOSTS: "" }));
  afterEach(() => useTestConfig());

  it("refuses to save an address on this machine, a private or internal network, or a metadata service", async () => {
    for (const url of [
      receiverUrl,
      "https://127.0.0.1:5432/",
      "https://169.254.169.254/latest/meta-data/",
      "https://10.255.255.1/",
      "https://192.168.1.20/hooks",
      "https://100.64.0.9/",
      "http://[::1]:3000/admin/audit",
      "https://[fd00::1]/",
      "https://[::ffff:127.0.0.1]/",
      "https://localhost/imr",
      "https://224.0.0.1/",
    ]) {
      await expect(createWebhookEndpoint(plan.id, { url, events: ["decision.issued"] }, actorFor(planUser)), url).rejects.toThrow(
        "The address is on a private or internal network.",
      );
    }
    expect(await db.webhookEndpoint.count({ where: { planId: plan.id, url: { contains: "169.254" } } })).toBe(0);
  });

  it("sends nothing to a name that resolves to a private address when the delivery is due, and says why", async () => {
    // A public-looking name, saved without a lookup; at delivery time it answers with the metadata service (DNS rebinding).
    const endpoint = await createWebhookEndpoint(plan.id, { url: "https://hooks.rebinding.example/imr", events: ["decision.issued"] }, actorFor(planUser));
    await db.$transaction((tx) => queueWebhookEvent(tx, decisionIssued("IMR-2026-000977")));
    const asked: string[] = [];
    const rebinding = async (hostname: string) => {
      asked.push(hostname);
      return [
        { address: "203.0.113.10", family: 4 as const },
        { address: "169.254.169.254", family: 4 as const },
      ];
    };
    await dispatchDueWebhooks({ firstRetryMs: 20, resolve: rebinding });
    expect(asked).toEqual(["hooks.rebinding.example"]);
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(delivery.lastStatusCode).toBeNull();
    expect(delivery.lastError).toBe("hooks.rebinding.example points to a private or internal network address; nothing was sent");
    expect(received).toHaveLength(0);
  });
});
