/**
 * Fills a database with realistic cases for the dashboard benchmark and for
 * trying the dashboard at scale:
 *   npm run bench:fill-cases -- 100000
 * Uses DATABASE_URL, or the embedded database under ./data (stop `npm start` first).
 * Cases spread over three years, both tracks, every status, both demo plans,
 * with deadline rows and the case's next-deadline columns, as the app keeps them.
 */
import pg from "pg";
import { boot } from "~/server/boot.server";

export async function fillCases(databaseUrl: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    // Applicants and plans to hang the cases on.
    await client.query(`
      INSERT INTO "HealthPlan" (id, name, "ruleProfileCode", "contactEmail")
      SELECT gen_random_uuid(), 'Bench Plan ' || n, (ARRAY['naic','federal','california'])[1 + n % 3], 'bench' || n || '@plan.example'
        FROM generate_series(1, 6) n ON CONFLICT (name) DO NOTHING`);
    await client.query(`
      INSERT INTO "User" (id, email, name, roles, "updatedAt")
      SELECT gen_random_uuid(), 'bench-applicant-' || n || '@example.com', 'Bench Applicant ' || n, '{APPLICANT}', now()
        FROM generate_series(1, 1000) n ON CONFLICT (email) DO NOTHING`);
    await client.query(`
      INSERT INTO "User" (id, email, name, roles, "updatedAt")
      SELECT gen_random_uuid(), 'bench-coordinator-' || n || '@imr.example', 'Bench Coordinator ' || n, '{COORDINATOR}', now()
        FROM generate_series(1, 12) n ON CONFLICT (email) DO NOTHING`);
    await client.query(`INSERT INTO "ReferenceSequence" (year, "lastValue") VALUES (2000, 0) ON CONFLICT (year) DO NOTHING`);
    const start =
      (
        await client.query<{ lastValue: number }>(`UPDATE "ReferenceSequence" SET "lastValue" = "lastValue" + $1 WHERE year = 2000 RETURNING "lastValue"`, [
          count,
        ])
      ).rows[0]!.lastValue - count;
    await client.query(
      `
      WITH plans AS (SELECT array_agg(id) AS ids FROM "HealthPlan" WHERE name LIKE 'Bench Plan %'),
           applicants AS (SELECT array_agg(id) AS ids FROM "User" WHERE email LIKE 'bench-applicant-%'),
           coordinators AS (SELECT array_agg(id) AS ids FROM "User" WHERE email LIKE 'bench-coordinator-%'),
           profile AS (SELECT id FROM "RuleProfile" WHERE code = 'naic' ORDER BY version LIMIT 1),
           raw AS (
             SELECT n, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
                    now() - (random() * interval '1000 days') AS filed
               FROM generate_series(1, $1::int) n)
      INSERT INTO "Case" (id, reference, status, version, "applicantId", "planId", "ruleProfileId", "patientName", "serviceDescription",
                          "disputeType", track, "submittedAt", "acceptedAt", "decidedAt", "coordinatorId", "flaggedAt",
                          "nextDeadlineKind", "nextDeadlineDueAt", "nextDeadlineAtRiskAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(),
             'IMR-2000-' || lpad(($2::int + n)::text, 6, '0') || '-B',
             status, 1,
             (SELECT ids FROM applicants)[1 + (n % 1000)],
             (SELECT ids FROM plans)[1 + (n % 6)],
             (SELECT id FROM profile),
             'Bench Patient ' || n, 'Bench service ' || (n % 50),
             (ARRAY['MEDICAL_NECESSITY','EXPERIMENTAL_INVESTIGATIONAL','URGENT_CARE']::"DisputeType"[])[1 + floor(r2 * 3)::int],
             CASE WHEN r3 < 0.15 THEN 'EXPEDITED'::"Track" ELSE 'STANDARD'::"Track" END,
             filed,
             CASE WHEN status NOT IN ('SUBMITTED','ELIGIBILITY_REVIEW','INELIGIBLE') THEN filed + interval '3 days' END,
             CASE WHEN status IN ('DECIDED','CLOSED') THEN filed + interval '35 days' END,
             CASE WHEN r4 < 0.8 THEN (SELECT ids FROM coordinators)[1 + (n % 12)] END,
             CASE WHEN open AND r4 > 0.97 THEN now() - interval '1 day' END,
             CASE WHEN open THEN 'DECISION'::"DeadlineKind" END,
             CASE WHEN open THEN now() + (r4 * 40 - 4) * interval '1 day' END,
             CASE WHEN open THEN now() + (r4 * 40 - 4) * interval '1 day' - interval '9 days' END,
             filed, filed
        FROM (SELECT raw.*,
                     (ARRAY['SUBMITTED','ELIGIBILITY_REVIEW','ACCEPTED','IN_REVIEW','DETERMINED','DECIDED','CLOSED','CLOSED','CLOSED','INELIGIBLE','WITHDRAWN']::"CaseStatus"[])[1 + floor(r1 * 11)::int] AS status
                FROM raw) s
        CROSS JOIN LATERAL (SELECT s.status IN ('SUBMITTED','ELIGIBILITY_REVIEW','ACCEPTED','IN_REVIEW','DETERMINED') AS open) o`,
      [count, start],
    );
    await client.query(`
      INSERT INTO "CaseDeadline" (id, "caseId", kind, status, responsible, "startedAt", "dueAt", "atRiskAt", "closedAt")
      SELECT gen_random_uuid(), id, 'DECISION', CASE WHEN "nextDeadlineDueAt" IS NULL THEN 'MET' ELSE 'OPEN' END::"DeadlineStatus", 'ORGANIZATION',
             coalesce("acceptedAt", "submittedAt"), coalesce("nextDeadlineDueAt", "submittedAt" + interval '45 days'),
             coalesce("nextDeadlineAtRiskAt", "submittedAt" + interval '36 days'), "decidedAt"
        FROM "Case" WHERE reference LIKE 'IMR-2000-%-B' AND NOT EXISTS (SELECT 1 FROM "CaseDeadline" d WHERE d."caseId" = "Case".id)`);
    await client.query("COMMIT");
    await client.query(`ANALYZE "Case"; ANALYZE "CaseDeadline"`);
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    await client.end();
  }
}

// Run as a script: fill the configured database (DATABASE_URL, or the embedded one under ./data).
if (process.argv[1] && import.meta.filename === (await import("node:fs")).realpathSync(process.argv[1])) {
  const count = Number(process.argv[2] ?? 100_000);
  if (!Number.isInteger(count) || count < 1 || count > 5_000_000) {
    console.log("Usage: npm run bench:fill-cases -- <number of cases, default 100000>");
    process.exit(2);
  }
  const booted = await boot({ seed: "never" });
  try {
    const started = performance.now();
    await fillCases(booted.databaseUrl, count);
    console.log(`Added ${count.toLocaleString("en-US")} cases in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await booted.shutdown();
  }
}
