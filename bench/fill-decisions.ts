/**
 * Fills a database with published decisions for the library's benchmark and
 * for trying /decisions at scale:
 *   npm run bench:fill-decisions -- 500000
 * Uses DATABASE_URL, or the embedded database under ./data (stop `npm start` first).
 * Decisions spread over 25 years, every topic of the demo library, both
 * tracks, every outcome, age range, gender and bench plan; each finding is
 * its topic's text with two of forty clinical sentences and a drug or
 * procedure name, so words are common and rare as in real findings.
 */
import pg from "pg";
import { boot } from "~/server/boot.server";
import { LIBRARY_TOPICS } from "../prisma/seed/demo-library";

const SENTENCES = [
  "The treating physician documented the failure of first-line therapy.",
  "The plan's criteria were applied to the records provided.",
  "Peer-reviewed literature supports the requested service for this indication.",
  "The records show no contraindication to the requested treatment.",
  "Symptoms persisted despite adherence to the prescribed regimen.",
  "The imaging findings are consistent with the clinical examination.",
  "Alternative treatments were considered and are not appropriate here.",
  "The requested level of care matches the severity of the condition.",
  "The patient's functional status declined over the last three months.",
  "Laboratory results confirm the diagnosis.",
  "The specialist's letter explains why the standard option is unsuitable.",
  "National guidelines recommend this treatment after two failed drugs.",
  "The service is not experimental for this diagnosis.",
  "The evidence for this indication is limited to small case series.",
  "A randomized trial showed no benefit over standard care.",
  "The denial relied on a criterion that does not apply to this patient.",
  "Hospital admission was required for intravenous therapy.",
  "Outpatient management was safe and available.",
  "The requested duration exceeds what the evidence supports.",
  "Continued treatment is needed to maintain the gains achieved.",
  "The patient had an adverse reaction to the preferred alternative.",
  "Comorbid conditions increase the risk of the standard approach.",
  "The reviewer considered the complete case file.",
  "Quality of life improved measurably on the requested treatment.",
  "The dosage requested is within the labeled range.",
  "Off-label use is supported by compendia for this indication.",
  "No documentation of a trial of physical therapy was provided.",
  "The surgical candidate meets the published selection criteria.",
  "Pain scores and disability indices worsened despite care.",
  "The risk of progression without treatment is substantial.",
  "The device is the only option that meets the patient's needs.",
  "Monitoring showed frequent episodes despite medication.",
  "The plan's alternative was tried and failed.",
  "Residual symptoms do not justify escalation at this time.",
  "The prognosis improves with early intervention.",
  "A second opinion agreed with the treating physician.",
  "Genetic findings change the recommended management.",
  "Home health services are necessary after discharge.",
  "The member's condition is chronic and stable.",
  "The guideline cited by the plan was superseded.",
];

const TERMS = [
  "adalimumab",
  "pembrolizumab",
  "semaglutide",
  "erenumab",
  "dupilumab",
  "ustekinumab",
  "rituximab",
  "lenalidomide",
  "tirzepatide",
  "ocrelizumab",
  "kyphoplasty",
  "arthroscopy",
  "laminectomy",
  "lumpectomy",
  "cholecystectomy",
  "tympanostomy",
  "polysomnography",
  "echocardiogram",
  "colonoscopy",
  "neurostimulator",
];

const AGE_RANGES = ["0-10", "11-20", "21-30", "31-40", "41-50", "51-64", "65+"];

