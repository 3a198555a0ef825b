import type { Role } from "~/domain/roles";
import { expect, HOMES, test } from "./support/fixtures";

// Which pages each role may open is checked route by route in
// tests/integration/role-pages.test.ts; here each role meets its home.
for (const role of Object.keys(HOMES) as Role[]) {
  test(`a ${role.toLowerCase()} lands on their own home, with one main heading and who is signed in`, async ({ page, loginAs }) => {
    const user = await loginAs(role);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(HOMES[role].heading);
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.getByText(`Signed in as ${user.name}`)).toBeVisible();
    await expect(page.getByRole("main")).toBeVisible();
  });
}
