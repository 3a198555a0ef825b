import { db } from "~/server/db.server";
import { authenticatorCode, expect, test } from "./support/fixtures";

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

test("changing roles more than ten minutes after signing in asks for the password and code, then goes back to the page", async ({
  page,
  loginAs,
  makeUser,
}) => {
  const person = await makeUser(["COORDINATOR"]);
  const admin = await loginAs("ADMIN");
  // The administrator signed in a while ago.
  await db.session.updateMany({ where: { userId: admin.id }, data: { authenticatedAt: new Date(Date.now() - 11 * 60_000) } });
  await page.goto(`/admin/users/${person.id}`);
  await page.getByRole("checkbox", { name: "Physician reviewer" }).check();
  await page.getByRole("button", { name: "Change the roles" }).click();
  await expect(page).toHaveURL(new RegExp(`/confirm-identity\\?redirectTo=${encodeURIComponent(`/admin/users/${person.id}`)}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm it is you");

  // As strongly as signing in: the password, and the authenticator app's code.
  await page.getByLabel("Password").fill("not the password");
  await page.getByLabel(/Code from your authenticator app/).fill("123456");
  await page.getByRole("button", { name: "Confirm and go back" }).click();
  await expect(page.locator("#field-password-error")).toContainText("That is not your password.");
  await page.getByLabel("Password").fill(admin.password);
  await page.getByLabel(/Code from your authenticator app/).fill(await authenticatorCode(admin.authenticatorSecret!));
  await page.getByRole("button", { name: "Confirm and go back" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/users/${person.id}$`));

  await page.getByRole("checkbox", { name: "Physician reviewer" }).check();
  await page.getByRole("button", { name: "Change the roles" }).click();
  await expect(page.getByRole("status")).toContainText("The roles are changed");
  await expect(page.locator("dl.summary")).toContainText("Review coordinator, Physician reviewer");
});
