import crypto from "node:crypto";
import { db } from "~/server/db.server";
import { expect, test } from "./support/fixtures";
import { linkIn, waitForEmail } from "./support/mail";
import { userByEmail } from "./support/portal";

// A Spanish-speaking visitor gets into their account, and back into it, in
// Spanish: the pages, the messages by the fields, the emails, and the
// account's language from then on.

const newAddress = (what: string) => `${what}-${crypto.randomBytes(4).toString("hex")}@test.example`;
const PASSWORD = "tres palabras sueltas";

test.describe("a browser that asks for Spanish", () => {
  test.use({ locale: "es-MX" });

  test("signs up in Spanish, gets the Spanish email, confirms, and the account keeps Spanish", async ({ page }) => {
    const email = newAddress("alta");
    await page.goto("/signup");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page).toHaveTitle("Crear una cuenta | Revisión Médica Independiente");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Crear una cuenta");

    // The browser's checks, in Spanish by each field.
    await page.getByRole("button", { name: "Crear mi cuenta" }).click();
    await expect(page.locator("#field-name-error")).toHaveText(/Escriba su nombre completo\./);
    await expect(page.locator("#field-email-error")).toHaveText(/Escriba su correo electrónico\./);
    await expect(page.locator("#field-password-error")).toHaveText(/Use al menos 12 caracteres\./);
    await expect(page.getByLabel("Su nombre completo")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Su nombre completo").fill("Rosa Díaz");
    await page.getByLabel("Correo electrónico").fill(email);
    // The server's check, also in Spanish by its field.
    await page.getByLabel("Elija una contraseña").fill("rosadiaz2026!");
    await page.getByLabel("Escriba de nuevo la contraseña").fill("rosadiaz2026!");
    await page.getByRole("button", { name: "Crear mi cuenta" }).click();
    await expect(page.locator("#field-password-error")).toHaveText(/No use su nombre ni su correo electrónico en la contraseña\./);

    await page.getByLabel("Elija una contraseña").fill(PASSWORD);
    await page.getByLabel("Escriba de nuevo la contraseña").fill(PASSWORD);
    await page.getByRole("button", { name: "Crear mi cuenta" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Revise su correo electrónico");

    const message = await waitForEmail(email, /Subject: Confirme su correo electrónico/);
    expect(message).toContain("Hola, Rosa Díaz:");
    expect(message).toContain("Confirmar mi correo electrónico");
    await page.goto(linkIn(message, "/verify-email"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirme su correo electrónico");
    await page.getByRole("button", { name: "Confirmar mi correo electrónico" }).click();
    await expect(page).toHaveURL(/\/requests\?notice=email-verified$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    expect((await userByEmail(email)).language).toBe("es");

    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Su cuenta");
    await expect(page.getByRole("group", { name: "El idioma de sus páginas y de los correos que le enviamos" }).getByLabel("Español")).toBeChecked();
  });

  test("resets a forgotten password in Spanish, from the Spanish email", async ({ page, makeUser }) => {
    const applicant = await makeUser(["APPLICANT"]);
    await db.user.update({ where: { id: applicant.id }, data: { language: "es" } });
    await page.goto("/login");
    await page.getByRole("link", { name: "¿Olvidó su contraseña?" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Restablezca su contraseña");
    await page.getByRole("button", { name: "Enviarme un enlace" }).click();
    await expect(page.locator("#field-email-error")).toHaveText(/Escriba su correo electrónico\./);
    await page.getByLabel("Correo electrónico").fill(applicant.email);
    await page.getByRole("button", { name: "Enviarme un enlace" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Revise su correo electrónico");

    const message = await waitForEmail(applicant.email, /Subject: Restablezca su contraseña/);
    expect(message).toContain("Alguien pidió restablecer la contraseña de su cuenta.");
    const link = linkIn(message, "/reset-password");
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Elija una contraseña nueva");
    await page.getByLabel("Contraseña nueva").fill("una contraseña nueva y larga");
    await page.getByLabel("Escriba de nuevo la contraseña").fill("otra cosa distinta del todo");
    await page.getByRole("button", { name: "Guardar mi contraseña nueva" }).click();
    await expect(page.locator("#field-confirmPassword-error")).toHaveText(/Las dos contraseñas no son iguales\./);
    await page.getByLabel("Escriba de nuevo la contraseña").fill("una contraseña nueva y larga");
    await page.getByRole("button", { name: "Guardar mi contraseña nueva" }).click();
    await expect(page.getByText("Su contraseña quedó guardada. Inicie sesión con ella ahora.")).toBeVisible();

    await page.getByLabel("Correo electrónico").fill(applicant.email);
    await page.getByLabel("Contraseña", { exact: true }).fill("una contraseña nueva y larga");
    await page.getByRole("button", { name: "Iniciar sesión" }).click();
    await expect(page.getByRole("link", { name: "Mis solicitudes" })).toBeVisible();

    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Este enlace ya no funciona");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the server writes its messages in Spanish next to the fields", async ({ page }) => {
      await page.goto("/signup");
      await page.getByLabel("Su nombre completo").fill("Rosa Díaz");
      await page.getByLabel("Correo electrónico").fill("no-es-un-correo");
      await page.getByLabel("Elija una contraseña").fill("corta");
      await page.getByLabel("Escriba de nuevo la contraseña").fill("corta");
      await page.getByRole("button", { name: "Crear mi cuenta" }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "es");
      await expect(page.locator("#field-email-error")).toHaveText(/Escriba un correo electrónico como nombre@ejemplo\.com\./);
      await expect(page.locator("#field-password-error")).toHaveText(/Use al menos 12 caracteres\./);
      await expect(page.getByLabel("Su nombre completo")).toHaveValue("Rosa Díaz");
    });
  });
});

test("an applicant chooses Spanish on their account page, which the account keeps", async ({ page, loginAs }) => {
  const applicant = await loginAs("APPLICANT");
  await page.goto("/account");
  await expect(page.getByLabel("English")).toBeChecked();
  await page.getByLabel("Español").check();
  await page.getByRole("button", { name: "Save the language" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Su cuenta");
  await expect(page.getByLabel("Español")).toBeChecked();
  expect((await userByEmail(applicant.email)).language).toBe("es");
});
