/**
 * Webhook signing secrets are kept sealed (AES-256-GCM under a key derived
 * from DOCUMENT_ENCRYPTION_KEY): a copy of the database alone cannot sign
 * messages a plan's system would trust. The portal opens one only to sign.
 */
import { db } from "../db.server";
import { log } from "../log.server";
import { isSealed, SEALED_PREFIX, secretBox } from "../secret-box.server";

const box = secretBox("imr webhook signing secrets");

export function sealSecret(plain: string): string {
  return box.seal(plain);
}

export function openSecret(stored: string): string {
  if (!isSealed(stored)) throw new Error("A webhook secret is not sealed: start the portal once to seal it");
  return box.open(stored);
}

/** Seals the secrets written before they were sealed; the start runs it, and it does nothing the second time. */
export async function sealStoredWebhookSecrets(): Promise<number> {
  const plain = await db.webhookEndpoint.findMany({
    where: { OR: [{ secret: { not: { startsWith: SEALED_PREFIX } } }, { previousSecret: { not: { startsWith: SEALED_PREFIX } } }] },
    select: { id: true, secret: true, previousSecret: true },
  });
  for (const endpoint of plain) {
    await db.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: {
        secret: isSealed(endpoint.secret) ? endpoint.secret : sealSecret(endpoint.secret),
        previousSecret: endpoint.previousSecret === null || isSealed(endpoint.previousSecret) ? endpoint.previousSecret : sealSecret(endpoint.previousSecret),
      },
    });
  }
  if (plain.length > 0) log.info("sealed webhook secrets stored in plain text", { endpoints: plain.length });
  return plain.length;
}
