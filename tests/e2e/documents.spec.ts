import crypto from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { SMALL_PDF as PDF } from "#tests/support/case-factories";
import { db } from "~/server/db.server";
import { expect, test } from "./support/fixtures";
import { createDraft as createDraftCase, DEMO } from "./support/portal";

// The endpoints over real HTTP, signed in as the demo patient in the browser
// (page.request shares the browser's session cookie), then the uploader
// where applicants meet it: the documents step of the request wizard.

/** The first bytes of a Windows program: what a file renamed "letter.pdf" may really be. */
const PROGRAM = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), crypto.randomBytes(64 * 1024)]);

const uploadPath = (caseId: string, kind: string, name: string) => `/documents?${new URLSearchParams({ caseId, kind, name }).toString()}`;

async function post(request: APIRequestContext, path: string, data: Buffer, headers: Record<string, string> = {}) {
  return request.post(path, { data, headers: { "Content-Type": "application/octet-stream", ...headers } });
}

test.describe("documents over HTTP, as the demo applicant", () => {
  test.beforeEach(async ({ signInPageAs }) => {
    await signInPageAs(DEMO.patient);
  });

  test("uploads a PDF to her draft, downloads the same bytes, and removes it", async ({ page }) => {
    const caseId = await createDraftCase();
    const uploaded = await post(page.request, uploadPath(caseId, "DENIAL_LETTER", "Denial letter.pdf"), PDF);
    expect(uploaded.status()).toBe(201);
    const document = (await uploaded.json()) as { id: string; fileName: string; sizeBytes: number; sha256: string };
    expect(document).toMatchObject({ fileName: "Denial letter.pdf", sizeBytes: PDF.length, sha256: crypto.createHash("sha256").update(PDF).digest("hex") });

    const downloaded = await page.request.get(`/documents/${document.id}`);
    expect(downloaded.status()).toBe(200);
    expect(Buffer.compare(await downloaded.body(), PDF)).toBe(0);
    expect(downloaded.headers()["content-disposition"]).toMatch(/^attachment; filename="Denial letter.pdf"/);
    expect(downloaded.headers()["x-content-type-options"]).toMatch(/nosniff/);
    const audited = await db.auditLog.findMany({ where: { action: "document.downloaded", objectId: document.id }, select: { ip: true } });
    expect(audited).toHaveLength(1);
    expect(audited[0]!.ip).toBeTruthy();

    const removed = await page.request.delete(`/documents/${document.id}`);
    expect(removed.status()).toBe(204);
    expect((await page.request.get(`/documents/${document.id}`)).status()).toBe(404);
  });

  test("is told why a file is refused: wrong content, too large", async ({ page }) => {
    const caseId = await createDraftCase();
    // 3 MB of a Windows program named like a PDF: refused from its first bytes, and the answer still arrives.
    const program = Buffer.concat([PROGRAM, crypto.randomBytes(3 * 1024 * 1024)]);
    const wrongType = await post(page.request, uploadPath(caseId, "MEDICAL_RECORDS", "records.pdf"), program);
    expect(wrongType.status()).toBe(415);
    expect(wrongType.headers()["content-type"]).toBe("application/problem+json");
    expect(((await wrongType.json()) as { detail: string }).detail).toMatch(/not a PDF, JPEG, PNG, TIFF or Word \(DOCX\) document/);

    const tooLarge = Buffer.alloc(100 * 1024 * 1024 + 1, 0x20);
    PDF.copy(tooLarge);
    const refused = await post(page.request, uploadPath(caseId, "MEDICAL_RECORDS", "scan.pdf"), tooLarge);
    expect(refused.status()).toBe(413);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/larger than 100 MB/);

    expect(await db.document.count({ where: { caseId } })).toBe(0);
  });

  test("the browser gets the reason even when the server refuses before the file has been sent", async ({ page, consoleErrors }) => {
    // Chromium logs every 4xx answer as a console error; these are the point of the test.
    consoleErrors.allow(/status of 41[35]/);
    const caseId = await createDraftCase();
    await page.goto("/requests");
    const sendFromBrowser = (path: string, kind: "program" | "oversized") =>
      page.evaluate(
        async ({ path, kind }) => {
          const body =
            kind === "program"
              ? new Blob([new TextEncoder().encode("MZ"), new Uint8Array(3 * 1024 * 1024)])
              : new Blob([new TextEncoder().encode("%PDF-1.4\n"), new Uint8Array(100 * 1024 * 1024)]);
          return new Promise<{ status: number; detail: string }>((resolve) => {
            const request = new XMLHttpRequest();
            request.open("POST", path);
            request.responseType = "json";
            request.onload = () => resolve({ status: request.status, detail: (request.response as { detail: string }).detail });
            request.onerror = () => resolve({ status: 0, detail: "network error" });
            request.send(body);
          });
        },
        { path, kind },
      );
    expect(await sendFromBrowser(uploadPath(caseId, "MEDICAL_RECORDS", "records.pdf"), "program")).toMatchObject({
      status: 415,
      detail: expect.stringMatching(/not a PDF, JPEG, PNG, TIFF or Word/),
    });
    expect(await sendFromBrowser(uploadPath(caseId, "MEDICAL_RECORDS", "scan.pdf"), "oversized")).toMatchObject({
      status: 413,
      detail: expect.stringMatching(/larger than 100 MB/),
    });
  });

  test("a post from another site is refused by the same-origin check", async ({ page }) => {
    const caseId = await createDraftCase();
    const response = await post(page.request, uploadPath(caseId, "DENIAL_LETTER", "x.pdf"), PDF, { Origin: "https://attacker.example" });
    expect(response.status()).toBe(403);
  });
});

