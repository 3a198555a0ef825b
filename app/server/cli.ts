/**
 * `npm run db:migrate`, `npm run db:seed`, `npm run db:grant`, `npm run
 * audit:verify` and `npm run storage:migrate`: the same steps the server runs
 * at start, on their own, the audit chain's check, or the copy of the
 * documents on the disk into the bucket. With DATABASE_URL unset they use the
 * embedded database under ./data (stop `npm start` first: one process owns it).
 */
import { seedDemoData } from "#prisma/seed/demo-data";
import { describeVerdict } from "~/domain/audit-chain";
import { verifyAuditChain } from "./audit-chain.server";
import { boot } from "./boot.server";
import { config } from "./config.server";
import { appRoleGrants, grantAppRole, roleOf } from "./database-roles.server";
import { db } from "./db.server";
import { migrateStorage, migrationRefusal, migrationStorages, type MigrationStep, type MigrationSummary } from "./documents/storage-migrate.server";

const command = process.argv[2];
const COMMANDS = ["migrate", "seed", "grant", "audit-verify", "storage-migrate"];
if (!command || !COMMANDS.includes(command)) {
  console.log(`Usage: tsx app/server/cli.ts ${COMMANDS.join("|")}`);
  process.exit(2);
}
if (command === "grant") {
  // Without booting: the grants are all this does, and they need only the two URLs.
  const { databaseUrl, migrationDatabaseUrl } = config();
  if (!databaseUrl || !migrationDatabaseUrl) {
    console.log("Set DATABASE_URL (the portal's role) and MIGRATION_DATABASE_URL (the tables' owner). The embedded database is granted at every start.");
    process.exit(2);
  }
  const role = roleOf(databaseUrl);
  await grantAppRole(migrationDatabaseUrl, role);
  console.log(`Granted to "${role}":\n${appRoleGrants(role).join(";\n")};`);
  process.exit(0);
}
const refusal = command === "storage-migrate" ? migrationRefusal() : null;
if (refusal) {
  console.log(refusal);
  process.exit(2);
}
const booted = await boot({ seed: "never" });
let intact = true;
try {
  if (command === "storage-migrate") {
    intact = await copyDocumentsToBucket();
  } else if (command === "audit-verify") {
    const verdict = await verifyAuditChain();
    console.log(describeVerdict(verdict));
    intact = verdict.intact;
  } else if (command === "seed") {
    const seeded = await seedDemoData(db);
    console.log(`Demo data in place: ${seeded.users} users, ${seeded.plans} plans, ${seeded.cases} new demo cases.`);
  } else {
    console.log("The database is up to date with prisma/migrations.");
  }
} finally {
  await booted.shutdown();
}
// A broken audit chain, or a document not copied, fails the command, for the scheduler or script that runs it.
process.exit(intact ? 0 : 1);

/** `storage:migrate`: false when the migration could not start or any document failed. */
async function copyDocumentsToBucket(): Promise<boolean> {
  const storages = migrationStorages();
  try {
    await storages.to.check();
  } catch (error) {
    console.log(`The bucket cannot be reached: ${String(error)}`);
    return false;
  }
  console.log(`Copying the documents in ${storages.folder} into the bucket, each one read back and checked…`);
  const summary = await migrateStorage(new Date(), storages, printStep);
  printSummary(summary, storages.folder);
  return summary.failed.length === 0;
}

function printStep(step: MigrationStep): void {
  if (step.outcome === "failed") console.log(`Failed: document ${step.documentId} (${step.storageKey}): ${step.reason}`);
  if (step.done % 100 === 0 || step.done === step.total) console.log(`${step.done} of ${step.total} documents`);
}

function printSummary(summary: MigrationSummary, folder: string): void {
  console.log(`${summary.total} documents: ${summary.copied} copied, ${summary.skipped} already in the bucket and verified, ${summary.failed.length} failed.`);
  if (summary.unnamedOnDisk) {
    console.log(`${summary.unnamedOnDisk} files on the disk that no document names were not copied (left by a crash; the storage sweep removes them).`);
  }
  if (summary.failed.length) {
    console.log("Run the migration again once the failures above are dealt with: what is already in the bucket is checked and skipped.");
    return;
  }
  console.log(
    `The files stay in ${folder}: nothing on the disk was changed. Start the portal with STORAGE=s3 and open a few documents; once satisfied, remove them with: rm -r "${folder}"`,
  );
}
