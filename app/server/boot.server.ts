import path from "node:path";
import { seedDemoData } from "#prisma/seed/demo-data";
import { config } from "./config.server";
import { assertConfinedRole, grantAppRole, roleOf } from "./database-roles.server";
import { connectDatabase, db, disconnectDatabase } from "./db.server";
import { startEmbeddedDatabase } from "./embedded-database.server";
import { log } from "./log.server";
import { installJobQueue } from "./jobs.server";
import { assertMigrated, migrate, readMigrations } from "./migrate.server";
import { sealStoredWebhookSecrets } from "./webhooks/secret-box.server";
import { ensureReferenceData } from "./reference-data.server";
import { assertSharedSecrets, loadSecrets, setSecrets } from "./secrets.server";

export interface Booted {
  databaseUrl: string;
  embedded: boolean;
  shutdown: () => Promise<void>;
}

function migrationsDir(): string {
  return path.resolve(process.env.MIGRATIONS_DIR ?? path.join("prisma", "migrations"));
}

/**
 * As the tables' owner: the migrations, pg-boss's schema and queues, then
 * the portal's role's grants on whatever they created.
 */
export async function prepareDatabase(ownerUrl: string, appRole: string): Promise<void> {
  const result = await migrate(ownerUrl, readMigrations(migrationsDir()));
  if (result.applied.length) log.info("migrations applied", { applied: result.applied });
  await installJobQueue(ownerUrl);
  await grantAppRole(ownerUrl, appRole);
}

/**
 * Everything before the first request: secrets, the database (the embedded
 * one when DATABASE_URL is unset), migrations as the owner, and demo data on
 * a fresh embedded database. The portal itself connects as its own role,
 * and refuses one that could get past the audit log's rules.
 */
export async function boot(options: { seed: "if-empty" | "never" } = { seed: "if-empty" }): Promise<Booted> {
  const settings = config();
  if (settings.storage.kind === "s3") assertSharedSecrets();
  const loaded = loadSecrets(settings.dataDir);
  setSecrets(loaded);
  let databaseUrl = settings.databaseUrl;
  let ownerUrl = settings.migrationDatabaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    const embedded = await startEmbeddedDatabase({
      dir: path.join(settings.dataDir, "postgres"),
      port: settings.embeddedDatabasePort,
      password: loaded.embeddedDatabasePassword,
      database: "imr",
    });
    databaseUrl = embedded.appUrl;
    ownerUrl = embedded.url;
    stopEmbedded = embedded.stop;
    log.info("embedded database running", { port: settings.embeddedDatabasePort });
  }
  try {
    if (ownerUrl) await prepareDatabase(ownerUrl, roleOf(databaseUrl));
    else await assertMigrated(databaseUrl, readMigrations(migrationsDir()));
    await assertConfinedRole(databaseUrl);
    connectDatabase(databaseUrl);
    await ensureReferenceData();
    await sealStoredWebhookSecrets();
    const wantsDemo = options.seed === "if-empty" && (!settings.databaseUrl || process.env.SEED_DEMO_DATA === "true");
    if (wantsDemo && (await db.user.count()) === 0) {
      const seeded = await seedDemoData(db);
      log.info("demo data loaded", seeded);
    }
  } catch (error) {
    await stopEmbedded?.();
    throw error;
  }
  return {
    databaseUrl,
    embedded: !!stopEmbedded,
    async shutdown() {
      await disconnectDatabase();
      await stopEmbedded?.();
    },
  };
}
