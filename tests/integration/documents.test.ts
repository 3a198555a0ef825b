import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import { APPLICANT_CASE_LIMIT_BYTES, APPLICANT_FILE_LIMIT_BYTES } from "~/domain/documents/limits";
import * as documentRoute from "~/routes/documents/document";
import * as documentsRoute from "~/routes/documents/index";
import { db } from "~/server/db.server";
import { downloadDocument, PARTS_AUDITED_ONCE_WITHIN_MS } from "~/server/documents/download-document.server";
import { decryptDocument, DocumentIntegrityError, masterKeyFrom, SEGMENT_BYTES } from "~/server/documents/document-cipher.server";
import { secrets } from "~/server/secrets.server";
import { startSession } from "~/server/session.server";
import { cookieHeaderFrom, createCase, createPlan, createUser, requestWithCookie, sessionUserOf } from "#tests/support/factories";
import { documentStorages, type StorageUnderTest } from "#tests/support/storages";
import { testDatabase } from "#tests/support/test-database";

interface SignedIn {
  id: string;
  cookie: string;
}

async function signedIn(roles: Role[], planId: string | null = null): Promise<SignedIn> {
  const user = await createUser({ roles, planId });
  return { id: user.id, cookie: cookieHeaderFrom(await startSession(user.id, requestWithCookie(null))) };
}

const IP = "203.0.113.7";
const USER_AGENT = "Mozilla/5.0 (documents test)";

function headersFor(who: SignedIn | null, extra: Record<string, string> = {}): Headers {
  const headers = new Headers({ "x-imr-client-ip": IP, "user-agent": USER_AGENT, ...extra });
  if (who) headers.set("Cookie", who.cookie);
  return headers;
}

type Body = Uint8Array | ReadableStream<Uint8Array>;

async function upload(
  who: SignedIn | null,
  query: Record<string, string>,
  body: Body | null,
  options: { contentLength?: number | null; signal?: AbortSignal } = {},
): Promise<Response> {
  const contentLength = options.contentLength === undefined ? (body instanceof Uint8Array ? body.length : null) : options.contentLength;
  const headers = headersFor(who, contentLength === null ? {} : { "Content-Length": String(contentLength) });
  const init = { method: "POST", headers, body, duplex: "half", signal: options.signal } as RequestInit;
  const request = new Request(`http://portal.test/documents?${new URLSearchParams(query).toString()}`, init);
  return documentsRoute.action({ request, params: {}, context: { cspNonce: "" } } as never);
}

async function download(who: SignedIn, documentId: string, search = "", extra: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`http://portal.test/documents/${documentId}${search}`, { headers: headersFor(who, extra) });
  return documentRoute.loader({ request, params: { documentId }, context: { cspNonce: "" } } as never);
}

async function remove(who: SignedIn, documentId: string): Promise<Response> {
  const request = new Request(`http://portal.test/documents/${documentId}`, { method: "DELETE", headers: headersFor(who) });
  return documentRoute.action({ request, params: { documentId }, context: { cspNonce: "" } } as never);
}

async function allowance(who: SignedIn, caseId: string): Promise<Response> {
  const request = new Request(`http://portal.test/documents?caseId=${caseId}`, { headers: headersFor(who) });
  return documentsRoute.loader({ request, params: {}, context: { cspNonce: "" } } as never);
}

/** A small but real PDF, padded with a line that must never appear in the stored bytes. */
const SECRET_LINE = "Patient: Maria Lopez, MRN 00442187, diagnosis: confidential";
function pdf(paddingLines = 0): Uint8Array {
  const body = [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj",
    ...Array.from({ length: paddingLines }, (_, line) => `% ${SECRET_LINE} ${line}`),
    "trailer << /Root 1 0 R >>",
    "%%EOF",
  ].join("\n");
  return new Uint8Array(Buffer.from(body));
}

