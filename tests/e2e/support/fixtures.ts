import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { createTestUser, deleteTestUser, type TestRole, type TestUser } from "./e2e-db";

export const HOMES: Record<TestRole, { path: string; heading: RegExp }> = {
  APPLICANT: { path: "/requests", heading: /My requests/ },
  COORDINATOR: { path: "/iro", heading: /Deadlines dashboard/ },
  REVIEWER: { path: "/review", heading: /My reviews/ },
  PLAN: { path: "/plan", heading: /Evergreen Health Plan: cases/ },
  ADMIN: { path: "/admin", heading: /Administration/ },
};

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** No accessibility violations that axe can find on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

interface Fixtures {
  /** Every browser console error fails the test, unless the test expects it (`allow`). */
  consoleErrors: { allow: (pattern: RegExp) => void };
  /** Creates a user with this role, signs in as them on `page`, removes them afterwards. */
  loginAs: (role: TestRole) => Promise<TestUser>;
  /** Creates a user without signing in (for login tests). */
  makeUser: (roles: TestRole[]) => Promise<TestUser>;
}

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      // A form that does not validate is answered 400 by design (its messages
      // go next to the fields); Chromium logs that response as an error.
      const allowed: RegExp[] = [/the server responded with a status of 400/];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use({ allow: (pattern) => allowed.push(pattern) });
      expect(errors.filter((error) => !allowed.some((pattern) => pattern.test(error)))).toEqual([]);
    },
    { auto: true },
  ],
  makeUser: async ({}, use) => {
    const created: string[] = [];
    await use(async (roles) => {
      const user = await createTestUser(roles);
      created.push(user.id);
      return user;
    });
    for (const id of created) await deleteTestUser(id);
  },
  loginAs: async ({ page, makeUser }, use) => {
    await use(async (role) => {
      const user = await makeUser([role]);
      await signIn(page, user.email, user.password);
      await expect(page).toHaveURL(new RegExp(`${HOMES[role].path}$`));
      return user;
    });
  },
});

export { expect };
