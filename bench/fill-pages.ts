/**
 * Fills the case file's page index for the search benchmark and for trying
 * search at scale:
 *   npm run bench:fill-pages -- 2000000
 * Uses DATABASE_URL, or the embedded database under ./data (stop `npm start` first).
 * Adds cases (bench/fill-cases.ts), then documents of 250 pages, 1,000 pages
 * a case, and one large case file of BIG_CASE_PAGES pages, each page some
 * sentences of clinical notes, letters and lab reports in English and
 * Spanish. PostgreSQL computes the search vector (a generated column) and
 * each document's word list (DocumentLexeme, by a trigger, once per batch);
 * the search indexes are rebuilt once at the end, which is much faster than
 * keeping them up to date row by row.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { boot } from "~/server/boot.server";
import { fillCases } from "./fill-cases";

/** Pages of the one large case file (a case of many scanned volumes). */
export const BIG_CASE_PAGES = 100_000;
const PAGES_PER_CASE = 1_000;
const PAGES_PER_DOCUMENT = 250;
/** Pages per INSERT, so progress shows and no one statement holds too much. */
const BATCH_PAGES = 100_000;

/** What a page says: the fragments a page is made of, picked at random. */
const SENTENCES = [
  "Patient seen in clinic for follow-up of congestive heart failure with reduced ejection fraction.",
  "Chief complaint: chest pain on exertion, relieved by rest, associated with shortness of breath.",
  "Echocardiogram shows left ventricular ejection fraction of 35 percent with moderate mitral regurgitation.",
  "Continue metoprolol succinate 50 mg daily and lisinopril 10 mg daily; monitor blood pressure.",
  "The requested service is not medically necessary under the plan's clinical criteria.",
  "Prior authorization for MRI of the lumbar spine was denied pending conservative therapy.",
  "Physical therapy twice weekly for six weeks with partial improvement in range of motion.",
  "Hemoglobin A1c 8.2 percent; metformin increased to 1000 mg twice daily.",
  "Blood pressure 142/88, heart rate 76, oxygen saturation 97 percent on room air.",
  "Assessment: type 2 diabetes mellitus with peripheral neuropathy, poorly controlled.",
  "Plan: refer to cardiology for consideration of implantable cardioverter defibrillator.",
  "The member has tried and failed two formulary alternatives, documented in the pharmacy record.",
  "Radiology report: no acute fracture; degenerative disc disease at L4-L5 with foraminal narrowing.",
  "Discharge summary: admitted for acute exacerbation of chronic obstructive pulmonary disease.",
  "Patient denies fever, chills, nausea or vomiting. Review of systems otherwise negative.",
  "Surgical history: laparoscopic cholecystectomy, right knee arthroscopy, appendectomy in childhood.",
  "Allergies: penicillin causes rash. Sulfa drugs cause hives.",
  "The appeal letter requests coverage for proton beam therapy as recommended by the oncologist.",
  "Pathology confirms invasive ductal carcinoma, estrogen receptor positive, HER2 negative.",
  "Sleep study demonstrates severe obstructive sleep apnea with an apnea hypopnea index of 42.",
  "Nota de evolución: el paciente refiere dolor torácico y dificultad para respirar al caminar.",
  "Se recomienda continuar el tratamiento con insulina y control de glucosa diario.",
  "Informe de alta: ingreso por neumonía adquirida en la comunidad, tratada con antibióticos.",
  "La paciente presenta dolores articulares y rigidez matutina compatibles con artritis reumatoide.",
  "Signed electronically by the attending physician. Page reviewed and approved.",
  "Fax cover sheet: confidential medical records enclosed for independent medical review.",
  "Laboratory: sodium 138, potassium 4.1, creatinine 1.3, estimated GFR 55.",
  "Colonoscopy with removal of two tubular adenomas; repeat in three years.",
  "Depression screening PHQ-9 score 14, moderate; started sertraline 50 mg.",
  "Wound care: stage 3 pressure ulcer on the sacrum, negative pressure therapy ordered.",
];

