import { db } from "~/server/db.server";
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

test("the viewer draws the first page of a large PDF from parts of it asked for by range, and the opening is audited, not each part", async ({
  page,
  makeUser,
  signInPageAs,
}) => {
  const reviewer = await makeUser(["REVIEWER"]);
  // About 12 MB: pages whose text runs on far below the page, as scanned records' hidden text layers do.
  const filler = Array.from({ length: 4000 }, (_, line) => `Progress note line ${line}: vitals stable, no change in medication.`);
  const pages = Array.from({ length: 40 }, (_, index) => [`Hospital records, page ${index + 1}`, ...filler]);
  const kase = await createCaseInReview({
    ...(await demoParties()),
    reviewerIds: [reviewer.id],
    files: [{ fileName: "hospital-records.pdf", contentType: "application/pdf", kind: "MEDICAL_RECORDS", bytes: multiPagePdf(pages) }],
  });
  const document = kase.documents[0]!;
  const partial: string[] = [];
  page.on("response", (response) => {
    if (response.url().includes(`/documents/${document.id}?inline=1`) && response.status() === 206) partial.push(response.headers()["content-range"] ?? "");
  });
  await signInPageAs(reviewer);

  await page.goto(`/review/cases/${kase.id}/documents/${document.id}?page=1`);

  await expect(page.getByRole("img", { name: "Page 1 of 40" })).toBeVisible();
  expect(partial.length).toBeGreaterThan(0);
  expect(partial[0]).toMatch(/^bytes \d+-\d+\/\d+$/);
  // The opening is audited, not each of the parts pdf.js asks for while it reads.
  const rows = await db.auditLog.findMany({ where: { action: "document.downloaded", objectId: document.id, actorId: reviewer.id } });
  expect(rows.length).toBeGreaterThanOrEqual(1);
  expect(rows.length).toBeLessThanOrEqual(2);
});
