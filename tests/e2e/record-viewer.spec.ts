import type { Page } from "@playwright/test";
import { createCaseInReview } from "#tests/support/case-factories";
import { multiPagePdf } from "#tests/support/multi-page-pdf";
import { db } from "~/server/db.server";
import { expect, test } from "./support/fixtures";
import { demoParties } from "./support/portal";

const PAGES = [1, 2, 3, 4, 5].map((number) => [
  `Hospital records, page ${number}`,
  number === 3 ? "The MRI shows a tear of the rotator cuff." : "Vital signs stable.",
]);

/** How many pixels of the canvas are drawn (not white, not blank). */
const drawnPixels = (page: Page) =>
  page.locator(".record-viewer__page canvas").evaluate((canvas: HTMLCanvasElement) => {
    const pixels = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    for (let index = 0; index < pixels.length; index += 4) if (pixels[index + 3]! > 0 && pixels[index]! < 200) drawn += 1;
    return drawn;
  });
const canvasSize = (page: Page) =>
  page.locator(".record-viewer__page canvas").evaluate((canvas: HTMLCanvasElement) => ({ width: canvas.clientWidth, height: canvas.clientHeight }));

test("a reviewer reads a multi-page PDF in the viewer: jumps to page 3, zooms, rotates, bookmarks it with a note; it shows as read, the unread filter hides it, and the bookmark is on the case page", async ({
  page,
  makeUser,
  signInPageAs,
}) => {
  const reviewer = await makeUser(["REVIEWER"]);
  const kase = await createCaseInReview({
    ...(await demoParties()),
    reviewerIds: [reviewer.id],
    files: [{ fileName: "hospital-records.pdf", contentType: "application/pdf", kind: "MEDICAL_RECORDS", bytes: multiPagePdf(PAGES) }],
  });
  const document = kase.documents[0]!;
  await db.document.update({ where: { id: document.id }, data: { pageCount: 5, pagesIndexed: 5, textLayerStatus: "DONE" } });
  await db.documentPage.createMany({
    data: PAGES.map((lines, index) => ({
      documentId: document.id,
      caseId: kase.id,
      pageNumber: index + 1,
      text: lines.join("\n"),
      source: "EMBEDDED" as const,
    })),
  });
  const workerRequests: string[] = [];
  page.on("request", (request) => {
    if (/pdf\.worker/.test(request.url())) workerRequests.push(request.url());
  });

  await signInPageAs(reviewer);
  await page.goto(`/review/cases/${kase.id}`);
  const row = page.getByRole("row").filter({ hasText: "hospital-records.pdf" });
  await expect(row).toContainText("0 of 5 pages read");
  await row.getByRole("link", { name: "Read here hospital-records.pdf" }).click();
  await expect(page).toHaveURL(new RegExp(`/review/cases/${kase.id}/documents/${document.id}`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("hospital-records.pdf");

  // pdf.js draws the first page, its worker from the portal itself.
  await expect(page.getByRole("img", { name: "Page 1 of 5" })).toBeVisible();
  await expect.poll(() => drawnPixels(page)).toBeGreaterThan(1_000);
  expect(workerRequests.length).toBeGreaterThan(0);
  expect(workerRequests.every((url) => new URL(url).origin === new URL(page.url()).origin)).toBe(true);

  // Jump to page 3: the page, the address and its text follow.
  await page.getByLabel("Page", { exact: true }).fill("3");
  await page.getByRole("button", { name: "Go" }).click();
  await expect(page.getByRole("img", { name: "Page 3 of 5" })).toBeVisible();
  await expect(page).toHaveURL(/[?&]page=3/);
  await expect.poll(() => drawnPixels(page)).toBeGreaterThan(1_000);
  const pageText = page.locator("details.page-text");
  await pageText.getByText("Page text (Page 3 of 5)").click();
  await expect(pageText.getByText(/The MRI shows a tear of the rotator cuff\./)).toBeVisible();

  // Zoom in: the page grows; fit to width brings it back; rotate: it lies on its side.
  const fitted = await canvasSize(page);
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect.poll(async () => (await canvasSize(page)).width).toBeGreaterThan(fitted.width);
  await page.getByRole("button", { name: "Fit to width" }).click();
  await expect.poll(async () => (await canvasSize(page)).width).toBe(fitted.width);
  await page.getByRole("button", { name: "Rotate 90°" }).click();
  await expect
    .poll(async () => {
      const size = await canvasSize(page);
      return size.width > size.height;
    })
    .toBe(true);
  await expect.poll(() => drawnPixels(page)).toBeGreaterThan(1_000);

  // Page 3 counts as read once it has been on screen; then a bookmark with a note.
  const marks = page.getByRole("region", { name: "Your marks on page 3" });
  await expect(marks.getByRole("status")).toContainText("You have read this page.");
  await marks.getByLabel("Bookmark note for page 3").fill("Rotator cuff tear on the MRI: supports the surgery.");
  await marks.getByRole("button", { name: "Bookmark this page" }).click();
  await expect(marks.getByRole("status")).toContainText("Bookmarked.");
  await expect(marks.getByRole("button", { name: "Save the note" })).toBeVisible();

  // The unread filter hides page 3 (read), keeps page 2 (never opened).
  const thumbnails = page.getByRole("navigation", { name: "Pages" });
  await expect(thumbnails.getByRole("button", { name: /^Page 3/ })).toContainText("Read");
  await thumbnails.getByLabel("Unread pages only").check();
  await expect(thumbnails.getByRole("button", { name: /^Page 3/ })).toHaveCount(0);
  await expect(thumbnails.getByRole("button", { name: /^Page 2/ })).toBeVisible();
  await thumbnails.getByLabel("Unread pages only").uncheck();

  // "Mark unread" puts it back among the unread pages; the bookmark stays.
  await marks.getByRole("button", { name: "Mark unread" }).click();
  await expect(marks.getByRole("status")).toContainText("Not read yet.");
  await expect(marks.getByRole("status")).toContainText("Bookmarked.");
  await expect(thumbnails.getByRole("button", { name: /^Page 3/ })).not.toContainText("Read");

  // Page keys: End, Home, Page Down.
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("End");
  await expect(page.getByRole("img", { name: "Page 5 of 5" })).toBeVisible();
  await page.keyboard.press("Home");
  await expect(page.getByRole("img", { name: "Page 1 of 5" })).toBeVisible();
  await page.keyboard.press("PageDown");
  await expect(page.getByRole("img", { name: "Page 2 of 5" })).toBeVisible();

  // A search's terms are highlighted on the page.
  await page.goto(`/review/cases/${kase.id}/documents/${document.id}?page=3&q=rotator`);
  await expect(page.getByRole("img", { name: "Page 3 of 5" })).toBeVisible();
  await expect(page.locator(".textLayer mark", { hasText: /rotator/i }).first()).toBeAttached();

  // The case page lists the bookmark and how much was read.
  await page.getByRole("link", { name: `Back to case ${kase.reference}` }).click();
  const bookmarks = page.getByRole("region", { name: "Your bookmarks" });
  await expect(bookmarks.getByRole("link", { name: "hospital-records.pdf, page 3" })).toHaveAttribute(
    "href",
    `/review/cases/${kase.id}/documents/${document.id}?page=3`,
  );
  await expect(bookmarks).toContainText("Rotator cuff tear on the MRI: supports the surgery.");
  await expect(page.getByRole("row").filter({ hasText: "hospital-records.pdf" })).toContainText(/\d of 5 pages read/);
});
