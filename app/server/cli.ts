/**
 * `npm run db:migrate`, `npm run db:seed`, `npm run db:grant` and `npm run
 * audit:verify`: the same steps the server runs at start, on their own, or
 * the audit chain's check. With DATABASE_URL unset they use the embedded
 * database under ./data (stop `npm start` first: one process owns it).
 */
import { seedDemoData } from "#prisma/seed/demo-data";
import { describeVerdict } from "~/domain/audit-chain";
import { verifyAuditChain } from "./audit-chain.server";
import { boot } from "./boot.server";
import { config } from "./config.server";
import { appRoleGrants, grantAppRole, roleOf } from "./database-roles.server";
import { db } from "./db.server";

const command = process.argv[2];
if (command !== "migrate" && command !== "seed" && command !== "grant" && command !== "audit-verify") {
  console.log("Usage: tsx app/server/cli.ts migrate|seed|grant|audit-verify");
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
const booted = await boot({ seed: "never" });
let intact = true;
try {
  if (command === "audit-verify") {
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
// A broken audit chain fails the command, for the scheduler or script that runs it.
process.exit(intact ? 0 : 1);
