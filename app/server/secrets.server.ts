import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Secrets the portal needs. Each comes from the environment when set; for the
 * embedded default they are generated once into the data folder (mode 0600)
 * so a fresh clone needs no setup and restarts keep sessions and documents.
 */
export interface Secrets {
  sessionSecret: string;
  /** 32 bytes, base64: the AES-256-GCM key for documents at rest. */
  documentKey: string;
  embeddedDatabasePassword: string;
}

export function loadSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): Secrets {
  const file = path.join(dataDir, "secrets.json");
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Secrets>;
  const generated: Secrets = {
    sessionSecret: stored.sessionSecret ?? crypto.randomBytes(32).toString("base64url"),
    documentKey: stored.documentKey ?? crypto.randomBytes(32).toString("base64"),
    embeddedDatabasePassword: stored.embeddedDatabasePassword ?? crypto.randomBytes(18).toString("base64url"),
  };
  if (JSON.stringify(stored) !== JSON.stringify(generated)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  }
  return {
    sessionSecret: env.SESSION_SECRET || generated.sessionSecret,
    documentKey: env.DOCUMENT_ENCRYPTION_KEY || generated.documentKey,
    embeddedDatabasePassword: generated.embeddedDatabasePassword,
  };
}

/**
 * Documents in a bucket are read by every app server and worker: their key,
 * and the session secret, must be the same everywhere. One made into a
 * machine's data folder would leave the others unable to read what it
 * stored, and be lost with that machine.
 */
export function assertSharedSecrets(env: NodeJS.ProcessEnv = process.env): void {
  const missing = ["SESSION_SECRET", "DOCUMENT_ENCRYPTION_KEY"].filter((name) => !env[name]);
  if (missing.length === 0) return;
  throw new Error(
    `STORAGE=s3 needs ${missing.join(" and ")} set, the same on every app server and worker: a secret made into one machine's DATA_DIR would leave the bucket's documents unreadable to the others. A portal that already has documents keeps its own (DATA_DIR/secrets.json holds them); a new one makes each with \`openssl rand -base64 32\``,
  );
}

let current: Secrets | undefined;
export function secrets(): Secrets {
  if (!current) throw new Error("Secrets are not loaded yet");
  return current;
}
export function setSecrets(next: Secrets): void {
  current = next;
}
