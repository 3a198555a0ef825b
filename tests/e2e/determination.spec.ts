import fs from "node:fs";
import type { Page } from "@playwright/test";
import { createCaseInReview } from "./support/e2e-db";
import { expect, expectAccessible, signIn, test } from "./support/fixtures";
import { waitForEmail } from "./support/mail";
import { pdfPageTexts } from "../support/pdf-text";

const DEMO_PASSWORD = "Demo-password-2026";
// Demo accounts: the case history they gain here would keep a throwaway test user from being deleted.
const REVIEWER = "cardiology@reviewers.example";
const COORDINATOR = "coordinator@imr.example";
const APPLICANT = "maria.lopez@example.com";

// A 1×1 PNG and a one-page PDF: enough to read in the browser and to download.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** The coordinator and the applicant work in browsers of their own; their console errors fail the test as the reviewer's do. */
async function browserFor(page: Page, email: string, home: RegExp): Promise<{ page: Page; errors: string[] }> {
  const context = await page.context().browser()!.newContext();
  const other = await context.newPage();
  const errors: string[] = [];
  other.on("console", (message) => {
    if (message.type() === "error" && !/status of 400/.test(message.text())) errors.push(message.text());
  });
  other.on("pageerror", (error) => errors.push(error.message));
  await signIn(other, email, DEMO_PASSWORD);
  await expect(other).toHaveURL(home);
  return { page: other, errors };
}