export async function fillDecisions(databaseUrl: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`
      INSERT INTO "HealthPlan" (id, name, "ruleProfileCode", "contactEmail")
      SELECT gen_random_uuid(), 'Bench Plan ' || n, (ARRAY['naic','federal','california'])[1 + n % 3], 'bench' || n || '@plan.example'
        FROM generate_series(1, 6) n ON CONFLICT (name) DO NOTHING`);
    const topics = LIBRARY_TOPICS;
    await client.query(
      `
      WITH plans AS (SELECT array_agg(id ORDER BY name) AS ids FROM "HealthPlan" WHERE name LIKE 'Bench Plan %'),
           rows AS (
             SELECT n, 1 + (hashint4(n) & 2147483647) % $2::int AS topic, (hashint4(n * 7) & 2147483647) AS r
               FROM generate_series(1, $1::int) n
           )
      INSERT INTO "Publication" (id, status, "draftFindings", findings, "relativeNames", year, "ageRange", gender,
        "diagnosisCategory", "diagnosisSubcategory", "diagnosisDetail", "shownDiagnosisSubcategory",
        "treatmentCategory", "treatmentSubcategory", outcome, "disputeType", track, "planId",
        "daysToDecision", "decidedOnTime", literature, "approvedAt", "publishedAt", "updatedAt")
      SELECT gen_random_uuid(), 'PUBLISHED', '', finding, '{}', 2001 + r % 25, ($9::text[])[1 + r % 7], (ARRAY['FEMALE','MALE','X'])[1 + (r / 7) % 3],
        ($3::text[])[topic], ($4::text[])[topic], CASE WHEN r % 9 = 0 THEN 'CATEGORY' ELSE 'SUBCATEGORY' END::"DiagnosisDetail",
        CASE WHEN r % 9 = 0 THEN NULL ELSE ($4::text[])[topic] END,
        ($5::text[])[topic], ($6::text[])[topic],
        (ARRAY['UPHELD','OVERTURNED','OVERTURNED','OVERTURNED_IN_PART','UPHELD'])[1 + (r / 3) % 5]::"DecisionOutcome",
        (ARRAY['MEDICAL_NECESSITY','MEDICAL_NECESSITY','MEDICAL_NECESSITY','EXPERIMENTAL_INVESTIGATIONAL','URGENT_CARE'])[1 + (r / 5) % 5]::"DisputeType",
        CASE WHEN r % 6 = 0 THEN 'EXPEDITED' ELSE 'STANDARD' END::"Track",
        plans.ids[1 + (r / 11) % array_length(plans.ids, 1)],
        CASE WHEN r % 6 = 0 THEN 1 + r % 4 ELSE 10 + r % 40 END, r % 13 <> 0, '[]',
        make_timestamptz(2001 + r % 25, 1 + r % 12, 1 + r % 28, 12, 0, 0, 'UTC'), make_timestamptz(2001 + r % 25, 1 + r % 12, 1 + r % 28, 12, 0, 0, 'UTC'), now()
      FROM rows, plans,
        LATERAL (SELECT CASE WHEN r % 5 IN (0, 4) THEN ($8::text[])[topic] ELSE ($7::text[])[topic] END
          || ' ' || ($10::text[])[1 + r % 40] || ' ' || ($10::text[])[1 + (r / 40) % 40] || ' ' || ($11::text[])[1 + (r / 1600) % 20] || ' was considered.' AS finding) f`,
      [
        count,
        topics.length,
        topics.map((topic) => topic.diagnosisCategory),
        topics.map((topic) => topic.diagnosisSubcategory),
        topics.map((topic) => topic.treatmentCategory),
        topics.map((topic) => topic.treatmentSubcategory),
        topics.map((topic) => topic.overturned),
        topics.map((topic) => topic.upheld),
        AGE_RANGES,
        SENTENCES,
        TERMS,
      ],
    );
    await client.query("COMMIT");
    await client.query(`ANALYZE "Publication"`);
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    await client.end();
  }
}

// Run as a script: fill the configured database (DATABASE_URL, or the embedded one under ./data).
if (process.argv[1] && import.meta.filename === (await import("node:fs")).realpathSync(process.argv[1])) {
  const count = Number(process.argv[2] ?? 500_000);
  if (!Number.isInteger(count) || count < 1 || count > 5_000_000) {
    console.log("Usage: npm run bench:fill-decisions -- <number of decisions, default 500000>");
    process.exit(2);
  }
  const booted = await boot({ seed: "never" });
  try {
    const started = performance.now();
    await fillDecisions(booted.databaseUrl, count);
    console.log(`Added ${count.toLocaleString("en-US")} published decisions in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await booted.shutdown();
  }
}
