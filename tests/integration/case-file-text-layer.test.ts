import { createCanvas } from "@napi-rs/canvas";
import UTIF from "utif2";
import { describe, expect, it } from "vitest";
import { openForReading, type OpenedDocument } from "~/server/casefile/read-document.server";
import { queuePendingTextLayers, readDocumentPages, textLayerJobId, type TextLayerJob, type TextLayerOptions } from "~/server/casefile/text-layer.server";
import { db } from "~/server/db.server";
import { removeDocument } from "~/server/documents/remove-document.server";
import { documentStorage } from "~/server/documents/storage.server";
import { uploadDocument } from "~/server/documents/upload-document.server";
import { startWorker } from "~/server/jobs.server";
import { docxOf, scannedPdf, scanOf, textPdf } from "#tests/support/casefile-fixtures";
import { actorFor, createCase, createUser, sessionUserOf } from "#tests/support/factories";
import { textLayerLabel } from "~/domain/casefile/text-layer";
import { coordinatorCasePage } from "~/server/intake/coordinator-case-page.server";
import "#tests/support/test-database";
import { waitFor } from "#tests/support/wait-for";

const LETTER = `Dear Ms. Alvarez, we reviewed the request for a lumbar microdiscectomy at L4-L5. The records show six weeks
of physical therapy and two epidural steroid injections without lasting relief, and magnetic resonance imaging on
March 3 showed a disc protrusion compressing the left L5 nerve root. Under the plan's spine surgery criteria, section
4.2, surgery is covered after six weeks of failed conservative care. The request is denied because the criteria ask for
a documented neurological deficit, which the records do not show. You may ask for an independent medical review.`;
const PHARMACY = `Pharmacy claims history for the period January through June: gabapentin 300 mg three times daily,
naproxen 500 mg twice daily, and cyclobenzaprine at bedtime. No opioid prescriptions were filled in the period. The member
attended four of six scheduled appointments with the pain clinic and declined a referral to behavioural health services.`;
const PDF = "application/pdf";

async function newCase() {
  const applicant = await createUser();
  return createCase({ applicantId: applicant.id, status: "IN_REVIEW" });
}

/** Stores the file encrypted, as an upload does, its text layer waiting (or not, for `textLayerStatus: null`). */
async function addDocument(
  caseId: string,
  file: { bytes: Buffer; contentType: string; fileName?: string; kind?: "MEDICAL_RECORDS" | "DECISION_LETTER" },
  textLayerStatus: "PENDING" | null = "PENDING",
  uploadedById: string | null = null,
) {
  const stored = await documentStorage().put(
    (async function* () {
      yield new Uint8Array(file.bytes);
    })(),
  );
  return db.document.create({
    data: {
      caseId,
      kind: file.kind ?? "MEDICAL_RECORDS",
      fileName: file.fileName ?? "records",
      contentType: file.contentType,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      storageKey: stored.key,
      textLayerStatus,
      uploadedById,
    },
  });
}

/** Runs a document's jobs one after the other, as the worker does, until none is left; returns the jobs queued. */
async function readWhole(documentId: string, options: Partial<TextLayerOptions> = {}): Promise<TextLayerJob[]> {
  const queued: TextLayerJob[] = [];
  let job: TextLayerJob | undefined = { documentId, fromPage: 1 };
  while (job) {
    await readDocumentPages(job, { queue: async (next) => void queued.push(next), ...options });
    job = queued.length && queued.at(-1) !== job ? queued.at(-1) : undefined;
  }
  return queued;
}

const pagesOf = (documentId: string) => db.documentPage.findMany({ where: { documentId }, orderBy: { pageNumber: "asc" } });

