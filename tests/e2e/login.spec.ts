import { DEMO_AUTHENTICATOR_SECRET } from "#prisma/seed/demo-accounts";
import { authenticatorCode, expect, HOMES, signIn, test } from "./support/fixtures";
import { DEMO } from "./support/portal";

// Signing in as people do: typing an email and a password. Every other test
// signs in with a session made for it (the loginAs and pageAs fixtures).

test("a wrong password answers like an unknown email and keeps the email typed", async ({ page, makeUser }) => {
  const user = await makeUser(["APPLICANT"]);
  await signIn(page, user.email, "not the password at all");
  await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
  await expect(page.getByLabel("Email address")).toHaveValue(user.email);
  await signIn(page, "nobody-here@test.example", "not the password at all");
  await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
});

test("empty fields get a message next to each of them", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#field-email-error")).toHaveText(/Enter your email address/);
  await expect(page.locator("#field-password-error")).toHaveText(/Enter your password/);
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server puts its messages next to the fields and keeps the values", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("Your full name").fill("Rosa Diaz");
    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByLabel("Choose a password").fill("short");
    await page.getByLabel("Type the password again").fill("short");
    await page.getByRole("button", { name: "Create my account" }).click();
    await expect(page.locator("#field-email-error")).toHaveText(/Enter an email address like name@example.com/);
    await expect(page.locator("#field-password-error")).toHaveText(/Use at least 12 characters/);
    await expect(page.getByLabel("Your full name")).toHaveValue("Rosa Diaz");
    await expect(page.getByLabel("Email address")).toHaveValue("not-an-email");
  });
});

test("sign out everywhere ends the sessions in other browsers too", async ({ page, browser, makeUser }) => {
  const user = await makeUser(["REVIEWER"]);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, user.email, user.password, user.authenticatorSecret);
  await expect(otherPage).toHaveURL(/\/review$/);
  await signIn(page, user.email, user.password, user.authenticatorSecret);
  await expect(page).toHaveURL(/\/review$/);
  await page.goto("/account");
  await expect(page.getByRole("row")).toHaveCount(3);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await otherPage.goto("/review");
  await expect(otherPage).toHaveURL(/\/login\?redirectTo=/);
  await other.close();
});

test("signed-out visitors are sent to sign in, then back where they were going", async ({ page, makeUser }) => {
  const user = await makeUser(["COORDINATOR"]);
  await page.goto("/iro");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Firo$/);
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel(/Code from your authenticator app/).fill(await authenticatorCode(user.authenticatorSecret!));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/iro$/);
});

test("the demo coordinator from the README can sign in, with the published authenticator secret", async ({ page }) => {
  await signIn(page, DEMO.coordinator, DEMO.password, DEMO_AUTHENTICATOR_SECRET);
  await expect(page).toHaveURL(new RegExp(`${HOMES.COORDINATOR.path}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deadlines dashboard");
});
