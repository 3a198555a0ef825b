import path from "node:path";
import type { S3Settings } from "./documents/s3-storage.server";

/** Settings read from the environment once, with the defaults a fresh clone needs. */
export interface AppConfig {
  port: number;
  isProduction: boolean;
  /** Where the embedded database, mail files, secrets and documents live. */
  dataDir: string;
  /** Where document bytes are kept: encrypted files under DATA_DIR/documents, or encrypted objects in an S3-compatible bucket. */
  storage: { kind: "disk" } | { kind: "s3"; s3: S3Settings };
  /** Set: use this PostgreSQL server, connected as the portal's own role. Unset: start the embedded one. */
  databaseUrl: string | undefined;
  /** The tables' owner on that server: the start migrates and grants with it. Unset: someone else migrates (npm run db:migrate). */
  migrationDatabaseUrl: string | undefined;
  /** The most connections the portal's pool opens to PostgreSQL (the job worker has its own few). */
  databasePoolSize: number;
  embeddedDatabasePort: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The administrators' alert about failing email goes to `email` through a second SMTP server, `smtpUrl`, not the one failing. */
  emailAlert: { smtpUrl: string; email: string } | undefined;
  /** The address people reach the portal at, used in links sent by email. */
  appUrl: string;
  organizationName: string;
  /** Printed under the organization's name on letters; lines separated by commas. */
  organizationPostalAddress: string;
  organizationPhone: string;
  cookieSecure: boolean;
  /** Run the job worker inside the web process (npm start). */
  inProcessWorker: boolean;
  /** How long an app server goes on taking requests after /readyz turns 503 on shutdown, so a balancer polling it stops first. */
  shutdownDrainMs: number;
  /** Express's "trust proxy": which proxies' X-Forwarded-For names the client (a hop count, addresses or subnets, or all). */
  trustProxy: boolean | number | string;
  /** Requests per minute each plan API key may make. */
  apiRateLimitPerMinute: number;
  /** Sign-in attempts one network address may make in 15 minutes. */
  loginAttemptsPerNetwork: number;
  /** Requests a minute one network (IPv4 /24, IPv6 /64) may make to the public library of decisions. */
  libraryRequestsPerMinute: number;
  /** Webhook endpoints may be plain http:// (development and tests); production wants https://. */
  allowHttpWebhooks: boolean;
  /** Host names or addresses on a private or internal network webhooks may still be sent to (development only). */
  webhookInternalHosts: string[];
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  }
  return value;
}

/** At most half the shutdown's 20 s: the requests in flight need the rest. */
export const MAX_SHUTDOWN_DRAIN_MS = 10_000;

function shutdownDrainFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.SHUTDOWN_DRAIN_MS;
  if (raw === undefined || raw === "") return 0;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > MAX_SHUTDOWN_DRAIN_MS) {
    throw new Error(`SHUTDOWN_DRAIN_MS must be a whole number of milliseconds from 0 to ${MAX_SHUTDOWN_DRAIN_MS}, got "${raw}"`);
  }
  return value;
}

/** Both ALERT_SMTP_URL and ALERT_EMAIL, or neither: half an alert route would fail silently when it is needed. */
function emailAlertFromEnv(env: NodeJS.ProcessEnv): AppConfig["emailAlert"] {
  const smtpUrl = env.ALERT_SMTP_URL || undefined;
  const email = env.ALERT_EMAIL || undefined;
  if (smtpUrl && email) return { smtpUrl, email };
  if (smtpUrl || email) throw new Error("Set both ALERT_SMTP_URL and ALERT_EMAIL, or neither");
  return undefined;
}

/** MIGRATION_DATABASE_URL names the owner of DATABASE_URL's tables: without DATABASE_URL it has nothing to name. */
function migrationDatabaseUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const url = env.MIGRATION_DATABASE_URL || undefined;
  if (url && !env.DATABASE_URL) throw new Error("MIGRATION_DATABASE_URL is set without DATABASE_URL: set both, or neither for the embedded database");
  return url;
}