test.describe("the document uploader, on the request wizard's documents step", () => {
  test.beforeEach(async ({ signInPageAs }) => {
    await signInPageAs(DEMO.patient);
  });

  test("picks several files, refuses a program by its content, uploads a PDF, lists it and removes it", async ({ page }) => {
    const caseId = await createDraftCase();
    await page.goto(`/requests/${caseId}/edit/documents`);
    const uploader = page.getByRole("group", { name: "Add documents" });
    await expect(uploader).toContainText("Up to 100 MB a file; 1 GB left of the 1 GB this request may hold.");

    const chooser = page.waitForEvent("filechooser");
    await uploader.getByRole("button", { name: "Choose files" }).click();
    await (
      await chooser
    ).setFiles([
      { name: "denial.pdf", mimeType: "application/pdf", buffer: PDF },
      { name: "letter.pdf", mimeType: "application/pdf", buffer: PROGRAM },
    ]);

    const program = uploader.getByRole("listitem").filter({ hasText: "letter.pdf" });
    await expect(program.getByRole("alert")).toContainText("not a PDF, JPEG, PNG, TIFF or Word (DOCX) document");
    await expect(program.getByRole("button", { name: /^Upload/ })).toHaveCount(0);

    const denial = uploader.getByRole("listitem").filter({ hasText: "denial.pdf" });
    await denial.getByRole("button", { name: "Upload denial.pdf" }).click();
    await expect(denial.getByRole("alert")).toHaveText("Choose what this document is first.");
    await denial.getByLabel("What is this document?").selectOption("DENIAL_LETTER");
    await expect(denial).toContainText("The health plan's final letter");
    await denial.getByRole("button", { name: "Upload denial.pdf" }).click();

    const list = page.getByRole("table", { name: "Documents you added" });
    const listed = list.getByRole("row", { name: /denial\.pdf/ });
    await expect(listed).toContainText("Denial letter");
    await expect(uploader.getByRole("listitem").filter({ hasText: "denial.pdf" })).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: '"denial.pdf" was added.' })).toBeAttached();
    await expect(listed.getByRole("link", { name: "Download denial.pdf" })).toHaveAttribute("href", /^\/documents\/[0-9a-f-]{36}$/);

    await program.getByRole("button", { name: "Remove from list letter.pdf" }).click();
    await expect(uploader.getByRole("listitem")).toHaveCount(0);
    expect(await db.document.findMany({ where: { caseId }, select: { fileName: true } })).toEqual([{ fileName: "denial.pdf" }]);

    await listed.getByRole("button", { name: "Remove denial.pdf" }).click();
    await expect(list.getByRole("row", { name: /denial\.pdf/ })).toHaveCount(0);
    expect(await db.document.count({ where: { caseId } })).toBe(0);
  });

  test("takes files dropped on the zone", async ({ page }) => {
    const caseId = await createDraftCase();
    await page.goto(`/requests/${caseId}/edit/documents`);
    const zone = page.getByRole("group", { name: "Add documents" }).locator(".empty-state");
    await expect(zone).toContainText("Drag files here");
    const files = await page.evaluateHandle((pdf) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new TextEncoder().encode(pdf)], "dropped.pdf", { type: "application/pdf" }));
      transfer.items.add(new File([new TextEncoder().encode("%PDF-1.4\n")], "second.pdf", { type: "application/pdf" }));
      return transfer;
    }, PDF.toString("latin1"));
    await zone.dispatchEvent("drop", { dataTransfer: files });
    await expect(page.getByRole("listitem").filter({ hasText: "dropped.pdf" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Upload all 2 files" })).toBeVisible();
  });

  test("shows progress while sending and cancels an upload, keeping nothing", async ({ page }) => {
    const caseId = await createDraftCase();
    // Hold the upload so it is still under way when Cancel is pressed.
    await page.route(/\/documents\?.*kind=/, () => undefined);
    await page.goto(`/requests/${caseId}/edit/documents`);
    const uploader = page.getByRole("group", { name: "Add documents" });
    const chooser = page.waitForEvent("filechooser");
    await uploader.getByRole("button", { name: "Choose files" }).click();
    await (await chooser).setFiles({ name: "records.pdf", mimeType: "application/pdf", buffer: PDF });
    const row = uploader.getByRole("listitem").filter({ hasText: "records.pdf" });
    await row.getByLabel("What is this document?").selectOption("MEDICAL_RECORDS");
    await row.getByRole("button", { name: "Upload records.pdf" }).click();

    await expect(row.getByRole("progressbar", { name: "Upload progress of records.pdf" })).toBeVisible();
    await row.getByRole("button", { name: "Cancel uploading records.pdf" }).click();
    await expect(row).toContainText("Upload cancelled: nothing was kept.");
    await expect(row.getByRole("button", { name: "Upload records.pdf" })).toBeVisible();
    expect(await db.document.count({ where: { caseId } })).toBe(0);
  });
});
