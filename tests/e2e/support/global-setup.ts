import { db } from "~/server/db.server";
import { waitFor } from "#tests/support/wait-for";
import { connectToPortal, disconnectFromPortal } from "./portal";

/**
 * The first start queues the demo data's emails (about a hundred). The tests
 * wait for emails of their own, so they start once that backlog is sent,
 * rather than each one queuing behind it.
 */
export default async function waitForDemoMail(): Promise<void> {
  connectToPortal();
  try {
    await waitFor(
      "the e2e server to send the demo data's emails",
      async () => (await db.outboxMessage.count({ where: { status: { in: ["PENDING", "SENDING"] } } })) === 0,
      120_000,
    );
  } finally {
    await disconnectFromPortal();
  }
}