describe("the case file's text layer", () => {
  it("reads a PDF's own text page by page, and the page index finds it in English", async () => {
    const kase = await newCase();
    const document = await addDocument(kase.id, { bytes: await textPdf([LETTER, PHARMACY, "Signed, Dr. Reyes, medical director"]), contentType: PDF });
    await readWhole(document.id);

    const pages = await pagesOf(document.id);
    expect(pages.map((page) => [page.pageNumber, page.source])).toEqual([
      [1, "EMBEDDED"],
      [2, "EMBEDDED"],
      [3, "EMBEDDED"],
    ]);
    expect(pages[0]!.text).toContain("lumbar microdiscectomy");
    expect(pages[1]!.text).toContain("gabapentin 300 mg");
    expect(pages[0]!.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(pages[0]!.imageHash).toBeNull();
    expect(await db.document.findUniqueOrThrow({ where: { id: document.id } })).toMatchObject({ textLayerStatus: "DONE", pageCount: 3, pagesIndexed: 3 });
    const found = await db.$queryRaw<{ pageNumber: number }[]>`
      SELECT "pageNumber" FROM "DocumentPage" WHERE "documentId" = ${document.id}::uuid AND "searchVector" @@ to_tsquery('english', 'prescription & fill')`;
    expect(found).toEqual([{ pageNumber: 2 }]);
  });

  it("reads scans by OCR: a PNG, a TIFF, and a PDF page that is only an image", async () => {
    const kase = await newCase();
    const canvas = createCanvas(900, 220);
    const context = canvas.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, 900, 220);
    context.fillStyle = "#000";
    context.font = "34px sans-serif";
    context.fillText("Discharge summary: knee arthroscopy", 30, 90);
    context.fillText("Follow up with orthopedics in two weeks", 30, 160);
    const png = await addDocument(kase.id, { bytes: await canvas.encode("png"), contentType: "image/png" });
    const scan = await scanOf("Prior authorization request for cervical fusion surgery was received on April 9.", { dpi: 150 });
    const pdf = await addDocument(kase.id, { bytes: await scannedPdf([scan]), contentType: PDF });
    context.fillStyle = "#fff";
    context.fillRect(0, 0, 900, 220);
    context.fillStyle = "#000";
    context.fillText("Operative report: rotator cuff repair", 30, 110);
    const pixels = context.getImageData(0, 0, 900, 220).data;
    const tiff = await addDocument(kase.id, { bytes: Buffer.from(UTIF.encodeImage(new Uint8Array(pixels), 900, 220)), contentType: "image/tiff" });
    await readWhole(png.id);
    await readWhole(pdf.id);
    await readWhole(tiff.id);

    const [image] = await pagesOf(png.id);
    expect(image).toMatchObject({ source: "OCR", pageNumber: 1 });
    expect(image!.text).toMatch(/Discharge summary: knee arthroscopy/);
    expect(image!.text).toMatch(/orthopedics in two weeks/);
    expect(image!.ocrConfidence).toBeGreaterThan(60);
    expect(image!.imageHash).toMatch(/^[0-9a-f]{64}$/);
    expect(image!.imagePerceptualHash).not.toBeNull();
    const [tiffPage] = await pagesOf(tiff.id);
    expect(tiffPage).toMatchObject({ source: "OCR", pageNumber: 1 });
    expect(tiffPage!.text).toMatch(/Operative report: rotator cuff repair/);
    const [scanned] = await pagesOf(pdf.id);
    expect(scanned).toMatchObject({ source: "OCR" });
    expect(scanned!.text).toMatch(/authorization request for cervical fusion/);
  });

  it("reads a Word file's text as one page", async () => {
    const kase = await newCase();
    const document = await addDocument(kase.id, {
      bytes: docxOf(["Letter of medical necessity", "The patient needs continuous glucose monitoring."]),
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    await readWhole(document.id);
    const pages = await pagesOf(document.id);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ source: "DOCX", pageNumber: 1 });
    expect(pages[0]!.text).toBe("Letter of medical necessity\n\nThe patient needs continuous glucose monitoring.");
  });

  it("says why a file cannot be read, and refuses a document over the page limit", async () => {
    const kase = await newCase();
    const damaged = await addDocument(kase.id, { bytes: Buffer.from("%PDF-1.4\nnot really a PDF"), contentType: PDF });
    await readWhole(damaged.id);
    expect(await db.document.findUniqueOrThrow({ where: { id: damaged.id } })).toMatchObject({
      textLayerStatus: "FAILED",
      textLayerError: expect.stringMatching(/^The PDF is damaged or not what its type says/),
      pagesIndexed: 0,
    });

    const huge = await addDocument(kase.id, { bytes: await textPdf(["one page"]), contentType: PDF });
    const open = async (bytes: Uint8Array, contentType: string) => ({ ...(await openForReading(bytes, contentType)), pageCount: 2_001 });
    await readWhole(huge.id, { open });
    expect(await db.document.findUniqueOrThrow({ where: { id: huge.id } })).toMatchObject({
      textLayerStatus: "FAILED",
      textLayerError: "It has 2,001 pages, more than the 2,000 one document may have to be read. Split it into smaller files.",
    });
  });

  it("goes on where a stopped job left off: no page read twice, none lost", async () => {
    const kase = await newCase();
    const texts = Array.from({ length: 5 }, (_, index) => `Progress note ${index + 1}. ${PHARMACY}`);
    const document = await addDocument(kase.id, { bytes: await textPdf(texts), contentType: PDF });
    const reads: number[] = [];
    const stop = new AbortController();
    const open = async (bytes: Uint8Array, contentType: string): Promise<OpenedDocument> => {
      const opened = await openForReading(bytes, contentType);
      return {
        ...opened,
        async readPage(pageNumber) {
          reads.push(pageNumber);
          // The worker is told to stop while it reads page 2.
          if (pageNumber === 2) stop.abort();
          return opened.readPage(pageNumber);
        },
      };
    };
    const job = { documentId: document.id, fromPage: 1 };
    await expect(readDocumentPages(job, { queue: async () => undefined, open, signal: stop.signal })).rejects.toThrow();
    const before = await pagesOf(document.id);
    expect(before.map((page) => page.pageNumber)).toEqual([1, 2]);
    expect(await db.document.findUniqueOrThrow({ where: { id: document.id } })).toMatchObject({ textLayerStatus: "RUNNING", pageCount: 5, pagesIndexed: 2 });

    // pg-boss retries the same job after the restart.
    expect(await readDocumentPages(job, { queue: async () => undefined, open })).toBe("done");
    expect(reads).toEqual([1, 2, 3, 4, 5]);
    const after = await pagesOf(document.id);
    expect(after.map((page) => page.pageNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(after.slice(0, 2).map((page) => page.id)).toEqual(before.map((page) => page.id));
    expect(after[4]!.text).toContain("Progress note 5.");
    expect(await db.document.findUniqueOrThrow({ where: { id: document.id } })).toMatchObject({ textLayerStatus: "DONE", pagesIndexed: 5 });
  });

  it("hands the rest of a long document to the next job, named by its first page so it is queued once", async () => {
    const kase = await newCase();
    const document = await addDocument(kase.id, { bytes: await textPdf(["First page of the chart notes.", "Second page", "Third page"]), contentType: PDF });
    let clock = 0;
    // Each page takes the whole batch's time.
    const queued = await readWhole(document.id, { now: () => (clock += 10_000) });
    expect(queued).toEqual([
      { documentId: document.id, fromPage: 2 },
      { documentId: document.id, fromPage: 3 },
    ]);
    expect(textLayerJobId(queued[0]!)).toBe(textLayerJobId({ documentId: document.id, fromPage: 2 }));
    expect(textLayerJobId(queued[0]!)).not.toBe(textLayerJobId(queued[1]!));
    expect(await db.documentPage.count({ where: { documentId: document.id } })).toBe(3);
  });

  it("queues documents that came before the text layer, but not the portal's own letters", async () => {
    const kase = await newCase();
    const older = await addDocument(kase.id, { bytes: await textPdf(["An older record"]), contentType: PDF }, null);
    const letter = await addDocument(kase.id, { bytes: await textPdf(["The decision"]), contentType: PDF, kind: "DECISION_LETTER" }, null);
    const queued: TextLayerJob[] = [];
    await queuePendingTextLayers(async (job) => void queued.push(job));
    expect(queued).toContainEqual({ documentId: older.id, fromPage: 1 });
    expect(queued.map((job) => job.documentId)).not.toContain(letter.id);
    expect((await db.document.findUniqueOrThrow({ where: { id: older.id } })).textLayerStatus).toBe("PENDING");
    expect((await db.document.findUniqueOrThrow({ where: { id: letter.id } })).textLayerStatus).toBeNull();
  });

  it("groups an exact copy and a rescan with the first page, and keeps every page", async () => {
    const kase = await newCase();
    const uploader = await db.user.findUniqueOrThrow({ where: { id: kase.applicantId } });
    const original = await addDocument(kase.id, { bytes: await textPdf([LETTER, PHARMACY]), contentType: PDF, fileName: "denial.pdf" }, "PENDING", uploader.id);
    const copy = await addDocument(kase.id, { bytes: await textPdf([PHARMACY, LETTER]), contentType: PDF, fileName: "denial again.pdf" });
    const rescan = await addDocument(kase.id, {
      // A fax: askew, speckled, compressed, and the fax machine's line on top.
      bytes: (await scanOf(`FAX FROM 555 0100 APR 09 2026 PAGE 1\n${LETTER}`, { dpi: 200, rotateDegrees: 1, noise: 0.002, jpegQuality: 80 })).bytes,
      contentType: "image/jpeg",
      fileName: "fax.jpg",
    });
    for (const document of [original, copy, rescan]) await readWhole(document.id);

    const [letter, pharmacy] = await pagesOf(original.id);
    expect([letter!.duplicateOfId, pharmacy!.duplicateOfId]).toEqual([null, null]);
    const [copiedPharmacy, copiedLetter] = await pagesOf(copy.id);
    expect(copiedPharmacy).toMatchObject({ duplicateOfId: pharmacy!.id, duplicateKind: "EXACT" });
    expect(copiedLetter).toMatchObject({ duplicateOfId: letter!.id, duplicateKind: "EXACT" });
    const [faxed] = await pagesOf(rescan.id);
    expect(faxed).toMatchObject({ source: "OCR", duplicateOfId: letter!.id, duplicateKind: "NEAR" });

    // The original removed (by its uploader, while a draft), its copy becomes the first of the group.
    await db.case.update({ where: { id: kase.id }, data: { status: "DRAFT" } });
    await removeDocument({ user: sessionUserOf(uploader), actor: actorFor(uploader), documentId: original.id });
    const [, nowFirst] = await pagesOf(copy.id);
    expect(nowFirst).toMatchObject({ duplicateOfId: null, duplicateKind: null });
    expect(await pagesOf(rescan.id)).toMatchObject([{ duplicateOfId: nowFirst!.id, duplicateKind: "NEAR" }]);
  });

  it("shows the coordinator each document's progress: OCR pages read of all, searchable, or why it could not be read", async () => {
    const coordinator = await createUser({ roles: ["COORDINATOR"] });
    const applicant = await createUser();
    const kase = await createCase({ applicantId: applicant.id, status: "IN_REVIEW", coordinatorId: coordinator.id });
    const scan = await addDocument(kase.id, { bytes: Buffer.from("II*\0"), contentType: "image/tiff", fileName: "scan.tif" });
    const pdf = await addDocument(kase.id, { bytes: await textPdf(["Chart notes"]), contentType: PDF, fileName: "notes.pdf" });
    const damaged = await addDocument(kase.id, { bytes: Buffer.from("%PDF-1.4"), contentType: PDF, fileName: "damaged.pdf" });
    await db.document.update({ where: { id: scan.id }, data: { textLayerStatus: "RUNNING", pageCount: 112, pagesIndexed: 40 } });
    await readWhole(pdf.id);
    await readWhole(damaged.id);

    const page = await coordinatorCasePage(sessionUserOf(coordinator), kase.id, actorFor(coordinator), new Date("2026-11-23T15:00:00Z"));
    const labels = Object.fromEntries(page.documents.map((document) => [document.fileName, document.textLayer && textLayerLabel(document.textLayer)]));
    expect(labels).toEqual({
      "scan.tif": "OCR 40 of 112 pages",
      "notes.pdf": "Searchable",
      "damaged.pdf": expect.stringMatching(/^Could not read: The PDF is damaged/),
    });
  });

  it("reads an uploaded document in the job worker, from the upload to searchable", async () => {
    const applicant = await createUser();
    const kase = await createCase({ applicantId: applicant.id, status: "DRAFT" });
    const bytes = await textPdf(["Letter of medical necessity for an insulin pump, from Dr. Okafor."]);
    const uploaded = await uploadDocument({
      user: sessionUserOf(applicant),
      actor: actorFor(applicant),
      query: { caseId: kase.id, kind: "MEDICAL_RECORDS", name: "necessity.pdf", description: undefined },
      body: new Blob([new Uint8Array(bytes)]).stream(),
      declaredBytes: bytes.length,
      signal: new AbortController().signal,
    });
    expect((await db.document.findUniqueOrThrow({ where: { id: uploaded.id } })).textLayerStatus).toBe("PENDING");

    const worker = await startWorker();
    try {
      await waitFor("the worker to read the uploaded document", async () => {
        const document = await db.document.findUniqueOrThrow({ where: { id: uploaded.id } });
        return document.textLayerStatus === "DONE" && document;
      });
    } finally {
      await worker.stop();
    }
    expect(await pagesOf(uploaded.id)).toMatchObject([{ pageNumber: 1, source: "EMBEDDED", text: expect.stringContaining("insulin pump") }]);
  });
});