export async function fillPages(databaseUrl: string, pages: number, log: (line: string) => void = console.log): Promise<{ bigCaseId: string }> {
  const bigCasePages = Math.min(BIG_CASE_PAGES, Math.floor(pages / 2));
  const cases = Math.max(1, Math.ceil((pages - bigCasePages) / PAGES_PER_CASE));
  await fillCases(databaseUrl, cases + 1);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SET maintenance_work_mem = '512MB'");
    // The search indexes (GIN: the pages' words by case, the word lists' trigrams), rebuilt once the rows are in, as the migrations define them.
    const indexes = (
      await client.query<{ name: string; definition: string }>(
        `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
          WHERE tablename IN ('DocumentPage', 'DocumentLexeme') AND indexdef LIKE '% USING gin %'`,
      )
    ).rows;
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);

    // Cases fill-cases made, none a draft; the first takes the large case file.
    const caseIds = (
      await client.query<{ id: string }>(`SELECT id FROM "Case" WHERE status <> 'DRAFT' AND reference LIKE 'IMR-2000-%' ORDER BY reference LIMIT $1`, [
        cases + 1,
      ])
    ).rows.map((row) => row.id);
    const [bigCaseId, ...others] = caseIds as [string, ...string[]];
    await addDocuments(client, [bigCaseId], bigCasePages);
    await addDocuments(client, others, PAGES_PER_CASE);

    const documents = (
      await client.query<{ id: string; pageCount: number }>(
        `SELECT d.id, d."pageCount" FROM "Document" d WHERE d."caseId" = ANY($1::uuid[]) AND d."storageKey" LIKE 'bench-pages-%' ORDER BY d.id`,
        [caseIds],
      )
    ).rows;
    let filled = 0;
    const started = performance.now();
    for (let first = 0; first < documents.length && filled < pages;) {
      const batch: string[] = [];
      let batchPages = 0;
      while (first < documents.length && batchPages < BATCH_PAGES) {
        batch.push(documents[first]!.id);
        batchPages += documents[first]!.pageCount;
        first += 1;
      }
      await client.query(
        `
        INSERT INTO "DocumentPage" (id, "documentId", "caseId", "pageNumber", text, source, "textHash")
        SELECT gen_random_uuid(), d.id, d."caseId", n,
               'Page ' || n || ' of ' || d."fileName" || '. ' ||
               (SELECT string_agg(($2::text[])[1 + floor(random() * array_length($2::text[], 1))::int], ' ')
                  FROM generate_series(1, 6 + (n % 5))),
               'EMBEDDED', md5(d.id::text || n)
          FROM "Document" d, generate_series(1, d."pageCount") n
         WHERE d.id = ANY($1::uuid[])`,
        [batch, SENTENCES],
      );
      filled += batchPages;
      const seconds = (performance.now() - started) / 1000;
      log(`  ${filled.toLocaleString("en-US")} pages (${Math.round(filled / seconds).toLocaleString("en-US")} pages/s)`);
    }
    const indexing = performance.now();
    for (const index of indexes) await client.query(index.definition);
    await client.query(`ANALYZE "DocumentPage"`);
    log(`  search indexes built in ${((performance.now() - indexing) / 1000).toFixed(1)} s`);
    return { bigCaseId };
  } finally {
    await client.end();
  }
}

/** Documents of PAGES_PER_DOCUMENT pages (fewer for the last) adding up to `pagesPerCase` for each case, their text layer done. */
async function addDocuments(client: pg.Client, caseIds: string[], pagesPerCase: number): Promise<void> {
  const perCase = Math.ceil(pagesPerCase / PAGES_PER_DOCUMENT);
  await client.query(
    `
    INSERT INTO "Document" (id, "caseId", kind, "fileName", "contentType", "sizeBytes", sha256, "storageKey", "textLayerStatus", "pageCount", "pagesIndexed")
    SELECT gen_random_uuid(), c, 'MEDICAL_RECORDS', 'records-volume-' || k || '.pdf', 'application/pdf', 1000000, md5(c::text || k),
           'bench-pages-' || gen_random_uuid(), 'DONE', pages, pages
      FROM unnest($1::uuid[]) c, generate_series(1, $2::int) k,
           LATERAL (SELECT LEAST($3::int, $4::int - (k - 1) * $3::int) AS pages) p`,
    [caseIds, perCase, PAGES_PER_DOCUMENT, pagesPerCase],
  );
}

// Run as a script: fill the configured database (DATABASE_URL, or the embedded one under ./data).
if (process.argv[1] && import.meta.filename === (await import("node:fs")).realpathSync(process.argv[1])) {
  const count = Number(process.argv[2] ?? 2_000_000);
  if (!Number.isInteger(count) || count < 1_000 || count > 20_000_000) {
    console.log("Usage: npm run bench:fill-pages -- <number of pages, default 2000000>");
    process.exit(2);
  }
  const booted = await boot({ seed: "never" });
  try {
    const started = performance.now();
    await fillPages(booted.databaseUrl, count);
    console.log(`Added ${count.toLocaleString("en-US")} pages in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await booted.shutdown();
  }
}
