import { expect, test } from "./support/fixtures";

test("an administrator deactivates an account, and that person's open browser is signed out at its next click", async ({ page, loginAs, makeUser, pageAs }) => {
  const coordinator = await makeUser(["COORDINATOR"]);
  const theirs = await pageAs(coordinator);
  await theirs.goto("/iro");
  await expect(theirs.getByRole("heading", { level: 1 })).toHaveText(/Deadlines dashboard/);

  await loginAs("ADMIN");
  await page.goto("/admin/users");
  await page.getByRole("link", { name: coordinator.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(coordinator.name);
  await expect(page.getByRole("table", { name: "Open sessions" }).getByRole("row")).toHaveCount(2);

  await page.getByRole("button", { name: "Deactivate the account" }).click();
  await expect(page.locator("#deactivate-reason-error")).toHaveText(/Say why you deactivate this account/);
  await page.getByLabel("Why deactivate it").fill("Left the organization");
  await page.getByRole("button", { name: "Deactivate the account" }).click();
  await expect(page.getByRole("status")).toContainText("The account is deactivated");
  await expect(page.getByText("Deactivated", { exact: true })).toBeVisible();
  await expect(page.getByText("No open sessions.")).toBeVisible();

  // Their browser, still open on the dashboard: the next page asks them to sign in.
  await theirs.getByRole("link", { name: "Intake" }).first().click();
  await expect(theirs).toHaveURL(/\/login\?redirectTo=/);
  await expect(theirs.getByRole("heading", { level: 1 })).toHaveText("Sign in");
});
