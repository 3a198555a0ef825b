import crypto from "node:crypto";
import { audit } from "../audit.server";
import { db, Prisma, readRows, type Tx } from "../db.server";
import { notFound } from "../errors.server";
import type { Actor } from "../request-context.server";

/** Keys look like imr_<8 characters shown in lists>_<secret>; only a SHA-256 of the whole key is stored. */
const KEY_PATTERN = /^imr_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{32,})$/;

export function hashApiKey(key: string): string {
  return crypto.createHash("sha256").update(key).digest("hex");
}

function generateApiKey(): { key: string; prefix: string } {
  const prefix = crypto.randomBytes(6).toString("base64url").replace(/[-_]/g, "x").slice(0, 8);
  return { key: `imr_${prefix}_${crypto.randomBytes(32).toString("base64url")}`, prefix };
}

/** Creates a named key for the plan and returns its value: the only time anyone sees it. */
export async function createApiKey(planId: string, name: string, actor: Actor, tx?: Tx, fixedKey?: string): Promise<{ id: string; key: string }> {
  const run = async (t: Tx) => {
    const plan = await t.healthPlan.findUnique({ where: { id: planId }, select: { id: true } });
    if (!plan) throw notFound("This plan");
    const generated = fixedKey ? { key: fixedKey, prefix: KEY_PATTERN.exec(fixedKey)?.[1] ?? fixedKey.slice(4, 12) } : generateApiKey();
    const row = await t.apiKey.create({
      data: { planId, name, prefix: generated.prefix, keyHash: hashApiKey(generated.key), createdById: actor.userId },
      select: { id: true },
    });
    await audit(actor, { action: "api_key.created", objectType: "ApiKey", objectId: row.id, detail: { planId, name, prefix: generated.prefix } }, t);
    return { id: row.id, key: generated.key };
  };
  return tx ? run(tx) : db.$transaction(run);
}

export async function revokeApiKey(planId: string, apiKeyId: string, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const updated = await tx.apiKey.updateMany({ where: { id: apiKeyId, planId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (updated.count === 0) throw notFound("This key");
    await audit(actor, { action: "api_key.revoked", objectType: "ApiKey", objectId: apiKeyId, detail: { planId } }, tx);
  });
}

export function listApiKeys(planId: string) {
  return db.apiKey.findMany({
    where: { planId },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      // A key acts only while the account that made it is active (apiClientFor).
      createdBy: { select: { name: true, disabledAt: true } },
    },
  });
}

export interface ApiClient {
  apiKeyId: string;
  planId: string;
  planName: string;
  keyName: string;
  actor: Actor;
}

/** The plan behind a bearer key, or null for a missing, malformed, unknown or revoked key, or one whose maker's account is deactivated. */
export async function apiClientFor(request: Request, ip: string | null): Promise<ApiClient | null> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match || !KEY_PATTERN.test(match[1]!)) return null;
  // One query on every call: the key, its plan, and whether the person who made it may still act.
  const [row] = await readRows<ApiKeyRow>(Prisma.sql`
    SELECT k.id, k.name, k."planId", k."revokedAt", k."lastUsedAt", p.name AS "planName", u."disabledAt" AS "makerDisabledAt"
      FROM "ApiKey" k JOIN "HealthPlan" p ON p.id = k."planId" LEFT JOIN "User" u ON u.id = k."createdById"
     WHERE k."keyHash" = ${hashApiKey(match[1]!)}`);
  if (!row || row.revokedAt || row.makerDisabledAt) return null;
  // Last use to the minute is enough, and spares a write on every call.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return {
    apiKeyId: row.id,
    planId: row.planId,
    planName: row.planName,
    keyName: row.name,
    actor: { userId: null, email: `api:${row.planName}/${row.name}`, ip, userAgent: request.headers.get("user-agent") },
  };
}

interface ApiKeyRow {
  id: string;
  name: string;
  planId: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  planName: string;
  makerDisabledAt: Date | null;
}
