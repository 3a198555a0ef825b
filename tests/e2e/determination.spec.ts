import fs from "node:fs";
import { createCaseInReview, type TestFile } from "#tests/support/case-factories";
import { approveSubmittedDetermination, submitSignedDetermination } from "#tests/support/determination-factories";
import { pdfPageTexts } from "#tests/support/pdf-text";
import { expect, test, type TestUser } from "./support/fixtures";
import { waitForEmail } from "./support/mail";
import { DEMO, demoParties, userByEmail } from "./support/portal";

// The review from the reviewer's determination to the applicant's letter, in
// three stages, each starting from a case the factories bring to its stage.

// A 1×1 PNG and a one-page PDF: enough to read in the browser and to download.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const FILES: TestFile[] = [
  { fileName: "denial-letter.pdf", contentType: "application/pdf", kind: "DENIAL_LETTER", bytes: PDF },
  { fileName: "echocardiogram.png", contentType: "image/png", kind: "MEDICAL_RECORDS", bytes: PNG },
];

/** The demo patient's case with this reviewer, accepted three days ago, which the demo coordinator looks after. */
async function caseInReview(reviewer: TestUser) {
  return createCaseInReview({
    ...(await demoParties()),
    reviewerIds: [reviewer.id],
    files: FILES,
    details: {
      patientName: "Maria Lopez",
      patientBirthDate: new Date("1979-04-12T00:00:00Z"),
      serviceDescription: "Cardiac rehabilitation program",
      applicantStatement: "My cardiologist says I need supervised rehabilitation after my heart attack.",
    },
  });
}

/** A case in review whose new reviewer has submitted a signed determination citing `reference`. */
async function caseWithDetermination(makeUser: (roles: ["REVIEWER"]) => Promise<TestUser>, reference?: { title: string; source: string; year: number }) {
  const reviewer = await makeUser(["REVIEWER"]);
  const kase = await caseInReview(reviewer);
  await submitSignedDetermination({ caseId: kase.id, reviewer: await userByEmail(reviewer.email), reference });
  return { kase, reviewer };
}

