import { expect, test } from "./support/fixtures";

/** A local date in the organization's (default) time zone, `days` from today. */
function newYorkDate(days: number): string {
  const now = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

const decisionStandard = "Decision due after acceptance, standard track: amount";

test("an admin creates a new California version with a shorter decision period", async ({ page, loginAs }) => {
  await loginAs("ADMIN");
  await page.getByRole("link", { name: "Rule profiles" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rule profiles");
  const californiaTable = page.getByRole("table", { name: /California Knox-Keene/ });
  await expect(californiaTable.getByRole("row", { name: /Decision due after acceptance/ })).toContainText("Standard: 30 calendar days; expedited: 72 hours");
  await expect(californiaTable.getByRole("columnheader", { name: /Version 1/ })).toContainText("In force today");

  await page.getByRole("link", { name: /Create a new version of the California/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/New version of the California/);
  await expect(page.getByLabel(decisionStandard)).toHaveValue("30");
  await expect(page.getByLabel("Regulator's name")).toHaveValue("California Department of Managed Health Care");

  // Bad input: each message next to its field, everything else as typed.
  await page.getByLabel("Takes effect on").fill(newYorkDate(-2));
  await page.getByLabel(decisionStandard).fill("0");
  await page.getByLabel("Regulator's name").fill("DMHC Office of Independent Medical Review");
  await page.getByRole("button", { name: "Save the new version" }).click();
  await expect(page.locator("#field-effectiveDate-error")).toContainText("The date cannot be in the past");
  await expect(page.locator("#field-decision-standard-amount-error")).toHaveText(/Enter a whole number of 1 or more/);
  await expect(page.getByLabel(decisionStandard)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Regulator's name")).toHaveValue("DMHC Office of Independent Medical Review");
  await expect(page.getByLabel("Decision due after acceptance, expedited track: amount")).toHaveValue("72");

  await page.getByLabel("Takes effect on").fill(newYorkDate(30));
  await page.getByLabel(decisionStandard).fill("21");
  await page.getByRole("button", { name: "Save the new version" }).click();
  await expect(page).toHaveURL(/\/admin\/rules\?profile=california&created=2$/);
  await expect(page.getByRole("status")).toContainText("Version 2 of the California Knox-Keene Independent Medical Review (DMHC) rules is saved");
  const version2 = californiaTable.getByRole("columnheader", { name: /Version 2/ });
  await expect(version2).toContainText("Scheduled");
  await expect(californiaTable.getByRole("columnheader", { name: /Version 1/ })).toContainText("In force today");
  const decisionRow = californiaTable.getByRole("row", { name: /Decision due after acceptance/ });
  await expect(decisionRow.getByRole("cell").nth(0)).toHaveText("Standard: 21 calendar days; expedited: 72 hours");
  await expect(decisionRow.getByRole("cell").nth(1)).toHaveText("Standard: 30 calendar days; expedited: 72 hours");
  await expect(californiaTable.getByRole("row", { name: /Regulator/ })).toContainText("DMHC Office of Independent Medical Review");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server puts its messages next to the fields and keeps what was typed", async ({ page, loginAs }) => {
    await loginAs("ADMIN");
    await page.goto("/admin/rules/federal/new");
    await page.getByLabel("Takes effect on").fill(newYorkDate(-1));
    await page.getByLabel("Records kept after closing: amount").fill("99");
    await page.getByLabel("Regulator's name").fill("HHS, external review");
    await page.getByRole("button", { name: "Save the new version" }).click();
    await expect(page.locator("#field-effectiveDate-error")).toContainText("The date cannot be in the past");
    await expect(page.locator("#field-recordRetention-amount-error")).toHaveText(/Use at most 30 years/);
    await expect(page.getByLabel("Regulator's name")).toHaveValue("HHS, external review");
    await expect(page.getByLabel("Records kept after closing: amount")).toHaveValue("99");
    await expect(page.getByLabel("Takes effect on")).toHaveValue(newYorkDate(-1));
  });
});

test("an admin adds a holiday, is refused a second one that day, and removes it", async ({ page, loginAs }) => {
  await loginAs("ADMIN");
  await page.getByRole("link", { name: "Holidays" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Holidays");
  await expect(page.getByText("Deadlines already running keep their due dates.")).toBeVisible();

  await page.getByLabel("Year", { exact: true }).selectOption("2031");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("table", { name: "Holidays in 2031" })).toContainText("Independence Day");

  await page.getByLabel("Date").fill("2031-03-12");
  await page.getByLabel("Name").fill("Founders' Day");
  await page.getByRole("button", { name: "Add the holiday" }).click();
  await expect(page.getByRole("status")).toHaveText("Wed 12 Mar 2031 is now a holiday.");
  const row = page.getByRole("row", { name: /Founders' Day/ });
  await expect(row).toContainText("Wed 12 Mar 2031");
  await expect(row).toContainText("Added by an admin");

  await page.getByLabel("Date").fill("2031-03-12");
  await page.getByLabel("Name").fill("Founders' Day again");
  await page.getByRole("button", { name: "Add the holiday" }).click();
  await expect(page.locator("#field-date-error")).toHaveText(/Wed 12 Mar 2031 is already a holiday \(Founders' Day\)/);
  await expect(page.getByLabel("Name")).toHaveValue("Founders' Day again");

  await row.getByRole("link", { name: /Remove/ }).click();
  await expect(page.getByRole("alert")).toContainText("Remove Founders' Day on Wed 12 Mar 2031?");
  await page.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(page.getByRole("status")).toHaveText("Wed 12 Mar 2031 is no longer a holiday.");
  await expect(page.getByRole("table", { name: "Holidays in 2031" })).not.toContainText("Founders' Day");
});

test("an admin sees the organization's time zone", async ({ page, loginAs }) => {
  await loginAs("ADMIN");
  await page.getByRole("link", { name: "Time zone" }).click();
  await expect(page.getByLabel("Organization's time zone")).toHaveValue("America/New_York");
});
