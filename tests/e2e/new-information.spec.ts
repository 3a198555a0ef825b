import { createCaseInReview, SMALL_PDF } from "#tests/support/case-factories";
import { createReviewer } from "#tests/support/factories";
import { expect, signIn, test } from "./support/fixtures";
import { DEMO, demoParties } from "./support/portal";

// New information after acceptance (issue 18, finding 9): the applicant adds
// a document to her request under review; the plan's staff find it on the
// case, forwarded, with the way to reverse the denial next to it.

test("the applicant adds a document to an accepted request and the plan's user sees it forwarded", async ({ page, browser, makeUser, signInPageAs }) => {
  const reviewer = await createReviewer();
  const kase = await createCaseInReview({ ...(await demoParties()), reviewerIds: [reviewer.id] });

  await signInPageAs(DEMO.patient);
  await page.goto(`/requests/${kase.id}`);
  const adding = page.getByRole("region", { name: "Add documents" });
  // A reviewer is assigned: the window closes the profile's 5 business days later, at the end of a day in the organization's zone.
  await expect(adding).toContainText(/Window closes\s*\w{3} \d{1,2} \w{3} \d{4}, 11:59 PM ET/);
  await expect(adding).toContainText("a document you add now is new information. We send it to your health plan within 1 business day");

  await adding.locator('input[type="file"]').setInputFiles({ name: "cardiology-letter.pdf", mimeType: "application/pdf", buffer: SMALL_PDF });
  await adding.getByLabel("What is this document?").selectOption({ label: "Letter from a doctor" });
  await adding.getByRole("button", { name: "Upload cardiology-letter.pdf" }).click();
  const sent = page.getByRole("table", { name: "Documents you sent" }).getByRole("row").filter({ hasText: "cardiology-letter.pdf" });
  await expect(sent).toContainText("New information, forwarded to the health plan");
  await expect(page.getByRole("region", { name: "What has happened so far" })).toContainText("New information forwarded to the health plan");

  // The plan's staff sign in with their password and second factor.
  const planUser = await makeUser(["PLAN"]);
  const planPage = await (await browser.newContext()).newPage();
  await signIn(planPage, planUser.email, planUser.password, planUser.authenticatorSecret);
  await expect(planPage).toHaveURL(/\/plan$/);
  await planPage.goto(`/plan/cases/${kase.id}`);
  const forwarded = planPage.getByRole("table", { name: "New information forwarded to your plan" });
  const row = forwarded.getByRole("row").filter({ hasText: "cardiology-letter.pdf" });
  await expect(row).toContainText("Letter from a doctor");
  // The "Forwarded to your plan" column: when it was forwarded, short, and in full (year and zone) in its title.
  const forwardedAt = row.getByRole("cell").nth(4);
  await expect(forwardedAt).toHaveText(/^\w{3} \d{1,2} \w{3}( \d{4})?, \d{1,2}:\d{2} [AP]M$/);
  await expect(forwardedAt.locator("time")).toHaveAttribute("title", /^\w{3} \d{1,2} \w{3} \d{4}, \d{1,2}:\d{2} [AP]M E[SD]T$/);
  await expect(row.getByRole("link", { name: "cardiology-letter.pdf" })).toHaveAttribute("href", /^\/documents\//);
  await expect(planPage.getByRole("table", { name: "Deadlines on this case" })).toContainText(/New information forwarded to the plan met on/);

  // From the new information straight to reversing the denial.
  await planPage.getByRole("link", { name: "approve the service yourselves" }).click();
  await expect(planPage).toHaveURL(/#reverse-heading$/);
  await expect(planPage.getByRole("heading", { name: "Approve the service yourselves" })).toBeInViewport();
  await planPage.context().close();
});
