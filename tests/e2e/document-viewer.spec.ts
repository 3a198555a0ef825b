import { createCaseInReview } from "#tests/support/case-factories";
import { expect, test } from "./support/fixtures";
import { demoParties } from "./support/portal";

// A one-page PDF: what Chromium's viewer needs to draw a page.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

test("a reviewer reads a PDF of the case file in the page: the portal's own frame shows it", async ({ page, makeUser, signInPageAs }) => {
  const reviewer = await makeUser(["REVIEWER"]);
  const kase = await createCaseInReview({
    ...(await demoParties()),
    reviewerIds: [reviewer.id],
    files: [{ fileName: "denial-letter.pdf", contentType: "application/pdf", kind: "DENIAL_LETTER", bytes: PDF }],
  });
  const document = kase.documents[0]!;
  await signInPageAs(reviewer);
  await page.goto(`/review/cases/${kase.id}`);

  const [framed] = await Promise.all([
    page.waitForResponse((response) => response.url().includes(`/documents/${document.id}?inline=1`)),
    page.getByRole("link", { name: "Read here denial-letter.pdf" }).click(),
  ]);
  expect(framed.status()).toBe(200);
  expect(framed.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  // Chromium's PDF viewer starts in the document's frame; a refused frame holds an error page instead.
  const pdfViewer = () =>
    page.frames().find((frame) => frame.url().startsWith("chrome-extension://") && frame.parentFrame()?.url().endsWith(`/documents/${document.id}?inline=1`));
  await expect.poll(() => pdfViewer() !== undefined).toBe(true);
  await expect(pdfViewer()!.locator("pdf-viewer")).toBeAttached();

  // Any other page still may not be framed, even by the portal.
  const other = await page.request.get(`/documents/${document.id}`);
  expect(other.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(other.headers()["x-frame-options"]).toBe("DENY");
});