/** A Windows executable, as a file renamed "letter.pdf" would really contain. */
const EXE = new Uint8Array(Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"), crypto.randomBytes(4000)]));

/** A DOCX laid out as Word writes it, with a large first entry so word/document.xml comes after the first chunks. */
function docx(): Uint8Array {
  const entries = [
    { name: "[Content_Types].xml", content: crypto.randomBytes(200_000) },
    { name: "_rels/.rels", content: Buffer.from("<Relationships/>") },
    { name: "word/document.xml", content: Buffer.from("<w:document><w:body><w:p/></w:body></w:document>") },
  ];
  return new Uint8Array(
    Buffer.concat(
      entries.flatMap(({ name, content }) => {
        const header = Buffer.alloc(30);
        header.writeUInt32LE(0x04034b50, 0);
        header.writeUInt16LE(20, 4);
        header.writeUInt32LE(zlib.crc32(content), 14);
        header.writeUInt32LE(content.length, 18);
        header.writeUInt32LE(content.length, 22);
        header.writeUInt16LE(Buffer.byteLength(name), 26);
        return [header, Buffer.from(name), content];
      }),
    ),
  );
}

/** The bytes as a stream of `chunkBytes` chunks; `onChunk` runs before each one is handed over. */
function streamOf(bytes: Uint8Array, chunkBytes: number, onChunk?: (index: number) => Promise<void> | void): ReadableStream<Uint8Array> {
  let offset = 0;
  let index = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (offset >= bytes.length) return controller.close();
      await onChunk?.(index++);
      controller.enqueue(bytes.slice(offset, offset + chunkBytes));
      offset += chunkBytes;
    },
  });
}

/** A PDF of `totalBytes` made up as it streams, never held whole. */
function largePdfStream(totalBytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(1024 * 1024).fill(0x20);
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunk.length, totalBytes - sent);
      const next = chunk.slice(0, size);
      if (sent === 0) next.set(Buffer.from("%PDF-1.4\n"));
      sent += size;
      controller.enqueue(next);
    },
  });
}

const STORAGES = documentStorages();
/** The storage the tests in progress run with. */
let storage: StorageUnderTest;

/** Everything in document storage, finished or unfinished. */
const storedFiles = () => storage.contents();

/** The plaintext of the stored object, decrypted here rather than by the storage. */
async function decryptedStored(storageKey: string): Promise<Buffer> {
  const sealed = await storage.sealedBytes(storageKey);
  const plaintext: Buffer[] = [];
  for await (const part of decryptDocument(Readable.from([sealed]), masterKeyFrom(secrets().documentKey))) plaintext.push(part);
  return Buffer.concat(plaintext);
}

const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");

async function problemOf(response: Response): Promise<{ title: string; detail: string; status: number }> {
  expect(response.headers.get("Content-Type")).toBe("application/problem+json");
  return (await response.json()) as { title: string; detail: string; status: number };
}

/** Asserts the refusal left neither a Document row nor a file (finished or temporary) behind. */
async function expectNothingLeft(caseId: string, filesBefore: string[]): Promise<void> {
  expect(await db.document.count({ where: { caseId } })).toBe(0);
  expect(await storedFiles()).toEqual(filesBefore);
}

let applicant: SignedIn;
let otherApplicant: SignedIn;
let coordinator: SignedIn;
let planUser: SignedIn;
let otherPlanUser: SignedIn;
let planId: string;

beforeAll(async () => {
  const plan = await createPlan();
  const otherPlan = await createPlan();
  planId = plan.id;
  applicant = await signedIn(["APPLICANT"]);
  otherApplicant = await signedIn(["APPLICANT"]);
  coordinator = await signedIn(["COORDINATOR"]);
  planUser = await signedIn(["PLAN"], plan.id);
  otherPlanUser = await signedIn(["PLAN"], otherPlan.id);
});

const draftCase = () => createCase({ applicantId: applicant.id, planId, status: "DRAFT" });

