import fs from "node:fs";
import type { Download, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { DEMO } from "./support/portal";

const DAY = 86_400_000;
// The organization's dates (the demo runs in New York time).
const newYorkDate = (instant: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(instant);
const TIMELINESS_HEADER = "Rule profile code,Rule profile,Track,Dispute type,Decided,Decided on time,Decided late,On time (%),Median days,95th percentile days";
const EXPORT_HEADER =
  "Reference ID,Year,Diagnosis category,Diagnosis subcategory,Treatment category,Treatment subcategory,Determination,Type,Age range,Gender,Expedited or standard,Days to review,Days to adopt,Findings";

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return { download, text: fs.readFileSync(await download.path(), "utf8") };
}

test.beforeEach(async ({ page, signInPageAs }) => {
  await signInPageAs(DEMO.coordinator);
  await page.goto("/iro");
});

test("a coordinator reads the timeliness report for a range they choose and downloads it", async ({ page }) => {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reports");
  await page.getByRole("link", { name: "Open the timeliness report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Timeliness report");
  await expect(page.getByLabel("Decided from")).toHaveValue(/^\d{4}-\d{2}-01$/);

  // A range the wrong way round: the message sits by the last day, and both dates stay as typed.
  const today = newYorkDate(new Date());
  const twoMonthsAgo = newYorkDate(new Date(Date.now() - 60 * DAY));
  await page.getByLabel("Decided from").fill(today);
  await page.getByLabel("Decided to (included)").fill(twoMonthsAgo);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("The last day must be on or after the first day.")).toBeVisible();
  await expect(page.getByLabel("Decided to (included)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Decided from")).toHaveValue(today);
  await expect(page.getByLabel("Decided to (included)")).toHaveValue(twoMonthsAgo);

  // The demo's proton beam therapy case was decided 18 days ago, within its 40-day clock.
  await page.getByLabel("Decided from").fill(twoMonthsAgo);
  await page.getByLabel("Decided to (included)").fill(today);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${twoMonthsAgo}&to=${today}$`));
  const decisions = page.getByRole("table", { name: /Decisions by rule profile/ });
  const row = decisions.getByRole("row").filter({ hasText: "Experimental/Investigational" });
  await expect(row).toContainText("NAIC Uniform Health Carrier External Review Model Act");
  await expect(row).toContainText("Standard");

  const { download, text } = await downloaded(page, () => page.getByRole("link", { name: "Download as CSV" }).click());
  expect(download.suggestedFilename()).toBe(`imr-timeliness-${twoMonthsAgo}-to-${today}.csv`);
  const lines = text.split("\r\n");
  expect(lines[0]).toBe(TIMELINESS_HEADER);
  expect(lines.some((line) => line.startsWith("naic,NAIC Uniform Health Carrier External Review Model Act,Standard,Experimental/Investigational,"))).toBe(true);
});

test("a coordinator downloads the yearly export for regulators, without names", async ({ page }) => {
  await page.goto("/iro/reports");
  const yearOfDemoDecision = newYorkDate(new Date(Date.now() - 18 * DAY)).slice(0, 4);
  await page.getByLabel("Year decided").selectOption(yearOfDemoDecision);
  const { download, text } = await downloaded(page, () => page.getByRole("button", { name: "Download the export (CSV)" }).click());
  expect(download.suggestedFilename()).toBe(`imr-regulator-export-${yearOfDemoDecision}.csv`);
  const [header, ...rows] = text.trimEnd().split("\r\n");
  expect(header).toBe(EXPORT_HEADER);
  // Eleanor Carter, born 1948, filed about 40 days ago: 65 or over, upheld, experimental; the categories chosen at
  // acceptance, the days from the determination to the decision and the findings written at quality review.
  expect(rows.some((line) => /^[^,]+,\d{4},[^,]+,.*,Upheld,Experimental\/Investigational,65\+,Female,Standard,\d+,\d+,"?\w/.test(line))).toBe(true);
  expect(text).not.toContain("Eleanor");
  expect(text).not.toContain("Carter");
  // The page is still there after the download.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reports");
});
