import { db } from "~/server/db.server";
import { purgeConfirmedCases } from "~/server/retention/purge-cases.server";
import { createCase } from "#tests/support/factories";
import { demoParties } from "./support/portal";
import { authenticatorCode, expect, test } from "./support/fixtures";

const YEAR = 365 * 24 * 60 * 60_000;

test("an administrator confirms the purge of an archived case, with the password again, and the night's run leaves its tombstone", async ({
  page,
  loginAs,
}) => {
  const { applicantId, planId } = await demoParties();
  // Closed four years ago under NAIC's three-year retention, and archived since.
  const kase = await createCase({ applicantId, planId, status: "CLOSED" });
  await db.case.update({ where: { id: kase.id }, data: { closedAt: new Date(Date.now() - 4 * YEAR), archivedAt: new Date(Date.now() - YEAR) } });
  const reference = kase.reference!;

  const admin = await loginAs("ADMIN");
  await db.session.updateMany({ where: { userId: admin.id }, data: { authenticatedAt: new Date(Date.now() - 11 * 60_000) } });
  await page.goto("/admin/retention");
  const choose = () => page.getByRole("group", { name: "Cases to purge" }).getByRole("checkbox", { name: reference }).check();
  await choose();
  await page.getByRole("button", { name: "Confirm the purge" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm it is you");
  await page.getByLabel("Password").fill(admin.password);
  await page.getByLabel(/Code from your authenticator app/).fill(await authenticatorCode(admin.authenticatorSecret!));
  await page.getByRole("button", { name: "Confirm and go back" }).click();
  await expect(page).toHaveURL(/\/admin\/retention$/);

  await choose();
  await page.getByRole("button", { name: "Confirm the purge" }).click();
  await expect(page.getByRole("status")).toContainText("The purge is confirmed");
  await expect(page.getByRole("table", { name: "Cases confirmed for purging" }).getByRole("row", { name: new RegExp(reference) })).toBeVisible();

  // The night's retention run.
  await purgeConfirmedCases(new Date());
  await page.reload();
  const tombstone = page.getByRole("table", { name: "Purged cases, latest first" }).getByRole("row", { name: new RegExp(reference) });
  await expect(tombstone).toContainText("Evergreen Health Plan");
  await expect(tombstone).toContainText("Closed");
  await expect(tombstone).toContainText(admin.email);
  await expect(page.getByRole("table", { name: "Cases confirmed for purging" })).toHaveCount(0);
  await expect(page.getByText("No purge is waiting for the next run.")).toBeVisible();
});
