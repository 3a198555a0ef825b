import { createPlanActionCase, SMALL_PDF } from "#tests/support/case-factories";
import { expect, test } from "./support/fixtures";
import { waitForEmail } from "./support/mail";
import { DEMO, demoParties } from "./support/portal";

// The plan portal as plan staff meet it: their cases with their own
// deadlines, the case file sent item by item, compliance with an overturn.
// Cases are made in the database at the stage each test needs.

const day = 86_400_000;

/** A case of the demo patient where Evergreen must act by `dueAt`. */
async function planActionCase(stage: "caseFileRequested" | "overturned", dueAt: Date) {
  return createPlanActionCase({ ...(await demoParties()), stage, dueAt });
}

test("a plan user sends the case file item by item and marks it complete: the deadline is met and the applicant sees the list", async ({
  page,
  pageAs,
  loginAs,
}) => {
  const kase = await planActionCase("caseFileRequested", new Date(Date.now() + 3 * day));
  await loginAs("PLAN");

  // The list: found by the plan's own claim reference among the cases that need action, with the case file's due time.
  await page.getByLabel("Reference, your reference or member ID").fill(`CLM-${kase.reference.slice(-6)}`);
  await page.getByLabel("Only cases that need our action").check();
  await page.getByRole("button", { name: "Show" }).click();
  // The unfiltered list may already hold the case: wait for the filtered one before following its link.
  await expect(page).toHaveURL(/action=needed/);
  const row = page.getByRole("row").filter({ hasText: kase.reference });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Needs your action");
  await expect(row).toContainText(/Plan case file due by .* left/);

  await row.getByRole("link", { name: kase.reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Case ${kase.reference}` })).toBeVisible();

  // One item gets a file with its description; the uploader shows the file, then the item turns to "Sent".
  const letters = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Denial and appeal letters/ }) });
  await letters.locator('input[type="file"]').setInputFiles({ name: "Final denial letter.pdf", mimeType: "application/pdf", buffer: SMALL_PDF });
  await letters.getByLabel("What this file holds").fill("Final denial of 2 March and the appeal decision of 20 March.");
  await letters.getByRole("button", { name: "Upload Final denial letter.pdf" }).click();
  await expect(letters.getByRole("link", { name: "Final denial letter.pdf" })).toBeVisible();
  await expect(letters.getByRole("heading", { name: /Denial and appeal letters/ })).toContainText("Sent");

  // Complete without the plan's reason for the denial: refused, the message next to the field.
  await page.getByRole("button", { name: "Case file complete" }).click();
  await expect(page.locator("#complete-denialReason-error")).toContainText("Say why your plan denied the service, in its own words");
  const reason = "Lumbar fusion does not meet medical policy MP-114: six months of supervised physical therapy are not documented.";
  await page.getByLabel("Why your plan denied the service").fill(reason);

  // Complete with items still missing: refused, the reason next to the checklist, and the plan's words kept.
  await page.getByRole("button", { name: "Case file complete" }).click();
  await expect(page.locator("#complete-error")).toContainText("Still missing: medical records the plan used");
  await expect(page.getByLabel("Why your plan denied the service")).toHaveValue(reason);
  for (const item of [
    "Medical records the plan used",
    "Criteria or guidelines applied",
    "Policy or contract language",
    "Expert opinions received",
    "List of what was sent, given to the applicant",
  ]) {
    await page.getByRole("checkbox", { name: item }).check();
  }
  await page.getByRole("button", { name: "Case file complete" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your case file is marked complete" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Deadlines on this case" })).toContainText(/Plan case file met on/);
  await expect(page.getByRole("button", { name: "Case file complete" })).toHaveCount(0);
  // The plan's reason is on file, at the top of the page, and the timeline shows the file came in from the plan.
  await expect(page.getByRole("region", { name: "What is disputed" })).toContainText(reason);
  await expect(page.getByRole("region", { name: "Timeline" }).getByRole("listitem").last()).toContainText("The health plan's case file completed");
  await expect(page.getByRole("region", { name: "Timeline" }).getByRole("listitem").last()).toContainText("Your plan");

  // The applicant sees what the plan sent, with the plan's description.
  const applicant = await pageAs(DEMO.patient);
  await applicant.goto(`/requests/${kase.id}`);
  const fromPlan = applicant.getByRole("table", { name: /Documents from your health plan/ });
  await expect(fromPlan).toContainText("Final denial letter.pdf");
  await expect(fromPlan).toContainText("Final denial of 2 March and the appeal decision of 20 March.");
});

test("a plan user downloads the decision letter and confirms compliance with an overturn in time", async ({ page, loginAs }) => {
  const kase = await planActionCase("overturned", new Date(Date.now() + 2 * day));
  await loginAs("PLAN");
  await page.goto(`/plan/cases/${kase.id}`);
  await expect(page.getByRole("region", { name: "Decision", exact: true })).toContainText(
    "The denial is overturned: the plan must approve or pay for the service.",
  );

  const letter = page.getByRole("link", { name: "Download the decision letter (PDF)" });
  const download = await page.request.get((await letter.getAttribute("href"))!);
  expect(download.status(), await download.text()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");

  const compliance = page.getByRole("region", { name: "Compliance with the decision" });
  await expect(compliance).toContainText(/Plan compliance due by .* left/);

  // Nothing filled in: each message next to its field, nothing sent.
  await page.getByRole("button", { name: "Confirm compliance" }).click();
  await expect(page.locator("#field-implementedOn-error")).toContainText("Enter the date the decision was implemented");
  await expect(page.locator("#field-authorizationNumber-error")).toContainText("Enter the authorization or claim number");

  await page.getByLabel("Date implemented").fill(new Date().toISOString().slice(0, 10));
  await page.getByLabel("Authorization or claim number").fill("AUTH-2026-0042");
  await page.getByLabel("Note (optional)").fill("Approved 12 sessions of cardiac rehabilitation.");
  await page.getByRole("button", { name: "Confirm compliance" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your confirmation of compliance was recorded and the case is closed." })).toBeVisible();
  await expect(compliance).toContainText("Confirmed in time");
  await expect(compliance).toContainText("AUTH-2026-0042");
  await expect(page.getByRole("region", { name: "Where the case stands" })).toContainText("Closed");
});

test("a late confirmation of compliance is flagged to the coordinators", async ({ page, pageAs, loginAs }) => {
  const kase = await planActionCase("overturned", new Date(Date.now() - day));
  await loginAs("PLAN");
  await page.goto(`/plan/cases/${kase.id}`);
  await expect(page.getByText("The due time has passed: your confirmation will be recorded as late")).toBeVisible();
  await page.getByLabel("Date implemented").fill(new Date().toISOString().slice(0, 10));
  await page.getByLabel("Authorization or claim number").fill("AUTH-LATE-7");
  await page.getByRole("button", { name: "Confirm compliance" }).click();
  await expect(page.getByRole("status").filter({ hasText: "after its due time" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Compliance with the decision" })).toContainText("Confirmed late");

  // The coordinator is told by email and sees the missed compliance deadline on the case.
  const mail = await waitForEmail(DEMO.coordinator, new RegExp(`(?=[\\s\\S]*${kase.reference})[\\s\\S]*confirmed compliance late`));
  expect(mail).toContain("flagged");
  const coordinator = await pageAs(DEMO.coordinator);
  await coordinator.goto(`/iro/cases/${kase.id}`);
  await expect(coordinator.getByRole("table", { name: "Deadlines on this case" })).toContainText(/Plan compliance missed/);
});
