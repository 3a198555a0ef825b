import type { Page } from "@playwright/test";
import { db } from "~/server/db.server";
import { expect, signIn, test } from "./support/fixtures";

/** Chromium's virtual authenticator: a platform passkey that verifies the user without a prompt, as a fingerprint reader would. */
async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

test("a coordinator adds a passkey and then signs in with it instead of a code", async ({ page, makeUser }) => {
  const user = await makeUser(["COORDINATOR"]);
  await addVirtualAuthenticator(page);
  await signIn(page, user.email, user.password, user.authenticatorSecret);
  await expect(page).toHaveURL(/\/iro$/);

  await page.goto("/account/second-factor");
  await page.getByLabel("Name for this passkey").fill("Work laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("row", { name: /Work laptop/ })).toBeVisible();
  // The authenticator app came first with its recovery codes; a passkey added later keeps them.
  await expect(page.getByText("10 of your recovery codes are unused")).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, user.email, user.password);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm it is you");
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page).toHaveURL(/\/iro$/);
  await page.goto("/account/second-factor");
  await expect(page.getByRole("row", { name: /Work laptop/ })).not.toContainText("Not yet");

  // Before a sensitive action, long after signing in, the passkey confirms it is them too.
  await db.session.updateMany({ where: { userId: user.id }, data: { authenticatedAt: new Date(Date.now() - 11 * 60_000) } });
  await page.goto("/confirm-identity?redirectTo=%2Firo%2Fqueue");
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page).toHaveURL(/\/iro\/queue$/);
});

test("a wrong code is answered next to the field, and the page stays signed out", async ({ page, makeUser }) => {
  const user = await makeUser(["PLAN"]);
  await signIn(page, user.email, user.password);
  await page.getByLabel(/Code from your authenticator app/).fill("000000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("#field-code-error")).toContainText("That code is not right");
  await page.goto("/plan");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fplan$/);
});