/** STORAGE=s3 and its settings; an S3 setting without it would leave documents on the disk unnoticed. */
function storageFromEnv(env: NodeJS.ProcessEnv): AppConfig["storage"] {
  const kind = env.STORAGE || "disk";
  if (kind === "disk") {
    const stray = ["S3_ENDPOINT", "S3_BUCKET"].filter((name) => env[name]);
    if (stray.length > 0) throw new Error(`${stray.join(" and ")} set without STORAGE=s3: set STORAGE=s3 to keep documents in the bucket, or unset them`);
    return { kind: "disk" };
  }
  if (kind !== "s3") throw new Error(`STORAGE must be "disk" or "s3", got "${kind}"`);
  const bucket = env.S3_BUCKET;
  if (!bucket) throw new Error("STORAGE=s3 needs S3_BUCKET, the bucket documents are kept in");
  const endpoint = env.S3_ENDPOINT || undefined;
  if (endpoint && !/^https?:\/\/[^/]/.test(endpoint)) throw new Error(`S3_ENDPOINT must be the server's http:// or https:// address, got "${endpoint}"`);
  const accessKeyId = env.AWS_ACCESS_KEY_ID || undefined;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY || undefined;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    throw new Error("Set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither for the SDK's own credentials (a profile, an instance role)");
  return {
    kind: "s3",
    s3: {
      endpoint,
      bucket,
      // MinIO and most S3-compatible servers answer to us-east-1 unless set otherwise.
      region: env.S3_REGION || "us-east-1",
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    },
  };
}

/**
 * TRUST_PROXY as Express means it: "true" or "false", a number of hops, or
 * addresses, subnets and Express's names (loopback, uniquelocal). The raw
 * string would make "1" an address that trusts nothing and "true" fail the start.
 */
function trustProxyFromEnv(env: NodeJS.ProcessEnv): AppConfig["trustProxy"] {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || raw === "false") return false;
  if (raw === "true") return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = intFromEnv(env, "PORT", 3000);
  const isProduction = env.NODE_ENV === "production";
  return {
    port,
    isProduction,
    dataDir: path.resolve(env.DATA_DIR || "data"),
    storage: storageFromEnv(env),
    databaseUrl: env.DATABASE_URL || undefined,
    migrationDatabaseUrl: migrationDatabaseUrlFromEnv(env),
    databasePoolSize: intFromEnv(env, "DATABASE_POOL_SIZE", 10),
    embeddedDatabasePort: intFromEnv(env, "EMBEDDED_DATABASE_PORT", 54329),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || "Independent Medical Review <no-reply@imr.example>",
    emailAlert: emailAlertFromEnv(env),
    appUrl: (env.APP_URL || `http://localhost:${port}`).replace(/\/$/, ""),
    organizationName: env.ORGANIZATION_NAME || "Independent Review Organization",
    organizationPostalAddress: env.ORGANIZATION_POSTAL_ADDRESS || "PO Box 12207, Albany, NY 12212",
    organizationPhone: env.ORGANIZATION_PHONE || "1-800-555-0143",
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === "true" : isProduction,
    inProcessWorker: env.IN_PROCESS_WORKER !== "false",
    shutdownDrainMs: shutdownDrainFromEnv(env),
    trustProxy: trustProxyFromEnv(env),
    apiRateLimitPerMinute: intFromEnv(env, "API_RATE_LIMIT_PER_MINUTE", 120),
    loginAttemptsPerNetwork: intFromEnv(env, "LOGIN_ATTEMPTS_PER_NETWORK", 30),
    libraryRequestsPerMinute: intFromEnv(env, "LIBRARY_REQUESTS_PER_MINUTE", 120),
    allowHttpWebhooks: env.ALLOW_HTTP_WEBHOOKS ? env.ALLOW_HTTP_WEBHOOKS === "true" : !isProduction,
    webhookInternalHosts: (env.WEBHOOK_INTERNAL_HOSTS ?? "")
      .split(",")
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  };
}

let current: AppConfig | undefined;

export function config(): AppConfig {
  current ??= readConfig();
  return current;
}

/** Tests and the launcher set the config explicitly. */
export function setConfig(next: AppConfig): void {
  current = next;
}
