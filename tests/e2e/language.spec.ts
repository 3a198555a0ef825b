import { expect, signIn, test } from "./support/fixtures";

// English or Spanish for visitors and applicants: the first visit follows the
// browser, a choice is remembered (a cookie, then the account), and staff
// pages stay in English.

test.describe("a browser that asks for Spanish", () => {
  test.use({ locale: "es-MX" });

  test("gets the sign-in page in Spanish from the first byte", async ({ page, request }) => {
    const html = await (await request.get("/login", { headers: { "Accept-Language": "es-MX,es;q=0.9,en;q=0.5" } })).text();
    expect(html).toContain('<html lang="es"');
    expect(html).toContain("Iniciar sesión");
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iniciar sesión");
    await expect(page).toHaveTitle("Iniciar sesión | Revisión Médica Independiente");
    await page.getByRole("button", { name: "Iniciar sesión" }).click();
    await expect(page.getByLabel("Correo electrónico")).toHaveAttribute("aria-invalid", "true");
  });
});

test("a visitor chooses Spanish, keeps it from page to page, and their account remembers it", async ({ page, browser, makeUser }) => {
  const applicant = await makeUser(["APPLICANT"]);
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iniciar sesión");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("button", { name: "Español" })).toHaveAttribute("aria-current", "true");

  await page.getByLabel("Correo electrónico").fill(applicant.email);
  await page.getByLabel("Contraseña", { exact: true }).fill(applicant.password);
  await page.getByRole("button", { name: "Iniciar sesión" }).click();
  await expect(page.getByRole("link", { name: "Mis solicitudes" })).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("link", { name: "My requests" })).toBeVisible();
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("link", { name: "Mis solicitudes" })).toBeVisible();

  // Another browser, which asks for English: the account's choice wins once signed in.
  const elsewhere = await browser.newContext({ locale: "en-US" });
  const other = await elsewhere.newPage();
  await signIn(other, applicant.email, applicant.password);
  await expect(other.getByRole("link", { name: "Mis solicitudes" })).toBeVisible();
  await expect(other.locator("html")).toHaveAttribute("lang", "es");
  await elsewhere.close();
});

test.describe("staff in a browser set to Spanish", () => {
  test.use({ locale: "es-ES" });

  test("read their pages in English, with no language choice", async ({ page, loginAs }) => {
    await loginAs("COORDINATOR");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("link", { name: "Cases", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Español" })).toHaveCount(0);
  });
});