describe.each(STORAGES)("documents kept on $name", (under) => {
  beforeAll(async () => {
    storage = under;
    await under.use();
  });

  describe("POST /documents: an applicant adds a file to their request", () => {
    it("stores it encrypted, records its SHA-256, and writes the Document and audit rows", async () => {
      const draft = await draftCase();
      const file = pdf(40_000); // ~2.8 MB: three encrypted segments
      const response = await upload(applicant, { caseId: draft.id, kind: "DENIAL_LETTER", name: "Denial letter (March).pdf" }, file);

      expect(response.status).toBe(201);
      const body = (await response.json()) as { id: string; fileName: string; kind: string; sizeBytes: number; sha256: string; createdAt: string };
      expect(body).toMatchObject({ fileName: "Denial letter (March).pdf", kind: "DENIAL_LETTER", sizeBytes: file.length, sha256: sha256(file) });
      expect(Date.parse(body.createdAt)).not.toBeNaN();

      const row = await db.document.findUniqueOrThrow({ where: { id: body.id } });
      expect(row).toMatchObject({ caseId: draft.id, contentType: "application/pdf", uploadedById: applicant.id, sha256: sha256(file) });
      expect(Number(row.sizeBytes)).toBe(file.length);

      const audit = await db.auditLog.findFirstOrThrow({ where: { action: "document.uploaded", objectId: body.id } });
      expect(audit).toMatchObject({ actorId: applicant.id, ip: IP, userAgent: USER_AGENT, objectType: "Document" });
      expect(audit.detail).toMatchObject({ caseId: draft.id, kind: "DENIAL_LETTER", sha256: sha256(file), sizeBytes: file.length });

      const stored = await storage.sealedBytes(row.storageKey);
      expect(stored.includes(Buffer.from("Maria Lopez"))).toBe(false);
      // The file's opening bytes, long enough that random ciphertext cannot hold them by chance (four bytes of "%PDF" could, once in 1,500 runs).
      expect(stored.includes(Buffer.from(file.subarray(0, 32)))).toBe(false);
      expect(stored.length).toBeGreaterThan(file.length); // header and a tag per segment
      expect(await storage.unfinished()).toEqual([]);
      expect(sha256(await decryptedStored(row.storageKey))).toBe(sha256(file));
    });

    it.runIf(under.name === "disk")("keeps the file on the disk readable and writable by the portal's system user only", async () => {
      const draft = await draftCase();
      const { id } = (await (await upload(applicant, { caseId: draft.id, kind: "OTHER", name: "scan.pdf" }, pdf())).json()) as { id: string };
      const { storageKey } = await db.document.findUniqueOrThrow({ where: { id } });
      expect(fs.statSync(path.join(testDatabase.dataDir, "documents", storageKey.slice(0, 2), storageKey)).mode & 0o777).toBe(0o600);
    });

    it("recognises a DOCX by word/document.xml even when it comes after the first chunks", async () => {
      const draft = await draftCase();
      const file = docx();
      const response = await upload(applicant, { caseId: draft.id, kind: "PHYSICIAN_LETTER", name: "letter.docx" }, streamOf(file, 16 * 1024));
      expect(response.status).toBe(201);
      const row = await db.document.findFirstOrThrow({ where: { caseId: draft.id } });
      expect(row.contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      expect(row.sha256).toBe(sha256(file));
    });

    it("refuses a file whose content is not an accepted type, whatever its name: an .exe renamed .pdf", async () => {
      const draft = await draftCase();
      const before = await storedFiles();
      const response = await upload(applicant, { caseId: draft.id, kind: "MEDICAL_RECORDS", name: "records.pdf" }, EXE);
      expect(response.status).toBe(415);
      expect((await problemOf(response)).detail).toMatch(/not a PDF, JPEG, PNG, TIFF or Word \(DOCX\) document/);
      await expectNothingLeft(draft.id, before);
    });

    it("refuses an empty file", async () => {
      const draft = await draftCase();
      const response = await upload(applicant, { caseId: draft.id, kind: "OTHER", name: "empty.pdf" }, new Uint8Array(0));
      expect(response.status).toBe(400);
      expect((await problemOf(response)).title).toBe("Empty file");
    });

    it("refuses a file over 100 MB at once when its declared size says so", async () => {
      const draft = await draftCase();
      const before = await storedFiles();
      const response = await upload(applicant, { caseId: draft.id, kind: "MEDICAL_RECORDS", name: "scan.pdf" }, largePdfStream(1024), {
        contentLength: APPLICANT_FILE_LIMIT_BYTES + 1,
      });
      expect(response.status).toBe(413);
      expect((await problemOf(response)).detail).toMatch(/larger than 100 MB/);
      await expectNothingLeft(draft.id, before);
    });

    it("stops a file that streams past 100 MB without a declared size, and leaves no row and no file", async () => {
      const draft = await draftCase();
      const before = await storedFiles();
      const response = await upload(
        applicant,
        { caseId: draft.id, kind: "MEDICAL_RECORDS", name: "scan.pdf" },
        largePdfStream(APPLICANT_FILE_LIMIT_BYTES + 2 * 1024 * 1024),
        {
          contentLength: null,
        },
      );
      expect(response.status).toBe(413);
      expect((await problemOf(response)).title).toBe("File too large");
      await expectNothingLeft(draft.id, before);
    });

    it("counts the applicant's documents on the case against 1 GB", async () => {
      const draft = await draftCase();
      const leftBytes = 300_000;
      // What is already on the case, as rows (their files do not matter to the count).
      await db.document.create({
        data: {
          caseId: draft.id,
          kind: "MEDICAL_RECORDS",
          fileName: "earlier.pdf",
          contentType: "application/pdf",
          sizeBytes: BigInt(APPLICANT_CASE_LIMIT_BYTES - leftBytes),
          sha256: "0".repeat(64),
          storageKey: crypto.randomUUID(),
          uploadedById: applicant.id,
        },
      });
      const room = (await (await allowance(applicant, draft.id)).json()) as { allowance: { maxBytes: number; binding: string } };
      expect(room.allowance).toEqual({ maxBytes: leftBytes, binding: "case" });

      const before = await storedFiles();
      const tooMuch = await upload(applicant, { caseId: draft.id, kind: "OTHER", name: "more.pdf" }, streamOf(pdf(6000), 64 * 1024), { contentLength: null });
      expect(tooMuch.status).toBe(413);
      expect((await problemOf(tooMuch)).detail).toMatch(/only 293 KB left of the 1 GB this request may hold/);
      expect(await db.document.count({ where: { caseId: draft.id } })).toBe(1);
      expect(await storedFiles()).toEqual(before);

      expect((await upload(applicant, { caseId: draft.id, kind: "OTHER", name: "small.pdf" }, pdf(10))).status).toBe(201);
    });

    it("tells an applicant who reads Spanish why a file was refused, in Spanish", async () => {
      const reader = await signedIn(["APPLICANT"]);
      await db.user.update({ where: { id: reader.id }, data: { language: "es" } });
      const draft = await createCase({ applicantId: reader.id, planId, status: "DRAFT" });
      const wrongType = await upload(reader, { caseId: draft.id, kind: "MEDICAL_RECORDS", name: "records.pdf" }, EXE);
      expect(wrongType.status).toBe(415);
      expect((await problemOf(wrongType)).detail).toBe(
        "Este archivo no es un documento PDF, JPEG, PNG, TIFF o Word (DOCX) (se revisó su contenido, no su nombre). Guárdelo o escanéelo como PDF e inténtelo de nuevo.",
      );
      const tooBig = await upload(reader, { caseId: draft.id, kind: "MEDICAL_RECORDS", name: "scan.pdf" }, largePdfStream(1024), {
        contentLength: APPLICANT_FILE_LIMIT_BYTES + 1,
      });
      expect(tooBig.status).toBe(413);
      expect((await problemOf(tooBig)).detail).toBe(
        "Este archivo pesa más de 100 MB, el máximo por archivo. Divídalo en archivos más pequeños (por ejemplo, uno por consulta) o escanéelo con menos resolución.",
      );
      // The same refusal reads in English to an applicant who reads English.
      const english = await upload(applicant, { caseId: (await draftCase()).id, kind: "MEDICAL_RECORDS", name: "scan.pdf" }, largePdfStream(1024), {
        contentLength: APPLICANT_FILE_LIMIT_BYTES + 1,
      });
      expect((await problemOf(english)).detail).toMatch(/^This file is larger than 100 MB, the most one file may be\./);
    });

    it("an upload cut off midway (the client went away) leaves no row and no file", async () => {
      const draft = await draftCase();
      const before = await storedFiles();
      const file = pdf(6000);

      const failing = streamOf(file, 64 * 1024, (index) => {
        if (index === 3) throw new Error("connection reset");
      });
      const broken = await upload(applicant, { caseId: draft.id, kind: "MEDICAL_RECORDS", name: "a.pdf" }, failing);
      expect(broken.status).toBe(400);
      expect((await problemOf(broken)).title).toBe("Upload interrupted");

      const client = new AbortController();
      const aborted = streamOf(file, 64 * 1024, (index) => {
        if (index === 2) client.abort();
      });
      expect((await upload(applicant, { caseId: draft.id, kind: "MEDICAL_RECORDS", name: "b.pdf" }, aborted, { signal: client.signal })).status).toBe(400);

      // The body ended before the size the client announced: a cut connection, not a smaller file.
      const short = await upload(applicant, { caseId: draft.id, kind: "MEDICAL_RECORDS", name: "c.pdf" }, streamOf(file, 64 * 1024), {
        contentLength: file.length + 1000,
      });
      expect(short.status).toBe(400);

      await expectNothingLeft(draft.id, before);
    });

    it("deletes the stored file when the case changed while it streamed (decided: no row may be written)", async () => {
      const filed = await createCase({ applicantId: applicant.id, planId, status: "IN_REVIEW" });
      const before = await storedFiles();
      const file = pdf(6000);
      const racing = streamOf(file, 64 * 1024, async (index) => {
        if (index === 2) await db.case.update({ where: { id: filed.id }, data: { status: "DECIDED" } });
      });
      const response = await upload(applicant, { caseId: filed.id, kind: "MEDICAL_RECORDS", name: "late.pdf" }, racing);
      expect(response.status).toBe(409);
      await expectNothingLeft(filed.id, before);
    });

    it("accepts documents while the review is open, not once the case is decided", async () => {
      const open = await createCase({ applicantId: applicant.id, planId, status: "ACCEPTED" });
      expect((await upload(applicant, { caseId: open.id, kind: "MEDICAL_RECORDS", name: "new.pdf" }, pdf())).status).toBe(201);
      const decided = await createCase({ applicantId: applicant.id, planId, status: "DECIDED" });
      const refused = await upload(applicant, { caseId: decided.id, kind: "MEDICAL_RECORDS", name: "late.pdf" }, pdf());
      expect(refused.status).toBe(409);
      expect((await problemOf(refused)).detail).toMatch(/"Decided", so documents can no longer be added/);
    });

    it("answers 404 for another applicant's case, a coordinator, and a case that does not exist; 401 without a session", async () => {
      const draft = await draftCase();
      const query = { caseId: draft.id, kind: "DENIAL_LETTER", name: "x.pdf" };
      for (const who of [otherApplicant, coordinator, planUser]) {
        const response = await upload(who, query, pdf());
        expect(response.status).toBe(404);
        expect((await problemOf(response)).title).toBe("Case not found");
      }
      expect((await upload(applicant, { ...query, caseId: crypto.randomUUID() }, pdf())).status).toBe(404);
      expect((await upload(null, query, pdf())).status).toBe(401);
      expect(await db.document.count({ where: { caseId: draft.id } })).toBe(0);
    });

    it("refuses a kind the applicant may not choose, and bad query parameters, naming them", async () => {
      const draft = await draftCase();
      const planKind = await upload(applicant, { caseId: draft.id, kind: "PLAN_CASE_FILE", name: "x.pdf" }, pdf());
      expect(planKind.status).toBe(400);
      expect((await problemOf(planKind)).detail).toMatch(/"Plan case file" cannot be added here/);
      const bad = await upload(applicant, { caseId: "nope", kind: "LETTER", name: "" }, pdf());
      expect(bad.status).toBe(400);
      expect((await problemOf(bad)).detail).toMatch(/caseId.*kind.*name/);
    });

    it("links the document to a request for information addressed to the applicant on this case only", async () => {
      const filed = await createCase({ applicantId: applicant.id, planId, status: "ELIGIBILITY_REVIEW" });
      const other = await createCase({ applicantId: applicant.id, planId, status: "ELIGIBILITY_REVIEW" });
      const dueAt = new Date(Date.now() + 86_400_000);
      const asked = await db.informationRequest.create({ data: { caseId: filed.id, addressedTo: "APPLICANT", question: "The appeal decision?", dueAt } });
      const toPlan = await db.informationRequest.create({ data: { caseId: filed.id, addressedTo: "PLAN", question: "Criteria?", dueAt } });

      const answered = await upload(applicant, { caseId: filed.id, kind: "APPEAL_DECISION", name: "appeal.pdf", informationRequestId: asked.id }, pdf());
      expect(answered.status).toBe(201);
      const { id } = (await answered.json()) as { id: string };
      expect((await db.document.findUniqueOrThrow({ where: { id } })).informationRequestId).toBe(asked.id);

      expect((await upload(applicant, { caseId: other.id, kind: "APPEAL_DECISION", name: "a.pdf", informationRequestId: asked.id }, pdf())).status).toBe(404);
      expect((await upload(applicant, { caseId: filed.id, kind: "APPEAL_DECISION", name: "a.pdf", informationRequestId: toPlan.id }, pdf())).status).toBe(404);
    });
  });

  describe("POST /documents: a health plan adds to its own cases", () => {
    it("uploads the plan case file to its own plan's case, with no per-case limit", async () => {
      const filed = await createCase({ applicantId: applicant.id, planId, status: "ACCEPTED" });
      const response = await upload(planUser, { caseId: filed.id, kind: "PLAN_CASE_FILE", name: "case file.pdf" }, pdf(100));
      expect(response.status).toBe(201);
      const room = (await (await allowance(planUser, filed.id)).json()) as { limits: { fileBytes: number; caseBytes: number | null } };
      expect(room.limits).toEqual({ fileBytes: 1024 * 1024 * 1024, caseBytes: null });
    });

    it("stores a 40 MiB case file whole as it streams, and gives the same bytes back", async () => {
      const filed = await createCase({ applicantId: applicant.id, planId, status: "ACCEPTED" });
      const file = Buffer.concat([Buffer.from("%PDF-1.7\n"), crypto.randomBytes(40 * 1024 * 1024)]);
      const response = await upload(planUser, { caseId: filed.id, kind: "PLAN_CASE_FILE", name: "case file.pdf" }, streamOf(file, 256 * 1024));
      expect(response.status).toBe(201);
      const { id, sha256: recorded } = (await response.json()) as { id: string; sha256: string };
      expect(recorded).toBe(sha256(file));
      const downloaded = Buffer.from(await (await download(planUser, id)).arrayBuffer());
      expect(downloaded.length).toBe(file.length);
      expect(sha256(downloaded)).toBe(sha256(file));
    });

    it("answers 404 on another plan's case and on a draft", async () => {
      const filed = await createCase({ applicantId: applicant.id, planId, status: "ACCEPTED" });
      const response = await upload(otherPlanUser, { caseId: filed.id, kind: "PLAN_CASE_FILE", name: "x.pdf" }, pdf());
      expect(response.status).toBe(404);
      const draft = await draftCase();
      expect((await upload(planUser, { caseId: draft.id, kind: "PLAN_CASE_FILE", name: "x.pdf" }, pdf())).status).toBe(404);
      expect(await db.document.count({ where: { caseId: { in: [filed.id, draft.id] } } })).toBe(0);
    });
  });

  describe("GET /documents/:documentId", () => {
    async function uploaded(file: Uint8Array, name = "records.pdf") {
      const filed = await createCase({ applicantId: applicant.id, planId, status: "IN_REVIEW" });
      const response = await upload(applicant, { caseId: filed.id, kind: "MEDICAL_RECORDS", name }, file);
      const { id } = (await response.json()) as { id: string };
      return { caseId: filed.id, id, row: await db.document.findUniqueOrThrow({ where: { id } }) };
    }

    it("streams back the identical bytes, as an attachment with safe headers, and audits who downloaded it from where", async () => {
      const file = pdf(3000);
      const { id, caseId } = await uploaded(file, "Résumé médical.pdf");
      const response = await download(coordinator, id);
      expect(response.status).toBe(200);
      expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(file));
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      expect(response.headers.get("Content-Length")).toBe(String(file.length));
      expect(response.headers.get("Content-Disposition")).toBe(
        `attachment; filename="R_sum_ m_dical.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20m%C3%A9dical.pdf`,
      );
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      expect(response.headers.get("Content-Security-Policy")).toMatch(/^default-src 'none'.*sandbox$/);

      const audits = await db.auditLog.findMany({ where: { action: "document.downloaded", objectId: id } });
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ ip: IP, userAgent: USER_AGENT });
      expect(audits[0]!.detail).toMatchObject({ caseId, inline: false });

      const inline = await download(applicant, id, "?inline=1");
      expect(inline.headers.get("Content-Disposition")).toMatch(/^inline;/);
      // Chromium will not open its PDF viewer in a sandboxed document; script stays off through default-src.
      expect(inline.headers.get("Content-Security-Policy")).toBe("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'");
      await inline.arrayBuffer();
      expect(await db.auditLog.count({ where: { action: "document.downloaded", objectId: id } })).toBe(2);
    });

    it("answers a Range with only those bytes (206), as the viewer's pdf.js asks for the parts of a large PDF, audited once per reading", async () => {
      const file = pdf(40_000); // three segments
      const { id } = await uploaded(file);
      const whole = await download(applicant, id, "?inline=1");
      expect(whole.headers.get("Accept-Ranges")).toBe("bytes");
      await whole.arrayBuffer();

      // Across the first two segments' boundary: both are read, the rest of the file is not needed.
      const first = SEGMENT_BYTES - 100;
      const across = await download(coordinator, id, "?inline=1", { Range: `bytes=${first}-${first + 199}` });
      expect(across.status).toBe(206);
      expect(across.headers.get("Content-Range")).toBe(`bytes ${first}-${first + 199}/${file.length}`);
      expect(across.headers.get("Content-Length")).toBe("200");
      expect(Buffer.from(await across.arrayBuffer()).equals(Buffer.from(file.subarray(first, first + 200)))).toBe(true);

      // The trailer pdf.js reads first: the file's last bytes.
      const tail = await download(coordinator, id, "?inline=1", { Range: "bytes=-64" });
      expect(tail.status).toBe(206);
      expect(Buffer.from(await tail.arrayBuffer()).equals(Buffer.from(file.subarray(file.length - 64)))).toBe(true);

      const past = await download(coordinator, id, "", { Range: `bytes=${file.length}-` });
      expect(past.status).toBe(416);
      expect(past.headers.get("Content-Range")).toBe(`bytes */${file.length}`);

      // The first part is audited with its bytes; the parts that follow within 10 minutes are the same reading.
      const parts = () => db.auditLog.findMany({ where: { action: "document.downloaded", objectId: id, actorId: coordinator.id }, orderBy: { id: "asc" } });
      expect((await parts()).map((row) => row.detail)).toMatchObject([{ range: { first, last: first + 199 } }]);
      const user = sessionUserOf({ id: coordinator.id, email: "", name: "", roles: ["COORDINATOR"], planId: null });
      const actor = { userId: coordinator.id, email: null, ip: IP, userAgent: USER_AGENT };
      const later = new Date((await parts())[0]!.at.getTime() + PARTS_AUDITED_ONCE_WITHIN_MS + 1000);
      await (await downloadDocument({ user, actor, documentId: id, inline: true, range: { first: 0, last: 99 }, at: later })).body.cancel();
      expect((await parts()).map((row) => row.detail)).toMatchObject([{ range: { first, last: first + 199 } }, { range: { first: 0, last: 99 } }]);
    });

    it("offers a file under the name its content shows, not the one it was sent with", async () => {
      const { id, row } = await uploaded(pdf(), "report\u202Elmth.html");
      expect(row.fileName).toBe("reportlmth.pdf");
      const response = await download(coordinator, id);
      expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="reportlmth.pdf"; filename*=UTF-8''reportlmth.pdf`);
      await response.arrayBuffer();
    });

    it("offers a DOCX only as an attachment, even when asked inline", async () => {
      const { id } = await uploaded(docx(), "letter.docx");
      const response = await download(applicant, id, "?inline=1");
      expect(response.headers.get("Content-Disposition")).toMatch(/^attachment;/);
      await response.arrayBuffer();
    });

    it("answers 404 to people outside the case: another applicant, another plan, an unassigned reviewer", async () => {
      const { id } = await uploaded(pdf());
      const reviewer = await signedIn(["REVIEWER"]);
      for (const who of [otherApplicant, otherPlanUser, reviewer]) {
        const response = await download(who, id);
        expect(response.status).toBe(404);
      }
      expect((await download(planUser, id)).status).toBe(200);
      expect(
        await db.auditLog.count({
          where: { action: "document.downloaded", objectId: id, actorId: { in: [otherApplicant.id, otherPlanUser.id, reviewer.id] } },
        }),
      ).toBe(0);
    });

    it("refuses a tampered file before sending a byte, and cuts the stream before a tampered later segment", async () => {
      const file = pdf(40_000); // three segments
      const first = await uploaded(file);
      const bytes = await storage.sealedBytes(first.row.storageKey);
      bytes[100] = bytes[100]! ^ 0x01;
      await storage.replaceSealedBytes(first.row.storageKey, bytes);
      const refused = await download(coordinator, first.id);
      expect(refused.status).toBe(500);
      expect((await problemOf(refused)).detail).toMatch(/failed its integrity check/);

      const later = await uploaded(file);
      const laterBytes = await storage.sealedBytes(later.row.storageKey);
      laterBytes[laterBytes.length - 100] = laterBytes[laterBytes.length - 100]! ^ 0x01; // in the last segment
      await storage.replaceSealedBytes(later.row.storageKey, laterBytes);
      const response = await download(coordinator, later.id);
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      let delivered = 0;
      await expect(
        (async () => {
          for (;;) {
            const next = await reader.read();
            if (next.done) return;
            delivered += next.value.byteLength;
          }
        })(),
      ).rejects.toBeInstanceOf(DocumentIntegrityError);
      expect(delivered % SEGMENT_BYTES).toBe(0);
      expect(delivered).toBeLessThan(file.length);

      const truncated = await uploaded(file);
      const whole = await storage.sealedBytes(truncated.row.storageKey);
      await storage.replaceSealedBytes(truncated.row.storageKey, whole.subarray(0, whole.length - ((whole.length - 37) % (SEGMENT_BYTES + 16))));
      const cut = await download(coordinator, truncated.id);
      await expect(cut.arrayBuffer()).rejects.toThrow();
    });
  });

  describe("DELETE /documents/:documentId", () => {
    it("lets the uploader remove a document while the request is a draft: row, file and an audit row", async () => {
      const draft = await draftCase();
      const { id } = (await (await upload(applicant, { caseId: draft.id, kind: "OTHER", name: "wrong.pdf" }, pdf())).json()) as { id: string };
      const { storageKey } = await db.document.findUniqueOrThrow({ where: { id } });
      expect(await storage.has(storageKey)).toBe(true);

      const response = await remove(applicant, id);
      expect(response.status).toBe(204);
      expect(await db.document.findUnique({ where: { id } })).toBeNull();
      expect(await storage.has(storageKey)).toBe(false);
      const audit = await db.auditLog.findFirstOrThrow({ where: { action: "document.deleted", objectId: id } });
      expect(audit).toMatchObject({ actorId: applicant.id, ip: IP });
    });

    it("answers 404 to another applicant for a draft's document, which they can neither download nor delete", async () => {
      const draft = await draftCase();
      const { id } = (await (await upload(applicant, { caseId: draft.id, kind: "DENIAL_LETTER", name: "mine.pdf" }, pdf())).json()) as { id: string };
      const { storageKey } = await db.document.findUniqueOrThrow({ where: { id } });

      const downloaded = await download(otherApplicant, id);
      expect(downloaded.status).toBe(404);
      expect((await problemOf(downloaded)).title).toBe("Document not found");
      const removed = await remove(otherApplicant, id);
      expect(removed.status).toBe(404);
      expect((await problemOf(removed)).title).toBe("Document not found");

      expect(await db.document.findUnique({ where: { id } })).not.toBeNull();
      expect(await storage.has(storageKey)).toBe(true);
      expect(await db.auditLog.count({ where: { objectId: id, actorId: otherApplicant.id } })).toBe(0);
      // Its owner still has it.
      const mine = await download(applicant, id);
      expect(mine.status).toBe(200);
      await mine.arrayBuffer();
    });

    it("keeps documents once the request is filed, and refuses anyone but the uploader", async () => {
      const filed = await createCase({ applicantId: applicant.id, planId, status: "SUBMITTED" });
      const { id } = (await (await upload(applicant, { caseId: filed.id, kind: "OTHER", name: "filed.pdf" }, pdf())).json()) as { id: string };
      const refused = await remove(applicant, id);
      expect(refused.status).toBe(409);
      expect((await problemOf(refused)).detail).toMatch(/has been filed/);

      expect((await remove(planUser, id)).status).toBe(403);
      expect((await remove(otherApplicant, id)).status).toBe(404);
      const { storageKey } = await db.document.findUniqueOrThrow({ where: { id } });
      expect(await storage.has(storageKey)).toBe(true);
    });
  });
});
