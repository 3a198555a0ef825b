import { expect, expectAccessible, HOMES, test } from "./support/fixtures";
import type { TestRole } from "./support/e2e-db";

const ROLES = Object.keys(HOMES) as TestRole[];

for (const role of ROLES) {
  test(`a ${role.toLowerCase()} lands on their own home, which passes an accessibility check`, async ({ page, loginAs }) => {
    const user = await loginAs(role);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(HOMES[role].heading);
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.getByText(`Signed in as ${user.name}`)).toBeVisible();
    await expect(page.getByRole("main")).toBeVisible();
    await expectAccessible(page);
  });
}

// Every role against every home: its own answers 200, the others 403.
const ADMIN_PAGES = ["/admin", "/admin/users", "/admin/users/invite", "/admin/audit", "/admin/outbox", "/admin/rules", "/admin/holidays", "/admin/settings"];
const PAGES = ["/requests", "/iro", "/iro/reports", "/review", "/plan", ...ADMIN_PAGES, "/account"];
const ALLOWED: Record<TestRole, string[]> = {
  APPLICANT: ["/requests", "/account"],
  COORDINATOR: ["/iro", "/iro/reports", "/account"],
  REVIEWER: ["/review", "/account"],
  PLAN: ["/plan", "/account"],
  ADMIN: [...ADMIN_PAGES, "/iro/reports", "/account"],
};

for (const role of ROLES) {
  test(`a ${role.toLowerCase()} reaches exactly the pages of their role`, async ({ page, loginAs }) => {
    await loginAs(role);
    for (const path of PAGES) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), `${role} GET ${path}`).toBe(ALLOWED[role].includes(path) ? 200 : 403);
    }
  });
}

test("signed-out visitors are sent to sign in, then back where they were going", async ({ page, makeUser }) => {
  const user = await makeUser(["COORDINATOR"]);
  await page.goto("/iro");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Firo$/);
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/iro$/);
});

test("the demo coordinator from the README can sign in", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email address").fill("coordinator@imr.example");
  await page.getByLabel("Password", { exact: true }).fill("Demo-password-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deadlines dashboard");
});
