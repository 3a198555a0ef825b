/**
 * The case file's text layer (`npm run bench:casefile`). Prints, with
 * "met" or "NOT met" against the targets (docs/rules/case-file-reading.md):
 *
 * - Text PDF: a generated 1,000-page PDF with embedded text, read by the
 *   text layer's jobs run back to back as the worker runs them (decrypting
 *   the file, pdf.js, fingerprints, one row per page, the duplicate
 *   grouping at the end). Target ≤ 2 minutes.
 * - OCR: a generated 50-page scan (text pages rasterised at 200 dpi, askew,
 *   speckled, JPEG) read the same way. Pages per minute, and character
 *   accuracy against the known text (1 − edit distance / length, on the
 *   normalized text). Target ≥ 95%.
 * - Duplicates: a case file of original pages (many sharing sentences, as a
 *   chart's notes do), exact copies, and rescans (rotated 1–2°, noise,
 *   JPEG at different qualities). Precision and recall of the pages flagged.
 *   Targets: precision ≥ 99%, recall ≥ 95%.
 *
 * BENCH_TEXT_PAGES, BENCH_OCR_PAGES, BENCH_DUPLICATE_ORIGINALS and
 * BENCH_RESCANS make it smaller for a quick look.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { normalizeText } from "~/domain/casefile/fingerprints";
import { stopOcr } from "~/server/casefile/ocr.server";
import { readDocumentPages, type TextLayerJob } from "~/server/casefile/text-layer.server";
import { readConfig, setConfig } from "~/server/config.server";
import { connectDatabase, db, disconnectDatabase } from "~/server/db.server";
import { documentStorage } from "~/server/documents/storage.server";
import { freePort, startEmbeddedDatabase } from "~/server/embedded-database.server";
import { migrate, readMigrations } from "~/server/migrate.server";
import { setSecrets } from "~/server/secrets.server";
import { scannedPdf, scanOf, textPdf } from "#tests/support/casefile-fixtures";
import { createCase, createUser } from "#tests/support/factories";

const TEXT_PAGES = Number(process.env.BENCH_TEXT_PAGES ?? 1_000);
const OCR_PAGES = Number(process.env.BENCH_OCR_PAGES ?? 50);
const DUPLICATE_ORIGINALS = Number(process.env.BENCH_DUPLICATE_ORIGINALS ?? 120);
const EXACT_COPIES = Math.round(DUPLICATE_ORIGINALS / 4);
const RESCANS = Number(process.env.BENCH_RESCANS ?? 20);
const PDF = "application/pdf";

/** The same pages every run. */
let seed = 20_261_206;
function random(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const DRUGS = [
  "gabapentin",
  "naproxen",
  "cyclobenzaprine",
  "lisinopril",
  "metformin",
  "atorvastatin",
  "sertraline",
  "tramadol",
  "prednisone",
  "insulin glargine",
];
const PARTS = ["lumbar spine", "left knee", "right shoulder", "cervical spine", "left hip", "right wrist", "thoracic spine", "right ankle"];
const FINDINGS = [
  "a disc protrusion",
  "a partial tear",
  "moderate effusion",
  "degenerative changes",
  "a stress fracture",
  "nerve root compression",
  "no acute abnormality",
];
const NAMES = ["Alvarez", "Brennan", "Chowdhury", "Delgado", "Eriksen", "Fontaine", "Gutierrez", "Hoang", "Ibrahim", "Jensen"];
const number = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));

/** Sentences as a chart writes them: the same turns of phrase, with each visit's own facts. */
const SENTENCES: (() => string)[] = [
  () => `The patient reports pain in the ${pick(PARTS)} for the past ${number(2, 20)} weeks, rated ${number(2, 9)} out of 10.`,
  () => `Physical examination of the ${pick(PARTS)} shows tenderness and a range of motion of ${number(20, 120)} degrees.`,
  () => `Magnetic resonance imaging of the ${pick(PARTS)} on March ${number(1, 28)} showed ${pick(FINDINGS)}.`,
  () => `The patient completed ${number(2, 12)} weeks of physical therapy with ${pick(["little", "partial", "good", "no"])} improvement.`,
  () => `Current medications include ${pick(DRUGS)} ${number(1, 8) * 50} mg and ${pick(DRUGS)} ${number(1, 8) * 25} mg daily.`,
  () => `Blood pressure is ${number(105, 165)} over ${number(60, 100)} and heart rate is ${number(55, 110)}.`,
  () => `Laboratory results show a hemoglobin A1c of ${number(50, 95) / 10} percent and creatinine of ${number(6, 19) / 10}.`,
  () =>
    `The ${pick(["surgeon", "neurologist", "primary care physician", "pain specialist"])} recommends ${pick(["surgery", "an injection", "continued therapy", "imaging", "a referral"])} at the next visit.`,
  () =>
    `The plan denied the request under its ${pick(["spine", "joint", "imaging", "pharmacy", "durable equipment"])} policy, section ${number(1, 9)}.${number(1, 9)}.`,
  () => `Strength is ${number(3, 5)} out of 5 in the ${pick(PARTS)} and sensation is ${pick(["normal", "reduced", "absent"])}.`,
  () => `Follow up is scheduled in ${number(1, 12)} weeks with ${pick(NAMES)} to reassess symptoms.`,
  () => `Weight is ${number(48, 130)} kilograms and the patient has missed ${number(0, 30)} days of work.`,
  () => `An ${pick(["electromyography study", "x-ray", "ultrasound", "CT scan"])} of the ${pick(PARTS)} was ${pick(["normal", "abnormal", "inconclusive"])}.`,
  () =>
    `The member ${pick(["declined", "accepted", "asked about"])} ${pick(DRUGS)} and prefers ${pick(["to avoid medication", "a second opinion", "therapy first"])}.`,
];

