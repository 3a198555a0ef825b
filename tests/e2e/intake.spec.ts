import type { Page } from "@playwright/test";
import { CRITERION_TEXT, ELIGIBILITY_CRITERIA, type EligibilityCriterion } from "~/domain/eligibility";
import { CONFLICT_MESSAGE } from "~/schemas/intake";
import { bumpCaseVersion, createFiledCase } from "#tests/support/case-factories";
import { expect, test } from "./support/fixtures";
import { waitForEmail } from "./support/mail";
import { DEMO, demoParties } from "./support/portal";

/** A request the demo patient filed with Evergreen just now, nobody looking after it yet. */
async function filedRequest(service: string) {
  const { applicantId, planId } = await demoParties();
  return createFiledCase({ applicantId, planId, details: { serviceDescription: service } });
}

/** Answers the checklist: "yes" to each criterion, except those given a note for "no". */
async function answerChecklist(page: Page, notMet: Partial<Record<EligibilityCriterion, string>> = {}) {
  for (const criterion of ELIGIBILITY_CRITERIA) {
    const question = page.getByRole("group", { name: CRITERION_TEXT[criterion].question });
    const note = notMet[criterion];
    await question.getByLabel(note ? "No" : "Yes", { exact: true }).check();
    if (note) await page.locator(`#eligibility-note_${criterion}`).fill(note);
  }
  await page.getByRole("button", { name: "Save the checklist" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The eligibility checklist is saved." })).toBeVisible();
  await expect(page.getByRole("region", { name: "This case" })).toContainText("Checking eligibility");
}

test("a coordinator screens a filed request from the intake queue and accepts it", async ({ page, signInPageAs }) => {
  const kase = await filedRequest("Knee replacement surgery");
  await signInPageAs(DEMO.coordinator);
  await page.goto("/iro");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Intake" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Intake queue");
  const row = page.getByRole("row").filter({ hasText: kase.reference });
  await expect(row).toContainText("Evergreen Health Plan");
  await expect(row).toContainText("Nobody yet");

  await row.getByRole("link", { name: kase.reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${kase.reference}`);
  await expect(page.getByRole("region", { name: "What the applicant gave" })).toContainText("Knee replacement surgery");
  // Filed in time: the checklist says so already.
  await expect(page.getByRole("group", { name: CRITERION_TEXT.FILED_IN_TIME.question }).getByLabel("Yes", { exact: true })).toBeChecked();
  await expect(page.getByRole("button", { name: "Accept the request for review" })).toHaveCount(0);

  await page.getByRole("button", { name: "Look after this case" }).click();
  await expect(page.getByText("You are looking after this case.")).toBeVisible();

  await answerChecklist(page);
  // The regulator's categories, as the coordinator records them at acceptance.
  await page.getByLabel("Diagnosis category").selectOption("Orthopedic/Musculoskeletal");
  await page.getByLabel("Diagnosis subcategory").selectOption({ label: "Knee" });
  await page.getByLabel("Treatment category").selectOption("Orthopedic procedure");
  await page.getByLabel("Treatment subcategory").selectOption({ label: "Joint replacement" });
  await page.getByRole("button", { name: "Accept the request for review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The request is accepted for review." })).toBeVisible();
  await expect(page.getByRole("region", { name: "This case" })).toContainText("Accepted for review");
  const caseFile = page.getByRole("region", { name: "The plan's case file" });
  await expect(caseFile).toContainText(/Requested\. Requested .*; due by /);
  await expect(caseFile.getByRole("table", { name: "What the plan's case file must hold" })).toContainText("Criteria or guidelines applied");
  await expect(page.getByRole("table", { name: "Deadlines on this case" })).toContainText("Plan case file due by");
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Accepted for review");

  await waitForEmail(DEMO.patient, new RegExp(`${kase.reference}: your request was accepted for independent review`));
  const toPlan = await waitForEmail(DEMO.evergreenContact, new RegExp(`${kase.reference}: your case file is due by`));
  expect(toPlan).toContain("Policy or contract language");
  expect(toPlan).not.toContain("Knee replacement");
});

test("a request found ineligible gets a notice the coordinator can download", async ({ page, signInPageAs }) => {
  const kase = await filedRequest("Cosmetic eyelid surgery");
  await signInPageAs(DEMO.coordinator);
  await page.goto(`/iro/cases/${kase.id}`);
  await answerChecklist(page, { COVERED_BENEFIT: "The contract excludes cosmetic surgery." });
  await expect(page.getByRole("button", { name: "Accept the request for review" })).toHaveCount(0);

  // No reason: the message sits next to the field.
  await page.getByRole("button", { name: "Find the request ineligible and send the notice" }).click();
  await expect(page.getByText("Say why the request is not eligible: the notice to the applicant and the plan quotes it.")).toBeVisible();
  await expect(page.getByLabel("Why the request is not eligible")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Why the request is not eligible").fill("Your plan's contract excludes cosmetic surgery, so it is not a covered benefit.");
  await page.getByRole("button", { name: "Find the request ineligible and send the notice" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The request was found ineligible." })).toBeVisible();
  await expect(page.getByRole("region", { name: "This case" })).toContainText("Not eligible");
  await expect(page.getByRole("region", { name: "Eligibility", exact: true }).getByRole("table", { name: "Eligibility criteria as answered" })).toContainText(
    "The contract excludes cosmetic surgery.",
  );

  const documents = page.getByRole("table", { name: "Documents on this case" });
  const fileName = `ineligibility-notice-${kase.reference}.pdf`;
  await expect(documents).toContainText(fileName);
  const download = page.waitForEvent("download");
  await documents.getByRole("link", { name: `Download ${fileName}` }).click();
  expect((await download).suggestedFilename()).toBe(fileName);
  const response = await page.request.get(
    await documents
      .getByRole("link", { name: `Download ${fileName}` })
      .getAttribute("href")
      .then(String),
  );
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");

  const email = await waitForEmail(DEMO.patient, new RegExp(`${kase.reference}: your request could not be accepted for review`));
  expect(email).toMatch(/\/documents\/[0-9a-f-]{36}/);
  expect(email).not.toContain("cosmetic");
  await waitForEmail(DEMO.evergreenContact, new RegExp(`${kase.reference}: the request could not be accepted for review`));
});

test("a coordinator asks the applicant for information; a conflicting change keeps what was typed", async ({ page, signInPageAs }) => {
  const kase = await filedRequest("Insulin pump");
  await signInPageAs(DEMO.coordinator);
  await page.goto(`/iro/cases/${kase.id}`);
  const rfi = page.getByRole("region", { name: "Decide" });
  await rfi.getByRole("group", { name: "Who is asked" }).getByLabel("The applicant").check();
  await rfi.getByLabel("What is needed").fill("Please upload your plan's final denial letter.");

  // Another coordinator changes the case in the meantime.
  await bumpCaseVersion(kase.id);
  await rfi.getByRole("button", { name: "Send the request for information" }).click();
  await expect(page.getByRole("alert").filter({ hasText: CONFLICT_MESSAGE })).toBeVisible();
  await expect(rfi.getByLabel("What is needed")).toHaveValue("Please upload your plan's final denial letter.");
  // The page reloads the latest case behind the message: sending again is sent against it.
  const latestVersion = String(kase.version + 1);
  await expect(page.locator('input[name="version"]').first()).toHaveValue(latestVersion);

  await rfi.getByRole("button", { name: "Send the request for information" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The request for information was sent." })).toBeVisible();
  const requests = page.getByRole("region", { name: "Requests for information" });
  await expect(requests).toContainText("Request 1, to the applicant");
  await expect(requests).toContainText("Please upload your plan's final denial letter.");
  await expect(requests).toContainText("Waiting for the answer");
  await expect(requests).toContainText(/Answer due by .+ — \d+ days? left/);
  await expect(page.getByRole("table", { name: "Deadlines on this case" }).getByRole("row").filter({ hasText: "Additional information" })).toContainText(
    "The applicant",
  );
  await expect(rfi.getByLabel("What is needed")).toHaveValue("");

  const email = await waitForEmail(DEMO.patient, new RegExp(`${kase.reference}: more information needed by`));
  expect(email).not.toContain("denial letter");
});

test("the plan objects to eligibility and the coordinator sees the objection", async ({ page, signInPageAs, pageAs }) => {
  const kase = await filedRequest("Sleep study");
  await signInPageAs(DEMO.evergreenStaff);
  await page.goto("/plan");
  await page.getByRole("link", { name: kase.reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${kase.reference}`);
  await expect(page.getByRole("region", { name: "The case", exact: true })).not.toContainText("Sleep study");
  await page.getByLabel("Why the request is not eligible").fill("The member's coverage ended before the study.");
  await page.getByRole("button", { name: "Object to eligibility" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your objection was sent to the review organization." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Objection to eligibility" })).toContainText("The member's coverage ended before the study.");

  const coordinator = await pageAs(DEMO.coordinator);
  await coordinator.goto(`/iro/cases/${kase.id}`);
  await expect(coordinator.getByRole("region", { name: "The plan objects to eligibility" })).toContainText("The member's coverage ended before the study.");
});
