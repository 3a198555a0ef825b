import path from "node:path";
import { seedDemoData } from "#prisma/seed/demo-data";
import { config } from "./config.server";
import { connectDatabase, db, disconnectDatabase } from "./db.server";
import { startEmbeddedDatabase } from "./embedded-database.server";
import { log } from "./log.server";
import { migrate, readMigrations } from "./migrate.server";
import { sealStoredWebhookSecrets } from "./webhooks/secret-box.server";
import { ensureReferenceData } from "./reference-data.server";
import { loadSecrets, setSecrets } from "./secrets.server";

export interface Booted {
  databaseUrl: string;
  embedded: boolean;
  shutdown: () => Promise<void>;
}

/**
 * Everything before the first request: secrets, the database (the embedded
 * one when DATABASE_URL is unset), migrations, and demo data on a fresh
 * embedded database.
 */
export async function boot(options: { seed: "if-empty" | "never" } = { seed: "if-empty" }): Promise<Booted> {
  const settings = config();
  const loaded = loadSecrets(settings.dataDir);
  setSecrets(loaded);
  let databaseUrl = settings.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    const embedded = await startEmbeddedDatabase({
      dir: path.join(settings.dataDir, "postgres"),
      port: settings.embeddedDatabasePort,
      password: loaded.embeddedDatabasePassword,
      database: "imr",
    });
    databaseUrl = embedded.url;
    stopEmbedded = embedded.stop;
    log.info("embedded database running", { port: settings.embeddedDatabasePort });
  }
  try {
    const migrationsDir = path.resolve(process.env.MIGRATIONS_DIR ?? path.join("prisma", "migrations"));
    const result = await migrate(databaseUrl, readMigrations(migrationsDir));
    if (result.applied.length) log.info("migrations applied", { applied: result.applied });
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
