import { expect, test } from "./support/fixtures";
import { DEMO } from "./support/portal";

/** A local date in the organization's (default) time zone, `days` from today. */
function newYorkDate(days: number): string {
  const instant = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

test("an administrator adds a license and an affiliation to a reviewer, and the coordinator sees the license flagged", async ({
  page,
  makeUser,
  signInPageAs,
  pageAs,
}) => {
  const reviewer = await makeUser(["REVIEWER"]);
  await signInPageAs(DEMO.coordinator);
  await page.goto("/iro");
  // The demo orthopaedic surgeon's verification falls due within 30 days. The
  // panel shows the ten most pressing (reviewers other tests made, never
  // verified, come first), so she is found through its link to the roster.
  const reminder = page.getByRole("region", { name: "Reviewer credentials due for re-verification within 30 days" });
  await reminder.getByRole("link", { name: /on the roster/ }).click();
  await expect(page.getByLabel("Flag")).toHaveValue("reverification");
  await page.getByLabel("Specialty").selectOption({ label: "Orthopaedic surgery" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("table")).toContainText("Dr. Helen Park");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reviewer roster" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reviewer roster");
  await expect(page.getByRole("table")).toContainText("Dr. Priya Raman");

  // Credentials are an administrator's to change: the coordinator reads them.
  await page.goto(`/iro/roster/${reviewer.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(reviewer.name);
  await expect(page.getByRole("region", { name: "Licenses" }).getByText("Only an administrator changes credentials and disciplinary records.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add the license" })).toHaveCount(0);
  const admin = await pageAs(await makeUser(["ADMIN"]));
  await admin.goto(`/iro/roster/${reviewer.id}`);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(reviewer.name);

  // Bad input: the messages sit by their fields and what was typed stays.
  const licenses = admin.getByRole("region", { name: "Licenses" });
  await licenses.getByLabel("License number").fill("A654321");
  await licenses.getByRole("button", { name: "Add the license" }).click();
  await expect(licenses.getByText("Choose the state that issued the license.")).toBeVisible();
  await expect(licenses.getByText("Enter the date the license expires.")).toBeVisible();
  await expect(licenses.getByLabel("License number")).toHaveValue("A654321");

  const expiresOn = newYorkDate(10);
  await licenses.getByLabel("State").selectOption({ label: "California" });
  await licenses.getByLabel("License expires on").fill(expiresOn);
  await licenses.getByRole("button", { name: "Add the license" }).click();
  await expect(admin.getByRole("status")).toHaveText("The license is added.");
  const licenseRow = licenses.getByRole("row").filter({ hasText: "A654321" });
  await expect(licenseRow).toContainText("California");
  await expect(licenseRow).toContainText("Active, unrestricted");
  await expect(admin.getByText(/^License in CA expires /)).toBeVisible();

  const affiliations = admin.getByRole("region", { name: "Declared affiliations" });
  await affiliations.getByLabel("Kind of tie").selectOption({ label: "Health plan" });
  await affiliations.getByLabel("One of the plans we serve (health plans only)").selectOption({ label: "Evergreen Health Plan" });
  await affiliations.getByLabel("Identifier (optional)").fill("12-3456789");
  await affiliations.getByRole("button", { name: "Declare the affiliation" }).click();
  await expect(admin.getByRole("status")).toHaveText("The affiliation is declared.");
  const tie = affiliations.getByRole("row").filter({ hasText: "12-3456789" });
  await expect(tie).toContainText("Evergreen Health Plan");
  await expect(tie).toContainText("A plan we serve");

  // The roster's flag filter finds the reviewer by the license about to expire.
  await page.goto("/iro/roster");
  await page.getByLabel("Flag").selectOption({ label: "License or certification expiring within 30 days" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/flag=expiring/);
  const row = page.getByRole("row").filter({ hasText: reviewer.email });
  await expect(row).toContainText(/License in CA expires/);
  await expect(row).toContainText(/CA, until .*active, unrestricted/);
});

test("a reviewer adds an unavailable period on their profile", async ({ page, signInPageAs }) => {
  await signInPageAs(DEMO.cardiologist);
  await page.goto("/review");
  await page.getByRole("link", { name: "Your availability and affiliations" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My profile");
  await expect(page.getByRole("cell", { name: "Bay Cardiology Associates", exact: true })).toBeVisible();

  // Far ahead, so the demo's matching is unaffected.
  const startsOn = newYorkDate(200);
  const endsOn = newYorkDate(205);
  const periods = page.getByRole("region", { name: "Unavailable periods" });
  await periods.getByLabel("First day away").fill(endsOn);
  await periods.getByLabel("Last day away").fill(startsOn);
  await periods.getByLabel("Note (optional)").fill("Medical conference");
  await periods.getByRole("button", { name: "Add the period" }).click();
  await expect(periods.getByText("The last day must be on or after the first day.")).toBeVisible();
  await expect(periods.getByLabel("Note (optional)")).toHaveValue("Medical conference");

  await periods.getByLabel("First day away").fill(startsOn);
  await periods.getByLabel("Last day away").fill(endsOn);
  await periods.getByRole("button", { name: "Add the period" }).click();
  await expect(page.getByRole("status")).toHaveText("The unavailable period is added.");
  const row = periods.getByRole("row").filter({ hasText: "Medical conference" });
  await expect(row).toBeVisible();
  await expect(periods.getByLabel("Note (optional)")).toHaveValue("");

  await row.getByRole("button", { name: /^Remove the period from/ }).click();
  await expect(page.getByRole("status")).toHaveText("The unavailable period is removed.");
  await expect(periods.getByRole("row").filter({ hasText: "Medical conference" })).toHaveCount(0);
});
