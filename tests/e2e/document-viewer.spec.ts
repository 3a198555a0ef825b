import { createCaseInReview } from "#tests/support/case-factories";
import { multiPagePdf } from "#tests/support/multi-page-pdf";
import { expect, test } from "./support/fixtures";
import { demoParties } from "./support/portal";

test("a reviewer reads a PDF of the case file in the page: pdf.js draws it from the portal's own origin, under the portal's policy", async ({
  page,
  makeUser,
  signInPageAs,
}) => {
  const reviewer = await makeUser(["REVIEWER"]);
  const kase = await createCaseInReview({
    ...(await demoParties()),
    reviewerIds: [reviewer.id],
    files: [{ fileName: "denial-letter.pdf", contentType: "application/pdf", kind: "DENIAL_LETTER", bytes: multiPagePdf([["The plan's denial"]]) }],
  });
  const document = kase.documents[0]!;
  const origins = new Set<string>();
  page.on("request", (request) => void origins.add(new URL(request.url()).origin));
  await signInPageAs(reviewer);
  await page.goto(`/review/cases/${kase.id}`);

  const [inline] = await Promise.all([
    page.waitForResponse((response) => response.url().includes(`/documents/${document.id}?inline=1`)),
    page.getByRole("link", { name: "Read here denial-letter.pdf" }).click(),
  ]);
  expect(inline.status()).toBe(200);
  await expect(page).toHaveURL(new RegExp(`/review/cases/${kase.id}/documents/${document.id}\\?page=1$`));
  await expect(page.getByRole("img", { name: "Page 1 of 1" })).toBeVisible();
  const policy = (await page.request.get(new URL(page.url()).pathname)).headers()["content-security-policy"] ?? "";
  expect(policy).toContain("worker-src 'self' blob:");
  expect(policy).toContain("frame-ancestors 'none'");
  expect([...origins]).toEqual([new URL(page.url()).origin]);

  // No document may be framed, not even by the portal: the viewer draws it.
  expect(inline.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(inline.headers()["x-frame-options"]).toBe("DENY");
});
