/**
 * A process that starts the embedded database and keeps running until it is
 * killed: `node --import tsx tests/support/embedded-database-process.ts '<options as JSON>'`.
 * Prints "ready" once the database accepts connections. Tests kill it with
 * SIGKILL to leave its PostgreSQL running, as a crashed `npm start` does.
 */
import { startEmbeddedDatabase } from "~/server/embedded-database.server";

await startEmbeddedDatabase(JSON.parse(process.argv[2] ?? "") as Parameters<typeof startEmbeddedDatabase>[0]);
process.stdout.write("ready\n");
setInterval(() => undefined, 60_000);
