/**
 * The reviewer's reading of a case file, end to end (issue 20): a phrase
 * searched, its hit opened on its page with the words marked, the page
 * bookmarked, the fax that repeats it folded away as a duplicate, the page
 * cited in the determination, and the issued letter listing it.
 */
import { createCaseInReview } from "#tests/support/case-factories";
import { multiPagePdf } from "#tests/support/multi-page-pdf";
import { db } from "~/server/db.server";
import { expect, test } from "./support/fixtures";
import { approveAndIssue } from "./support/decision";
import { DEMO, demoParties } from "./support/portal";

const RECORD = [1, 2, 3, 4, 5].map((number) => [
  `Hospital records, page ${number}`,
  number === 3 ? "The MRI shows a full-thickness tear of the rotator cuff." : "Vital signs stable.",
]);

test("a reviewer finds a phrase in the case file, opens its page, bookmarks it, leaves its fax copy folded away, cites it, and the issued letter lists the page", async ({
  page,
  makeUser,
  signInPageAs,
  pageAs,
}) => {
  // Three people, the case file's text layer and an issued letter: about 11 s alone, three times that beside the other suites.
  test.setTimeout(90_000);
  const reviewer = await makeUser(["REVIEWER"]);
  const kase = await createCaseInReview({
    ...(await demoParties()),
    reviewerIds: [reviewer.id],
    files: [
      { fileName: "hospital-records.pdf", contentType: "application/pdf", kind: "MEDICAL_RECORDS", bytes: multiPagePdf(RECORD) },
      { fileName: "fax-of-page-3.pdf", contentType: "application/pdf", kind: "MEDICAL_RECORDS", bytes: multiPagePdf([RECORD[2]!]) },
    ],
  });
  const [records, fax] = kase.documents;
  // The text layer has read both (marked done, so the portal's worker leaves them); the fax's page is a duplicate of page 3.
  await db.document.update({ where: { id: records!.id }, data: { textLayerStatus: "DONE", pageCount: 5, pagesIndexed: 5 } });
  await db.document.update({ where: { id: fax!.id }, data: { textLayerStatus: "DONE", pageCount: 1, pagesIndexed: 1 } });
  await db.documentPage.createMany({
    data: RECORD.map((lines, index) => ({
      documentId: records!.id,
      caseId: kase.id,
      pageNumber: index + 1,
      text: lines.join("\n"),
      source: "EMBEDDED" as const,
    })),
  });
  const original = await db.documentPage.findFirstOrThrow({ where: { documentId: records!.id, pageNumber: 3 } });
  await db.documentPage.create({
    data: { documentId: fax!.id, caseId: kase.id, pageNumber: 1, text: original.text, source: "EMBEDDED", duplicateOfId: original.id, duplicateKind: "EXACT" },
  });

  // The search finds the page; its fax copy is folded away.
  await signInPageAs(reviewer);
  await page.goto(`/review/cases/${kase.id}`);
  const search = page.getByRole("region", { name: "Search the case file" });
  await search.getByLabel("Words to find in the case file's pages").fill('"rotator cuff"');
  await search.getByRole("button", { name: "Search" }).click();
  await expect(search.getByText("1 page matches")).toBeVisible();
  await expect(search.getByText("1 duplicate page hidden")).toBeVisible();
  await expect(search.getByRole("link", { name: "Page 1 of fax-of-page-3.pdf" })).toHaveCount(0);

  // The hit opens the viewer on page 3, the words marked in its text.
  await search.getByRole("link", { name: "Page 3 of hospital-records.pdf" }).click();
  await expect(page.getByRole("img", { name: "Page 3 of 5" })).toBeVisible();
  const pageText = page.locator("details.page-text");
  await pageText.getByText("Page text (Page 3 of 5)").click();
  await expect(pageText.locator("mark").first()).toHaveText(/rotator/i);

  // Bookmarked, with a note.
  const marks = page.getByRole("region", { name: "Your marks on page 3" });
  await marks.getByLabel("Bookmark note for page 3").fill("Full-thickness tear on the MRI.");
  await marks.getByRole("button", { name: "Bookmark this page" }).click();
  await expect(marks.getByRole("status")).toContainText("Bookmarked.");

  // The bookmark is one click from a citation; the determination is written and submitted.
  await page.goto(`/review/cases/${kase.id}`);
  await page.getByRole("button", { name: "Cite hospital-records.pdf, page 3" }).click();
  const citation = page.getByRole("group", { name: "Citation 1" });
  await expect(citation.getByLabel("From page")).toHaveValue("3");
  await expect(citation.getByLabel("What the pages show (optional)")).toHaveValue("Full-thickness tear on the MRI.");
  await page.getByRole("radio", { name: "Overturn the denial", exact: true }).check();
  await page.getByLabel("Principal reasons").fill("The MRI shows a full-thickness tear that will not heal without repair.");
  await page.getByLabel("Clinical rationale").fill("The hospital records document the tear and failed conservative care.");
  const item = page.getByRole("group", { name: "Item 1" });
  await item.getByLabel("Title").fill("Rotator cuff tears: management guideline");
  await item.getByLabel("Source").fill("American Academy of Orthopaedic Surgeons");
  await item.getByLabel("Year").fill("2019");
  await page.getByRole("checkbox", { name: "I confirm this statement" }).check();
  await page.getByLabel("Your full name, as your signature").fill(reviewer.name);
  await page.getByRole("button", { name: "Submit determination" }).click();
  await expect(page.getByText("Every required opinion is in")).toBeVisible();

  // The coordinator approves and issues; the letter lists the page cited.
  const coordinator = await pageAs(DEMO.coordinator);
  await coordinator.goto(`/iro/cases/${kase.id}/quality`);
  await expect(coordinator.getByText("hospital-records.pdf, p. 3: Full-thickness tear on the MRI.")).toBeVisible();
  const text = await approveAndIssue(coordinator, kase.id, "The tear needs repair; the surgery is medically necessary.");
  expect(text).toMatch(/hospital-records\.pdf \(Medical records\), undated; received .+?; cited: page 3/);
});
