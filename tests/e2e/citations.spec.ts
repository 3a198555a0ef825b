import { db } from "~/server/db.server";
import { formatLocalDate } from "~/domain/rule-profiles";
import { createCaseInReview, type TestFile } from "#tests/support/case-factories";
import { expect, test } from "./support/fixtures";
import { approveAndIssue } from "./support/decision";
import { DEMO, demoParties } from "./support/portal";

// Pages cited in the determination, from the reviewer's form to the issued letter.

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const FILES: TestFile[] = [
  { fileName: "lee-letter.pdf", contentType: "application/pdf", kind: "PHYSICIAN_LETTER", bytes: PDF },
  { fileName: "therapy-notes.pdf", contentType: "application/pdf", kind: "MEDICAL_RECORDS", bytes: PDF },
];

test("a reviewer cites pages 2–3 of a document and a bookmarked page; the coordinator dates the document, approves and issues; the letter lists the citation", async ({
  page,
  makeUser,
  pageAs,
  signInPageAs,
}) => {
  const reviewer = await makeUser(["REVIEWER"]);
  const kase = await createCaseInReview({
    ...(await demoParties()),
    reviewerIds: [reviewer.id],
    files: FILES,
    details: { serviceDescription: "Lumbar spinal fusion" },
  });
  const [lee, notes] = kase.documents;
  // The text layer counted the letter's six pages and the notes' twelve (marked read, so the portal's worker leaves the one-page test files alone).
  await db.document.update({ where: { id: lee!.id }, data: { textLayerStatus: "DONE", pageCount: 6, pagesIndexed: 6 } });
  await db.document.update({ where: { id: notes!.id }, data: { textLayerStatus: "DONE", pageCount: 12, pagesIndexed: 12 } });
  // The reviewer bookmarked a page of the therapy notes while reading.
  await db.pageMark.create({
    data: { userId: reviewer.id, caseId: kase.id, documentId: notes!.id, pageNumber: 7, bookmarkedAt: new Date(), note: "Six months of supervised therapy" },
  });

  await signInPageAs(reviewer);
  await page.goto(`/review/cases/${kase.id}`);
  await page.getByRole("radio", { name: "Overturn the denial", exact: true }).check();
  await page.getByLabel("Principal reasons").fill("Conservative care was tried for six months and failed.");
  await page.getByLabel("Clinical rationale").fill("The physician's letter and the therapy notes document the failed conservative care.");
  const item = page.getByRole("group", { name: "Item 1" });
  await item.getByLabel("Title").fill("Lumbar fusion guideline");
  await item.getByLabel("Source").fill("North American Spine Society");
  await item.getByLabel("Year").fill("2021");

  // A page past the document's last is refused by the field; then pages 2–3.
  const first = page.getByRole("group", { name: "Citation 1" });
  await first.getByLabel("Document").selectOption({ label: "lee-letter.pdf (6 pages)" });
  await first.getByLabel("From page").fill("2");
  await first.getByLabel("To page (optional)").fill("9");
  await first.getByLabel("What the pages show (optional)").fill("The prior trial of physical therapy");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(first.getByLabel("To page (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(first.getByText("This document has 6 pages.")).toBeVisible();
  await first.getByLabel("To page (optional)").fill("3");

  // The bookmark, one click from a citation of its own.
  await page.getByRole("button", { name: "Cite therapy-notes.pdf, page 7" }).click();
  const second = page.getByRole("group", { name: "Citation 2" });
  await expect(second.getByLabel("From page")).toHaveValue("7");
  await expect(second.getByLabel("What the pages show (optional)")).toHaveValue("Six months of supervised therapy");

  await page.getByRole("checkbox", { name: "I confirm this statement" }).check();
  await page.getByLabel("Your full name, as your signature").fill(reviewer.name);
  await page.getByRole("button", { name: "Submit determination" }).click();
  await expect(page.getByText("Every required opinion is in")).toBeVisible();
  await expect(page.getByText("lee-letter.pdf, pp. 2–3: The prior trial of physical therapy")).toBeVisible();

  // The coordinator records the letter's author and date, reads the citations in quality review, approves and issues.
  const coordinator = await pageAs(DEMO.coordinator);
  await coordinator.goto(`/iro/cases/${kase.id}`);
  await coordinator.getByText("lee-letter.pdf: Undated").click();
  const details = coordinator.getByRole("form", { name: "Author and date of lee-letter.pdf" });
  await details.getByLabel("Author").fill("Dr. Sam Lee");
  await details.getByLabel("Date of the document").fill("2026-08-20");
  await details.getByRole("button", { name: /Save the author and date/ }).click();
  await expect(coordinator.getByText("The document's author and date are saved.")).toBeVisible();
  await expect(coordinator.getByText(`Dated ${formatLocalDate("2026-08-20")}, by Dr. Sam Lee`).first()).toBeVisible();

  await coordinator.goto(`/iro/cases/${kase.id}/quality`);
  await expect(coordinator.getByText("lee-letter.pdf, pp. 2–3: The prior trial of physical therapy")).toBeVisible();
  await expect(coordinator.getByText("therapy-notes.pdf, p. 7: Six months of supervised therapy")).toBeVisible();
  const text = await approveAndIssue(coordinator, kase.id, "Conservative care failed; the fusion is medically necessary.");
  expect(text).toContain(`lee-letter.pdf (Letter from a doctor), dated ${formatLocalDate("2026-08-20")}, by Dr. Sam Lee; cited: pages 2–3`);
  expect(text).toMatch(/therapy-notes\.pdf \(Medical records\), undated; received .+; cited: page 7/);
});
