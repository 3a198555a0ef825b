import { e2eDb } from "./e2e-db";

/**
 * The first start queues the demo data's emails (about a hundred). The tests
 * wait for emails of their own, so they start once that backlog is sent,
 * rather than each one queuing behind it.
 */
export default async function waitForDemoMail(): Promise<void> {
  const deadline = Date.now() + 120_000;
  const pool = e2eDb();
  for (;;) {
    const { rows } = await pool.query<{ waiting: string }>(`SELECT count(*) AS waiting FROM "OutboxMessage" WHERE status IN ('PENDING', 'SENDING')`);
    if (Number(rows[0]?.waiting) === 0) break;
    if (Date.now() > deadline) throw new Error(`The e2e server still has ${rows[0]?.waiting} emails to send after two minutes.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await pool.end();
}