/** A chart page: its header, then sentences in the chart's own turns of phrase with this visit's facts. */
function chartPage(index: number): string {
  const sentences = Array.from({ length: 16 }, () => pick(SENTENCES)());
  return `Progress note ${index + 1}, Dr. ${pick(NAMES)}, visit of March ${number(1, 28)}, 2026, record ${number(1, 999_999)}.\n${sentences.join(" ")}`;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imr-bench-casefile-"));
fs.chmodSync(dir, 0o777);
const database = await startEmbeddedDatabase({ dir: path.join(dir, "pg"), port: await freePort(), password: "bench", database: "bench" });
try {
  await migrate(database.url, readMigrations(path.resolve("prisma", "migrations")));
  setConfig(readConfig({ NODE_ENV: "test", DATA_DIR: path.join(dir, "data"), DATABASE_URL: database.url, APP_URL: "http://portal.bench" }));
  setSecrets({ sessionSecret: "bench", documentKey: crypto.randomBytes(32).toString("base64"), embeddedDatabasePassword: "bench" });
  connectDatabase(database.url);
  const applicant = await createUser();
  const newCase = async () => (await createCase({ applicantId: applicant.id, status: "IN_REVIEW" })).id;

  console.log(`Text PDF: ${TEXT_PAGES.toLocaleString("en-US")} pages with embedded text`);
  const textCase = await newCase();
  const textPages = Array.from({ length: TEXT_PAGES }, (_, index) => chartPage(index));
  const textDocument = await addDocument(textCase, await textPdf(textPages), PDF);
  const textSeconds = await timeReading(textDocument);
  const textRows = await db.documentPage.count({ where: { documentId: textDocument, source: "EMBEDDED" } });
  console.log(
    `  ${textRows} pages read in ${textSeconds.toFixed(1)} s (${(textRows / textSeconds).toFixed(1)} pages/s) — target ≤ 120 s: ${verdict(textSeconds <= 120 && textRows === TEXT_PAGES)}`,
  );

  console.log(`\nOCR: a ${OCR_PAGES}-page scan at 200 dpi, askew and speckled`);
  const ocrCase = await newCase();
  const ocrTexts = Array.from({ length: OCR_PAGES }, (_, index) => chartPage(index));
  const scans = [];
  for (const [index, text] of ocrTexts.entries()) {
    const scan = await scanOf(text, { dpi: 200, rotateDegrees: index % 2 ? 0.5 : -0.5, noise: 0.002, jpegQuality: 85, seed: index + 1 });
    scans.push({ bytes: scan.bytes, jpeg: true });
  }
  const ocrDocument = await addDocument(ocrCase, await scannedPdf(scans), PDF);
  const ocrSeconds = await timeReading(ocrDocument);
  const ocrRows = await db.documentPage.findMany({ where: { documentId: ocrDocument }, orderBy: { pageNumber: "asc" }, select: { text: true, source: true } });
  const accuracy = characterAccuracy(
    ocrTexts.map((text) => normalizeText(text)),
    ocrRows.map((row) => normalizeText(row.text)),
  );
  console.log(
    `  ${ocrRows.filter((row) => row.source === "OCR").length} of ${OCR_PAGES} pages read by OCR in ${ocrSeconds.toFixed(1)} s: ${((OCR_PAGES / ocrSeconds) * 60).toFixed(1)} pages/minute`,
  );
  console.log(`  Character accuracy ${(accuracy * 100).toFixed(2)}% — target ≥ 95%: ${verdict(accuracy >= 0.95)}`);

  console.log(`\nDuplicates: ${DUPLICATE_ORIGINALS} original pages, ${EXACT_COPIES} exact copies, ${RESCANS} rescans (1–2°, noise, JPEG 60–90)`);
  const duplicateCase = await newCase();
  const originals = Array.from({ length: DUPLICATE_ORIGINALS }, (_, index) => chartPage(index));
  const originalDocument = await addDocument(duplicateCase, await textPdf(originals), PDF);
  const copied = Array.from({ length: EXACT_COPIES }, () => Math.floor(random() * DUPLICATE_ORIGINALS));
  const copyDocument = await addDocument(duplicateCase, await textPdf(copied.map((index) => originals[index]!)), PDF);
  const rescanned = Array.from({ length: RESCANS }, () => Math.floor(random() * DUPLICATE_ORIGINALS));
  const rescanFiles = [];
  for (const [index, original] of rescanned.entries()) {
    const degrees = (1 + random()) * (random() < 0.5 ? -1 : 1);
    const scan = await scanOf(originals[original]!, {
      dpi: 200,
      rotateDegrees: degrees,
      noise: 0.001 + random() * 0.003,
      jpegQuality: 60 + Math.floor(random() * 31),
      seed: index + 7,
    });
    rescanFiles.push({ bytes: scan.bytes, jpeg: true });
  }
  const rescanDocument = await addDocument(duplicateCase, await scannedPdf(rescanFiles), PDF);
  const duplicateSeconds = (await timeReading(originalDocument)) + (await timeReading(copyDocument)) + (await timeReading(rescanDocument));
  const pageIds = async (documentId: string) =>
    (await db.documentPage.findMany({ where: { documentId }, orderBy: { pageNumber: "asc" }, select: { id: true } })).map((row) => row.id);
  const originalIds = await pageIds(originalDocument);
  const truth = new Map<string, string>();
  (await pageIds(copyDocument)).forEach((id, index) => truth.set(id, originalIds[copied[index]!]!));
  (await pageIds(rescanDocument)).forEach((id, index) => truth.set(id, originalIds[rescanned[index]!]!));
  const flagged = await db.documentPage.findMany({
    where: { caseId: duplicateCase, duplicateOfId: { not: null } },
    select: { id: true, duplicateOfId: true, duplicateKind: true },
  });
  const right = flagged.filter((page) => truth.get(page.id) === page.duplicateOfId);
  const precision = flagged.length ? right.length / flagged.length : 1;
  const recall = right.length / truth.size;
  const rescansFound = right.filter((page) => rescanned.length && page.duplicateKind === "NEAR").length;
  console.log(
    `  Read and grouped in ${duplicateSeconds.toFixed(1)} s; ${flagged.length} pages flagged, ${right.length} of ${truth.size} duplicates found (${rescansFound} rescans as near)`,
  );
  console.log(`  Precision ${(precision * 100).toFixed(2)}% — target ≥ 99%: ${verdict(precision >= 0.99)}`);
  console.log(`  Recall ${(recall * 100).toFixed(2)}% — target ≥ 95%: ${verdict(recall >= 0.95)}`);
} finally {
  await stopOcr();
  await disconnectDatabase();
  await database.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

function verdict(met: boolean): string {
  return met ? "met" : "NOT met";
}

async function addDocument(caseId: string, bytes: Buffer, contentType: string): Promise<string> {
  const stored = await documentStorage().put(
    (async function* () {
      yield new Uint8Array(bytes);
    })(),
  );
  const document = await db.document.create({
    data: {
      caseId,
      kind: "MEDICAL_RECORDS",
      fileName: "records.pdf",
      contentType,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      storageKey: stored.key,
      textLayerStatus: "PENDING",
    },
  });
  return document.id;
}

/** Runs the document's jobs back to back, as one worker would; seconds from the first to the last. */
async function timeReading(documentId: string): Promise<number> {
  const started = performance.now();
  const queued: TextLayerJob[] = [];
  let job: TextLayerJob | undefined = { documentId, fromPage: 1 };
  while (job) {
    const outcome = await readDocumentPages(job, { queue: async (next) => void queued.push(next) });
    if (outcome === "failed")
      throw new Error(`The bench's document could not be read: ${(await db.document.findUniqueOrThrow({ where: { id: documentId } })).textLayerError}`);
    job = outcome === "more" ? queued.at(-1) : undefined;
  }
  return (performance.now() - started) / 1000;
}

/** 1 − (edit distance / length of the known text), summed over the pages. */
function characterAccuracy(expected: readonly string[], actual: readonly string[]): number {
  let errors = 0;
  let length = 0;
  expected.forEach((text, index) => {
    errors += editDistance(text, actual[index] ?? "");
    length += text.length;
  });
  return Math.max(0, 1 - errors / length);
}

function editDistance(a: string, b: string): number {
  let previous = Int32Array.from({ length: b.length + 1 }, (_, index) => index);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