test("a reviewer reads the case file, keeps a private note, saves a draft and submits a signed determination", async ({ page, makeUser, signInPageAs }) => {
  const reviewer = await makeUser(["REVIEWER"]);
  const kase = await caseInReview(reviewer);

  // The reviewer's home: the case with its decision deadline in words.
  await signInPageAs(reviewer);
  await page.goto("/review");
  const row = page.getByRole("row").filter({ hasText: kase.reference });
  await expect(row).toContainText(/Decision due by .+ — 4\d days left/);
  await expect(row).toContainText("Not started");
  await row.getByRole("link", { name: kase.reference }).click();

  // The case file: the request, the documents readable in the page, private notes.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${kase.reference}`);
  await expect(page.getByText("Maria Lopez, born Apr 12, 1979")).toBeVisible();
  await expect(page.getByText("My cardiologist says I need supervised rehabilitation")).toBeVisible();
  await expect(page.getByRole("link", { name: "Download denial-letter.pdf" })).toHaveAttribute("href", `/documents/${kase.documents[0]!.id}`);
  await page.getByRole("link", { name: "Read here echocardiogram.png" }).click();
  const image = page.getByRole("img", { name: /echocardiogram\.png/ });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(1);
  await page.getByRole("link", { name: `Back to case ${kase.reference}` }).click();
  await page.getByLabel("New note").fill("Ask whether the stress test was repeated.");
  await page.getByRole("button", { name: "Add the note" }).click();
  await expect(page.getByText("Your note was added. Only you can see it.")).toBeVisible();
  await expect(page.getByText("Ask whether the stress test was repeated.")).toBeVisible();

  // Submitting too early says exactly what is missing; a draft saves whatever is there.
  await page.getByRole("radio", { name: "Overturn the denial", exact: true }).check();
  await page.getByLabel("Principal reasons").fill("Supervised cardiac rehabilitation is the standard of care after a myocardial infarction.");
  await page.getByRole("button", { name: "Submit determination" }).click();
  const problems = page.getByRole("alert").filter({ hasText: "things to fix" });
  await expect(problems).toContainText("5 things to fix");
  await expect(problems).toContainText("Explain the clinical rationale.");
  await expect(problems).toContainText("Tick each document you considered: at least one.");
  await expect(page.getByLabel("Clinical rationale")).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Your draft was saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Principal reasons")).toHaveValue(/^Supervised cardiac rehabilitation/);
  await expect(page.getByRole("radio", { name: "Overturn the denial", exact: true })).toBeChecked();

  // The whole determination, signed.
  await page.getByLabel("Clinical rationale").fill("Ejection fraction of 40% after an anterior infarction; rehabilitation lowers mortality.");
  const first = page.getByRole("group", { name: "Item 1" });
  await first.getByLabel("Title").fill("Guideline for cardiac rehabilitation");
  await first.getByLabel("Source").fill("American Heart Association");
  await first.getByLabel("Year").fill("2021");
  await page.getByRole("button", { name: "Add another item" }).click();
  await expect(page.getByRole("group", { name: "Item 2" })).toBeVisible();
  await page.getByRole("button", { name: "Remove item 2" }).click();
  await expect(page.getByRole("group", { name: "Item 2" })).toHaveCount(0);
  await page.getByRole("checkbox", { name: /denial-letter\.pdf/ }).check();
  await page.getByRole("checkbox", { name: /echocardiogram\.png/ }).check();
  await expect(page.getByLabel("Standard of review applied")).toHaveValue("medical-necessity");
  await page.getByRole("checkbox", { name: "I confirm this statement" }).check();
  await page.getByLabel("Your full name, as your signature").fill(reviewer.name);
  await page.getByRole("button", { name: "Submit determination" }).click();
  await expect(page.getByText("Every required opinion is in")).toBeVisible();
  await expect(page.getByText(/You submitted this determination on/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit determination" })).toHaveCount(0);

  // The coordinator is told, with a link to the quality review.
  const ready = await waitForEmail(DEMO.coordinator, new RegExp(`${kase.reference}: ready for quality review`));
  expect(ready).toContain(`/iro/cases/${kase.id}/quality`);
});

test("the coordinator sends a determination back once; the reviewer answers the comments; the second time it is approved", async ({
  page,
  makeUser,
  pageAs,
  signInPageAs,
}) => {
  const { kase, reviewer } = await caseWithDetermination(makeUser);

  const coordinator = await pageAs(DEMO.coordinator);
  await coordinator.goto(`/iro/cases/${kase.id}/quality`);
  await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText(`Quality review: ${kase.reference}`);
  await expect(coordinator.getByText("Every element the decision letter needs is present and consistent.")).toBeVisible();
  await expect(coordinator.getByRole("cell", { name: "Fail", exact: true })).toHaveCount(0);
  await coordinator.getByLabel("Your comments to the reviewer").fill("Add the trial evidence on mortality to the literature.");
  await coordinator.getByRole("button", { name: "Send back to the reviewer" }).click();
  await expect(coordinator.getByText("The determination was sent back.")).toBeVisible();

  // The reviewer is told, sees the comments, adds the trial and submits again.
  await waitForEmail(reviewer.email, new RegExp(`${kase.reference}: your determination was sent back`));
  await signInPageAs(reviewer);
  await page.goto(`/review/cases/${kase.id}`);
  await expect(page.getByRole("region", { name: "Sent back to you: the coordinator's comments" })).toContainText(
    "Add the trial evidence on mortality to the literature.",
  );
  await page.getByRole("button", { name: "Add another item" }).click();
  const second = page.getByRole("group", { name: "Item 2" });
  await second.getByLabel("Title").fill("Cardiac rehabilitation and mortality: a meta-analysis");
  await second.getByLabel("Source").fill("Cochrane Database of Systematic Reviews");
  await second.getByLabel("Year").fill("2021");
  await second.getByLabel("Link (optional)").fill("https://www.cochranelibrary.com/");
  await page.getByRole("checkbox", { name: "I confirm this statement" }).check();
  await page.getByLabel("Your full name, as your signature").fill(reviewer.name);
  await page.getByRole("button", { name: "Submit determination" }).click();
  await expect(page.getByText("Every required opinion is in")).toBeVisible();

  // The second time, the coordinator approves; the history shows both reviews.
  await waitForEmail(DEMO.coordinator, new RegExp(`${kase.reference}: ready for quality review`), 2);
  await coordinator.goto(`/iro/cases/${kase.id}/quality`);
  await expect(coordinator.getByText("Cardiac rehabilitation and mortality: a meta-analysis")).toBeVisible();
  await coordinator.getByLabel("Summary of the findings").fill("Supervised cardiac rehabilitation is the standard of care after this infarction.");
  await coordinator.getByRole("button", { name: "Approve the determination" }).click();
  await expect(coordinator.getByText("The determination is approved.")).toBeVisible();
  const history = coordinator.getByRole("table", { name: "Earlier quality reviews, newest first" });
  await expect(history.getByRole("row")).toHaveCount(3);
  await expect(history.getByRole("row").nth(1)).toContainText("Approved");
  await expect(history.getByRole("row").nth(2)).toContainText("Sent back");
});

test("the coordinator issues the letter as previewed, naming no reviewer; the applicant is told and downloads it", async ({
  page,
  makeUser,
  pageAs,
  signInPageAs,
}) => {
  const { kase, reviewer } = await caseWithDetermination(makeUser, {
    title: "Cardiac rehabilitation and mortality: a meta-analysis",
    source: "Cochrane Database of Systematic Reviews",
    year: 2021,
  });
  await approveSubmittedDetermination({ caseId: kase.id, coordinator: await userByEmail(DEMO.coordinator) });

  // The letter as it will be issued: the reviewer by specialty, never by name.
  const coordinator = await pageAs(DEMO.coordinator);
  await coordinator.goto(`/iro/cases/${kase.id}/decision`);
  await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText(`Decision: ${kase.reference}`);
  const preview = coordinator.getByRole("article", { name: "Letter preview" });
  await expect(preview).toContainText("What was decided and what happens now");
  await expect(preview).toContainText("The denial is overturned.");
  await expect(preview).toContainText("Cardiac rehabilitation and mortality: a meta-analysis");
  await expect(preview).not.toContainText(reviewer.name);
  await coordinator.getByRole("button", { name: "Issue the decision" }).click();
  await expect(coordinator.getByText("The decision is issued.")).toBeVisible();
  const issued = coordinator.getByRole("table", { name: "Issued versions of the decision letter, newest first" });
  await expect(issued.getByRole("row")).toHaveCount(2);
  await expect(issued.getByRole("row").nth(1)).toContainText(/Current/);
  await expect(coordinator.getByRole("button", { name: "Issue the decision" })).toHaveCount(0);
  await expect(coordinator.getByText(/The plan must comply with the decision by /)).toBeVisible();

  // The applicant is told, and downloads the letter from their case page.
  const told = await waitForEmail(DEMO.patient, new RegExp(`${kase.reference}: the independent review decision has been issued`));
  expect(told).toContain(`/cases/${kase.reference}`);
  await signInPageAs(DEMO.patient);
  await page.goto(`/requests/${kase.id}`);
  const decision = page.getByRole("region", { name: "The decision" });
  await expect(decision).toContainText("Issued on");
  const downloading = page.waitForEvent("download");
  await decision.getByRole("link", { name: `Download decision-letter-${kase.reference}.pdf` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`decision-letter-${kase.reference}.pdf`);
  const letter = fs.readFileSync((await download.path())!);
  expect(letter.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const text = (await pdfPageTexts(letter)).join(" ");
  expect(text).toContain(`Reference number: ${kase.reference}`);
  expect(text).toContain("What was decided and what happens now The denial is overturned.");
  expect(text).toContain("Patient Maria Lopez");
  expect(text).not.toContain(reviewer.name);
});