test("a reviewer writes and submits a determination; the coordinator sends it back once, approves it and issues the letter; the applicant downloads it", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const kase = await createCaseInReview({
    reviewerEmail: REVIEWER,
    coordinatorEmail: COORDINATOR,
    files: [
      { fileName: "denial-letter.pdf", contentType: "application/pdf", kind: "DENIAL_LETTER", bytes: PDF },
      { fileName: "echocardiogram.png", contentType: "image/png", kind: "MEDICAL_RECORDS", bytes: PNG },
    ],
  });

  // The reviewer's home: the case with its decision deadline in words.
  await signIn(page, REVIEWER, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/review$/);
  const row = page.getByRole("row").filter({ hasText: kase.reference });
  await expect(row).toContainText(/Decision due by .+ — 4\d days left/);
  await expect(row).toContainText("Not started");
  await expectAccessible(page);
  await row.getByRole("link", { name: kase.reference }).click();

  // The case file: the request, the documents readable in the page, private notes.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${kase.reference}`);
  await expect(page.getByText("Maria Lopez, born Apr 12, 1979")).toBeVisible();
  await expect(page.getByText("My cardiologist says I need supervised rehabilitation")).toBeVisible();
  await expect(page.getByRole("link", { name: "Download denial-letter.pdf" })).toHaveAttribute("href", `/documents/${kase.documentIds[0]}`);
  await page.getByRole("link", { name: "Read here echocardiogram.png" }).click();
  const image = page.getByRole("img", { name: /echocardiogram\.png/ });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(1);
  await page.getByLabel("New note").fill("Ask whether the stress test was repeated.");
  await page.getByRole("button", { name: "Add the note" }).click();
  await expect(page.getByText("Your note was added. Only you can see it.")).toBeVisible();
  await expect(page.getByText("Ask whether the stress test was repeated.")).toBeVisible();
  await expectAccessible(page);

  // Submitting too early says exactly what is missing; a draft saves whatever is there.
  await page.getByRole("radio", { name: "Overturn the denial", exact: true }).check();
  await page.getByLabel("Principal reasons").fill("Supervised cardiac rehabilitation is the standard of care after a myocardial infarction.");
  await page.getByRole("button", { name: "Submit determination" }).click();
  const problems = page.getByRole("alert").filter({ hasText: "things to fix" });
  await expect(problems).toContainText("5 things to fix");
  await expect(problems).toContainText("Explain the clinical rationale.");
  await expect(problems).toContainText("Tick each document you considered: at least one.");
  await expect(page.getByLabel("Clinical rationale")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
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
  await page.getByLabel("Your full name, as your signature").fill("Priya Raman");
  await page.getByRole("button", { name: "Submit determination" }).click();
  await expect(page.getByText("Every required opinion is in")).toBeVisible();
  await expect(page.getByText(/You submitted this determination on/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit determination" })).toHaveCount(0);
  await expectAccessible(page);

  // The coordinator is told, runs the checks and sends it back once.
  const ready = await waitForEmail(COORDINATOR, new RegExp(`${kase.reference}: ready for quality review`));
  expect(ready).toContain(`/iro/cases/${kase.id}/quality`);
  const coordinator = await browserFor(page, COORDINATOR, /\/iro$/);
  await coordinator.page.goto(`/iro/cases/${kase.id}/quality`);
  await expect(coordinator.page.getByRole("heading", { level: 1 })).toHaveText(`Quality review: ${kase.reference}`);
  await expect(coordinator.page.getByText("Every element the decision letter needs is present and consistent.")).toBeVisible();
  await expect(coordinator.page.getByRole("cell", { name: "Fail", exact: true })).toHaveCount(0);
  await expectAccessible(coordinator.page);
  await coordinator.page.getByLabel("Your comments to the reviewer").fill("Add the trial evidence on mortality to the literature.");
  await coordinator.page.getByRole("button", { name: "Send back to the reviewer" }).click();
  await expect(coordinator.page.getByText("The determination was sent back.")).toBeVisible();

  // The reviewer sees the comments, adds the trial and submits again.
  await waitForEmail(REVIEWER, new RegExp(`${kase.reference}: your determination was sent back`));
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
  await page.getByLabel("Your full name, as your signature").fill("Priya Raman");
  await page.getByRole("button", { name: "Submit determination" }).click();
  await expect(page.getByText("Every required opinion is in")).toBeVisible();

  // The second time, the coordinator approves.
  await waitForEmail(COORDINATOR, new RegExp(`${kase.reference}: ready for quality review`), 2);
  await coordinator.page.goto(`/iro/cases/${kase.id}/quality`);
  await expect(coordinator.page.getByText("Cardiac rehabilitation and mortality: a meta-analysis")).toBeVisible();
  await coordinator.page.getByRole("button", { name: "Approve the determination" }).click();
  await expect(coordinator.page.getByText("The determination is approved.")).toBeVisible();
  const history = coordinator.page.getByRole("table", { name: "Earlier quality reviews, newest first" });
  await expect(history.getByRole("row")).toHaveCount(3);
  await expect(history.getByRole("row").nth(1)).toContainText("Approved");
  await expect(history.getByRole("row").nth(2)).toContainText("Sent back");
  await expectAccessible(coordinator.page);

  // The coordinator reads the letter as it will be issued (the reviewer by specialty, never by name) and issues it.
  await coordinator.page.goto(`/iro/cases/${kase.id}/decision`);
  await expect(coordinator.page.getByRole("heading", { level: 1 })).toHaveText(`Decision: ${kase.reference}`);
  const preview = coordinator.page.getByRole("article", { name: "Letter preview" });
  await expect(preview).toContainText("What was decided and what happens now");
  await expect(preview).toContainText("The denial is overturned.");
  await expect(preview).toContainText("Cardiac rehabilitation and mortality: a meta-analysis");
  await expect(preview).not.toContainText("Priya");
  await expectAccessible(coordinator.page);
  await coordinator.page.getByRole("button", { name: "Issue the decision" }).click();
  await expect(coordinator.page.getByText("The decision is issued.")).toBeVisible();
  const issued = coordinator.page.getByRole("table", { name: "Issued versions of the decision letter, newest first" });
  await expect(issued.getByRole("row")).toHaveCount(2);
  await expect(issued.getByRole("row").nth(1)).toContainText(/Current/);
  await expect(coordinator.page.getByRole("button", { name: "Issue the decision" })).toHaveCount(0);
  await expect(coordinator.page.getByText(/The plan must comply with the decision by /)).toBeVisible();
  await expectAccessible(coordinator.page);
  expect(coordinator.errors).toEqual([]);
  await coordinator.page.context().close();

  // The applicant is told, and downloads the letter from their case page.
  const told = await waitForEmail(APPLICANT, new RegExp(`${kase.reference}: the independent review decision has been issued`));
  expect(told).toContain(`/cases/${kase.reference}`);
  const applicant = await browserFor(page, APPLICANT, /\/requests$/);
  await applicant.page.goto(`/requests/${kase.id}`);
  const decision = applicant.page.getByRole("region", { name: "The decision" });
  await expect(decision).toContainText("Issued on");
  await expectAccessible(applicant.page);
  const downloading = applicant.page.waitForEvent("download");
  await decision.getByRole("link", { name: `Download decision-letter-${kase.reference}.pdf` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`decision-letter-${kase.reference}.pdf`);
  const letter = fs.readFileSync((await download.path())!);
  expect(letter.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const text = (await pdfPageTexts(letter)).join(" ");
  expect(text).toContain(`Reference number: ${kase.reference}`);
  expect(text).toContain("What was decided and what happens now The denial is overturned.");
  expect(text).toContain("Patient Maria Lopez");
  expect(text).not.toContain("Priya");
  expect(applicant.errors).toEqual([]);
  await applicant.page.context().close();
});
