/**
 * Webhook signing secrets are kept sealed (AES-256-GCM under a key derived
 * from DOCUMENT_ENCRYPTION_KEY): a copy of the database alone cannot sign
 * messages a plan's system would trust. The portal opens one only to sign.
 */
import crypto from "node:crypto";
import { db } from "../db.server";
import { log } from "../log.server";
import { secrets } from "../secrets.server";

const SEALED = "sealed:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

let derived: { from: string; key: Buffer } | undefined;

function boxKey(): Buffer {
  const { documentKey } = secrets();
  if (derived?.from !== documentKey) {
    // Its own key, derived, so no ciphertext is ever made under the documents' key itself.
    const key = Buffer.from(crypto.hkdfSync("sha256", Buffer.from(documentKey, "base64"), Buffer.alloc(0), "imr webhook signing secrets", 32));
    derived = { from: documentKey, key };
  }
  return derived.key;
}

export function sealSecret(plain: string): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", boxKey(), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return SEALED + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64");
}

export function openSecret(stored: string): string {
  if (!stored.startsWith(SEALED)) throw new Error("A webhook secret is not sealed: start the portal once to seal it");
  const bytes = Buffer.from(stored.slice(SEALED.length), "base64");
  const decipher = crypto.createDecipheriv("aes-256-gcm", boxKey(), bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
}

/** Seals the secrets written before they were sealed; the start runs it, and it does nothing the second time. */
export async function sealStoredWebhookSecrets(): Promise<number> {
  const plain = await db.webhookEndpoint.findMany({
    where: { OR: [{ secret: { not: { startsWith: SEALED } } }, { previousSecret: { not: { startsWith: SEALED } } }] },
    select: { id: true, secret: true, previousSecret: true },
  });
  for (const endpoint of plain) {
    await db.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: {
        secret: endpoint.secret.startsWith(SEALED) ? endpoint.secret : sealSecret(endpoint.secret),
        previousSecret:
          endpoint.previousSecret === null || endpoint.previousSecret.startsWith(SEALED) ? endpoint.previousSecret : sealSecret(endpoint.previousSecret),
      },
    });
  }
  if (plain.length > 0) log.info("sealed webhook secrets stored in plain text", { endpoints: plain.length });
  return plain.length;
}
