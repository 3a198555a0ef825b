/**
 * `npm run db:migrate` and `npm run db:seed`: the same steps the server runs
 * at start, on their own. With DATABASE_URL unset they use the embedded
 * database under ./data (stop `npm start` first: one process owns it).
 */
import { seedDemoData } from "#prisma/seed/demo-data";
import { boot } from "./boot.server";
import { db } from "./db.server";

const command = process.argv[2];
if (command !== "migrate" && command !== "seed") {
  console.log("Usage: tsx app/server/cli.ts migrate|seed");
  process.exit(2);
}
const booted = await boot({ seed: "never" });
try {
  if (command === "seed") {
    const seeded = await seedDemoData(db);
    console.log(`Demo data in place: ${seeded.users} users, ${seeded.plans} plans, ${seeded.cases} new demo cases.`);
  } else {
    console.log("The database is up to date with prisma/migrations.");
  }
} finally {
  await booted.shutdown();
}
