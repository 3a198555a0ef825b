import { LOGO_TOO_BIG, LOGO_WRONG_TYPE } from "~/domain/organization-branding";
import { db } from "~/server/db.server";
import { solidPng } from "#tests/support/images";
import { expect, test } from "./support/fixtures";

const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');

// Every page's header shows what is set here: the other specs expect none.
test.afterEach(async () => {
  await db.organizationBranding.deleteMany();
});

test("an administrator names the organization and uploads its logo; a coordinator sees it in the header", async ({ page, loginAs, makeUser, pageAs }) => {
  await loginAs("ADMIN");
  await page.goto("/admin/settings");
  const form = page.getByRole("form", { name: "Organization" });
  const save = form.getByRole("button", { name: "Save the name and logo" });

  await form.getByLabel("Organization name").fill("K".repeat(121));
  await save.click();
  await expect(page.locator("#field-name-error")).toHaveText(/Shorten the name to 120 characters or fewer\./);

  await form.getByLabel("Organization name").fill("Keystone Review");
  await form.getByLabel("Logo (optional)").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: SVG });
  await save.click();
  await expect(page.locator("#field-logo-error")).toHaveText(new RegExp(LOGO_WRONG_TYPE.replace(/[.()]/g, "\\$&")));
  await expect(form.getByLabel("Organization name")).toHaveValue("Keystone Review");

  await form
    .getByLabel("Logo (optional)")
    .setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.concat([solidPng(8, [0, 0, 0]), Buffer.alloc(200 * 1024)]) });
  await save.click();
  await expect(page.locator("#field-logo-error")).toHaveText(new RegExp(LOGO_TOO_BIG.replace(/[.()]/g, "\\$&")));

  await form.getByLabel("Logo (optional)").setInputFiles({ name: "keystone.png", mimeType: "image/png", buffer: solidPng(64, [29, 78, 137]) });
  await save.click();
  await expect(page.getByRole("status")).toContainText("The organization's name and logo are saved.");
  await expect(page.getByRole("banner").getByRole("img", { name: "Keystone Review" })).toBeVisible();

  const coordinator = await pageAs(await makeUser(["COORDINATOR"]));
  await coordinator.goto("/iro");
  const logo = coordinator.getByRole("banner").getByRole("img", { name: "Keystone Review" });
  await expect(logo).toBeVisible();
  // The image itself came through, not only its text.
  await expect.poll(() => logo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(64);

  // Without the logo, the header shows the name.
  await page.getByLabel("Remove the logo: show the name instead").check();
  await page.getByRole("form", { name: "Organization" }).getByRole("button", { name: "Save the name and logo" }).click();
  // The notice of the first save is still on the page: wait for the removal itself, in the admin's own header.
  await expect(page.getByRole("banner").getByRole("img")).toHaveCount(0);
  await coordinator.reload();
  await expect(coordinator.getByRole("banner").getByRole("link", { name: /Keystone Review/ })).toBeVisible();
  await expect(coordinator.getByRole("banner").getByRole("img")).toHaveCount(0);
  expect(await db.auditLog.count({ where: { action: "settings.organization_changed", objectId: "organization" } })).toBeGreaterThanOrEqual(2);
});
