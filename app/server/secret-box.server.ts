/**
 * Secrets the portal must read back (a webhook's signing secret, an
 * authenticator app's shared secret) are kept sealed: AES-256-GCM under a key
 * derived from DOCUMENT_ENCRYPTION_KEY, one key per purpose. A copy of the
 * database alone opens none of them.
 */
import crypto from "node:crypto";
import { secrets } from "./secrets.server";

export const SEALED_PREFIX = "sealed:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SecretBox {
  seal(plain: string): string;
  open(stored: string): string;
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

/** A box whose key is derived for `purpose` (the HKDF info string: changing it makes every sealed secret of that purpose unreadable). */
export function secretBox(purpose: string): SecretBox {
  let derived: { from: string; key: Buffer } | undefined;
  function boxKey(): Buffer {
    const { documentKey } = secrets();
    if (derived?.from !== documentKey) {
      // A key of its own, derived, so no ciphertext is ever made under the documents' key itself.
      derived = { from: documentKey, key: Buffer.from(crypto.hkdfSync("sha256", Buffer.from(documentKey, "base64"), Buffer.alloc(0), purpose, 32)) };
    }
    return derived.key;
  }
  return {
    seal(plain) {
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv("aes-256-gcm", boxKey(), iv);
      const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64");
    },
    open(stored) {
      if (!isSealed(stored)) throw new Error(`A secret (${purpose}) is not sealed`);
      const bytes = Buffer.from(stored.slice(SEALED_PREFIX.length), "base64");
      const decipher = crypto.createDecipheriv("aes-256-gcm", boxKey(), bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    },
  };
}
