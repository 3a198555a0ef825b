import { createCaseInReview, SMALL_PDF } from "#tests/support/case-factories";
import { expect, test, type TestUser } from "./support/fixtures";
import { DEMO, demoParties } from "./support/portal";

// The reviewer's case page as a workspace: the case file beside the
// determination, the draft saved as they type, and their time logged for billing.

async function caseInReview(reviewer: TestUser) {
  return createCaseInReview({
    ...(await demoParties()),
    reviewerIds: [reviewer.id],
    files: [{ fileName: "hospital-records.pdf", contentType: "application/pdf", kind: "MEDICAL_RECORDS", bytes: SMALL_PDF }],
    details: { serviceDescription: "Cardiac rehabilitation program" },
  });
}

test("on a wide screen the case file and the determination are side by side, the determination staying in view; on a phone they stack", async ({
  page,
  makeUser,
  signInPageAs,
}) => {
  const reviewer = await makeUser(["REVIEWER"]);
  const kase = await caseInReview(reviewer);
  await signInPageAs(reviewer);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/review/cases/${kase.id}`);
  const reading = page.getByRole("heading", { name: "The case file", exact: true });
  const determination = page.getByRole("heading", { name: "Your determination" });
  await reading.scrollIntoViewIfNeeded();
  await expect(reading).toBeInViewport();
  await expect(determination).toBeInViewport();
  const [left, right] = [await reading.boundingBox(), await determination.boundingBox()];
  expect(right!.x).toBeGreaterThan(left!.x + left!.width);
  const widerThanWindow = () => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  expect(await widerThanWindow()).toBe(false);

  // Scrolling down the case file keeps the form where it was, and the form scrolls on its own.
  await page.getByRole("heading", { name: "Your private notes" }).scrollIntoViewIfNeeded();
  await expect(page.getByLabel("Principal reasons")).toBeInViewport();
  await page.getByLabel("Your full name, as your signature").scrollIntoViewIfNeeded();
  await expect(page.getByLabel("Your full name, as your signature")).toBeInViewport();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/review/cases/${kase.id}`);
  const caseFile = await page.getByRole("heading", { name: "The case file", exact: true }).boundingBox();
  const form = await determination.boundingBox();
  expect(form!.y).toBeGreaterThan(caseFile!.y);
  expect(Math.abs(form!.x - caseFile!.x)).toBeLessThan(2);
  expect(await widerThanWindow()).toBe(false);
});

test("the draft saves itself a couple of seconds after the reviewer stops typing, and is there after a reload", async ({ page, makeUser, signInPageAs }) => {
  const reviewer = await makeUser(["REVIEWER"]);
  const kase = await caseInReview(reviewer);
  await signInPageAs(reviewer);
  await page.goto(`/review/cases/${kase.id}`);
  const status = page.getByRole("status").filter({ hasText: /saved/ });
  await expect(status).toHaveText("Your draft is saved as you write.");

  await page.getByLabel("Principal reasons").fill("Rehabilitation is the standard of care after a myocardial infarction.");
  await page.getByRole("radio", { name: "Overturn the denial", exact: true }).check();
  await expect(status).toHaveText(/^Draft saved at \d{1,2}:\d{2} [AP]M E[SD]T\.$/);

  // A year that cannot be right is not saved, and the status says why.
  await page.getByRole("group", { name: "Item 1" }).getByLabel("Year").fill("21");
  await expect(page.getByRole("status").filter({ hasText: "Not saved" })).toHaveText(/^Not saved: Enter a year from 1900 to \d{4}, like 2021\.$/);
  await page.getByRole("group", { name: "Item 1" }).getByLabel("Year").fill("2021");
  await expect(page.getByRole("status").filter({ hasText: /^Draft saved at/ })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Principal reasons")).toHaveValue("Rehabilitation is the standard of care after a myocardial infarction.");
  await expect(page.getByRole("radio", { name: "Overturn the denial", exact: true })).toBeChecked();
  await expect(page.getByRole("group", { name: "Item 1" }).getByLabel("Year")).toHaveValue("2021");
  await expect(page.getByRole("status").filter({ hasText: /^Last saved/ })).toBeVisible();
});

test("the reviewer logs 45 minutes of records review and sees the total; the coordinator sees it on the case page", async ({
  page,
  makeUser,
  pageAs,
  signInPageAs,
}) => {
  const reviewer = await makeUser(["REVIEWER"]);
  const kase = await caseInReview(reviewer);
  await signInPageAs(reviewer);
  await page.goto(`/review/cases/${kase.id}`);
  const log = page.getByRole("form", { name: "Log time" });
  await log.getByLabel("Minutes spent").fill("0");
  await log.getByRole("button", { name: "Log the time" }).click();
  await expect(log.getByText("Enter whole minutes from 1 to 600 (10 hours) for one entry.")).toBeVisible();
  await log.getByLabel("Minutes spent").fill("45");
  await log.getByLabel("Activity (optional)").fill("records review");
  await log.getByRole("button", { name: "Log the time" }).click();
  await expect(page.getByText("Your time was logged.")).toBeVisible();
  await expect(page.getByText("You have logged 45 minutes on this case.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "records review" })).toContainText("45 minutes");

  // Changed to 50 minutes, then back: the total follows.
  await page.getByRole("link", { name: "Change the entry of 45 minutes" }).click();
  const change = page.getByRole("form", { name: "Change the entry" });
  await change.getByLabel("Minutes spent").fill("50");
  await change.getByRole("button", { name: "Save the change" }).click();
  await expect(page.getByText("You have logged 50 minutes on this case.")).toBeVisible();

  const coordinator = await pageAs(DEMO.coordinator);
  await coordinator.goto(`/iro/cases/${kase.id}`);
  const time = coordinator.getByRole("region", { name: "Reviewers' time" });
  await expect(time.getByRole("row").filter({ hasText: reviewer.name })).toContainText("50 minutes");
});
