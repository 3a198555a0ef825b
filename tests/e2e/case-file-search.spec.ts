import { db } from "~/server/db.server";
import { createCaseInReview } from "#tests/support/case-factories";
import { expect, test } from "./support/fixtures";
import { DEMO, demoParties } from "./support/portal";

/** A case in review whose records' pages are in the index, one of them repeated by a fax. */
async function caseWithPages(reviewerId: string) {
  const kase = await createCaseInReview({ ...(await demoParties()), reviewerIds: [reviewerId] });
  const letter = kase.documents[0]!;
  const records = kase.documents[1]!;
  await db.document.update({ where: { id: records.id }, data: { fileName: "hospital-records.pdf", textLayerStatus: "DONE", pageCount: 3, pagesIndexed: 3 } });
  await db.document.update({ where: { id: letter.id }, data: { fileName: "fax-copy.pdf", textLayerStatus: "RUNNING", pageCount: 2, pagesIndexed: 1 } });
  await db.documentPage.createMany({
    data: [
      { documentId: records.id, caseId: kase.id, pageNumber: 1, text: "Progress note: chest pain on exertion, echocardiogram ordered.", source: "EMBEDDED" },
      {
        documentId: records.id,
        caseId: kase.id,
        pageNumber: 2,
        text: "Cardiology consult: findings consistent with heart failure; start metoprolol.",
        source: "EMBEDDED",
      },
      { documentId: records.id, caseId: kase.id, pageNumber: 3, text: "Physical therapy note: knee range of motion improved.", source: "EMBEDDED" },
    ],
  });
  const original = await db.documentPage.findFirstOrThrow({ where: { documentId: records.id, pageNumber: 2 } });
  await db.documentPage.create({
    data: {
      documentId: letter.id,
      caseId: kase.id,
      pageNumber: 1,
      text: "Cardiology consult: findings consistent with heart failure; start metoprolol.",
      source: "OCR",
      duplicateOfId: original.id,
      duplicateKind: "EXACT",
    },
  });
  return { kase, records };
}

test("a reviewer searches the case file for a phrase and sees the page it is on, the words marked", async ({ page, makeUser, signInPageAs }) => {
  const reviewer = await makeUser(["REVIEWER"]);
  const { kase, records } = await caseWithPages(reviewer.id);
  await signInPageAs(reviewer);
  await page.goto(`/review/cases/${kase.id}`);

  const search = page.getByRole("region", { name: "Search the case file" });
  await expect(search).toContainText("Searchable pages: 4 of 5 pages (1 still being read)");
  await search.getByLabel("Words to find in the case file's pages").fill('"heart failure"');
  await search.getByRole("button", { name: "Search" }).click();

  await expect(page).toHaveURL(/[?&]q=%22heart\+failure%22/);
  await expect(search.getByText("1 page matches")).toBeVisible();
  await expect(search.getByText("1 duplicate page hidden")).toBeVisible();
  await expect(search.getByRole("heading", { name: "hospital-records.pdf" })).toBeVisible();
  await expect(search.locator("mark")).toHaveText(["heart", "failure"]);
  const hit = search.getByRole("link", { name: "Page 2 of hospital-records.pdf" });
  // The hit opens the record viewer at its page, with the words searched for.
  await expect(hit).toHaveAttribute("href", `/review/cases/${kase.id}/documents/${records.id}?page=2&q=%22heart+failure%22`);

  await search.getByRole("link", { name: "Show them" }).click();
  await expect(search.getByText("2 pages match")).toBeVisible();
  await expect(search.getByRole("link", { name: "Page 1 of fax-copy.pdf" })).toBeVisible();
  await expect(search.getByText("Duplicate", { exact: true })).toBeVisible();
});

test("a query the search cannot read is explained next to the field; a word matching nothing says so", async ({ page, makeUser, signInPageAs }) => {
  const reviewer = await makeUser(["REVIEWER"]);
  const { kase } = await caseWithPages(reviewer.id);
  await signInPageAs(reviewer);
  await page.goto(`/review/cases/${kase.id}?q=${encodeURIComponent("pain OR")}`);
  const field = page.getByLabel("Words to find in the case file's pages");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("OR needs a word on each side.")).toBeVisible();

  await field.fill("metoprolo");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No exact matches; showing close spellings of “metoprolo”.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Search the case file" }).locator("mark")).toHaveText(["metoprolol"]);
});

test("the coordinator searches the same case file from the case page", async ({ page, makeUser, signInPageAs }) => {
  const reviewer = await makeUser(["REVIEWER"]);
  const { kase } = await caseWithPages(reviewer.id);
  await signInPageAs(DEMO.coordinator);
  await page.goto(`/iro/cases/${kase.id}`);
  const search = page.getByRole("region", { name: "Search the case file" });
  await search.getByLabel("Words to find in the case file's pages").fill("chest -knee");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(search.getByText("1 page matches")).toBeVisible();
  await expect(search.getByRole("link", { name: "Page 1 of hospital-records.pdf" })).toBeVisible();
  await expect(search.locator("mark")).toHaveText(["chest"]);
});
