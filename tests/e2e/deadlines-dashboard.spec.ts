import { expect, test } from "./support/fixtures";
import { DEMO } from "./support/portal";

test("a coordinator narrows the dashboard to overdue cases, then to standard-track ones, and clears the filters", async ({ page, signInPageAs }) => {
  await signInPageAs(DEMO.coordinator);
  await page.goto("/iro");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deadlines dashboard");
  const filters = page.getByRole("form", { name: "Filter the cases" });
  const cases = page.getByRole("table");
  const timeCells = cases.locator("tbody tr td:nth-child(3)");
  const trackCells = cases.locator("tbody tr td:nth-child(5)");

  // The demo data has cases on track and at risk as well as overdue ones.
  await expect(timeCells.filter({ hasNotText: "Overdue" }).first()).toBeVisible();

  await filters.getByLabel("Time").selectOption({ label: "Overdue" });
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/risk=overdue/);
  await expect(timeCells.first()).toContainText("Overdue");
  await expect(timeCells.filter({ hasNotText: "Overdue" })).toHaveCount(0);
  await expect(filters.getByLabel("Time")).toHaveValue("overdue");

  await filters.getByLabel("Track").selectOption({ label: "Standard" });
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/track=STANDARD/);
  await expect(filters.getByLabel("Time")).toHaveValue("overdue");
  await expect(trackCells.first()).toHaveText("Standard");
  await expect(trackCells.filter({ hasText: "Expedited" })).toHaveCount(0);
  await expect(timeCells.filter({ hasNotText: "Overdue" })).toHaveCount(0);

  await filters.getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/iro$/);
  // The fields show that no filter applies any more.
  await expect(filters.getByLabel("Time")).toHaveValue("");
  await expect(filters.getByLabel("Track")).toHaveValue("");
  await expect(timeCells.filter({ hasNotText: "Overdue" }).first()).toBeVisible();
});
