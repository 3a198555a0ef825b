import crypto from "node:crypto";
import { authenticatorCode, expect, signIn, test } from "./support/fixtures";
import { linkIn, waitForEmail } from "./support/mail";

test("an applicant signs up and confirms the email from the link, which signs them in", async ({ page }) => {
  const email = `new-applicant-${crypto.randomBytes(4).toString("hex")}@test.example`;
  await page.goto("/signup");
  await page.getByLabel("Your full name").fill("Rosa Diaz");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Choose a password").fill("a long enough password");
  await page.getByLabel("Type the password again").fill("a long enough password");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");

  await signIn(page, email, "a long enough password");
  await expect(page.getByRole("alert")).toContainText("Confirm your email address first");

  // Signing in unconfirmed sent a second link, which replaced the first.
  const message = await waitForEmail(email, /Subject: Confirm your email address/, 2);
  await page.goto(linkIn(message, "/verify-email"));
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page).toHaveURL(/\/requests\?notice=email-verified$/);
  await expect(page.getByText("Your email address is confirmed, and you are signed in.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My requests");
});

test("an admin invites a reviewer, who sets a password from the emailed link", async ({ page, browser, loginAs }) => {
  await loginAs("ADMIN");
  const email = `invited-${crypto.randomBytes(4).toString("hex")}@test.example`;
  await page.goto("/admin/users/invite");
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.locator("#field-name-error")).toHaveText(/Enter the person's full name/);
  await expect(page.locator("#roles-error")).toHaveText(/Choose at least one role/);
  await page.getByLabel("Full name").fill("Dr. Ines Laurent");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Physician reviewer").check();
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${email}`);
  await expect(page.getByRole("row", { name: /Dr. Ines Laurent/ })).toContainText("Invited, not yet active");

  const message = await waitForEmail(email, /Subject: You are invited/);
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(linkIn(message, "/invitation"));
  await invitee.getByLabel("New password").fill("my reviewer password");
  await invitee.getByLabel("Type the password again").fill("my reviewer password");
  await invitee.getByRole("button", { name: "Set my password" }).click();
  await expect(invitee.getByText("Your password is set")).toBeVisible();
  await signIn(invitee, email, "my reviewer password");
  // Staff set up a second factor at their first sign-in: here an authenticator app, from the secret shown.
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Set up your second factor");
  const secret = await invitee.locator("code.secret").textContent();
  await invitee.getByLabel("Code from the app").fill(await authenticatorCode(secret!));
  await invitee.getByRole("button", { name: "Confirm and continue" }).click();
  await expect(invitee.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await invitee.getByRole("link", { name: /I have kept my codes/ }).click();
  await expect(invitee).toHaveURL(/\/review$/);
});

test("a password reset link works once", async ({ page, makeUser }) => {
  const user = await makeUser(["PLAN"]);
  await page.goto("/forgot-password");
  await page.getByLabel("Email address").fill(user.email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  const link = linkIn(await waitForEmail(user.email, /Subject: Reset your password/), "/reset-password");
  await page.goto(link);
  await page.getByLabel("New password").fill("a brand new password");
  await page.getByLabel("Type the password again").fill("a brand new password");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await signIn(page, user.email, "a brand new password", user.authenticatorSecret);
  await expect(page).toHaveURL(/\/plan$/);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
});
