import crypto from "node:crypto";
import { createPlanActionCase } from "#tests/support/case-factories";
import { expect, test } from "./support/fixtures";
import { DEMO, demoParties } from "./support/portal";

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

test("a coordinator finds a case by the plan's claim number, and is told when nothing matches", async ({ page, signInPageAs }) => {
  const claim = `CLM-${crypto.randomBytes(3).toString("hex").toUpperCase()}`;
  const kase = await createPlanActionCase({ ...(await demoParties()), stage: "caseFileRequested", dueAt: new Date(Date.now() + 3 * 86_400_000), claim });
  await signInPageAs(DEMO.coordinator);
  await page.goto("/iro");
  const filters = page.getByRole("form", { name: "Filter the cases" });

  await filters.getByLabel("Reference, patient, member ID or claim number").fill(claim.toLowerCase());
  await filters.getByRole("button", { name: "Show" }).click();
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole("link", { name: kase.reference! })).toBeVisible();

  await filters.getByLabel("Reference, patient, member ID or claim number").fill(`${claim}-NONE`);
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("heading", { name: "No cases match" })).toBeVisible();
  await expect(page.getByText(`No case matches “${claim}-NONE”`)).toBeVisible();
});
