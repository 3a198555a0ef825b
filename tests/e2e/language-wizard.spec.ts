import type { Page } from "@playwright/test";
import { addDaysToLocalDate, localDate } from "~/domain/deadlines/time-zone";
import { SMALL_PDF as PDF } from "#tests/support/case-factories";
import { db } from "~/server/db.server";
import { expect, test } from "./support/fixtures";
import { waitForEmail } from "./support/mail";

// The request wizard as a Spanish-speaking applicant meets it: every step,
// its errors, the uploader and the review in Spanish, and a request whose
// notices and letter will be written in Spanish.

const RECENT = addDaysToLocalDate(localDate(new Date(), "America/New_York"), -12);
/** A date in Spanish as the portal writes it: "7 dic 2026". */
const SPANISH_DATE = /\d{1,2} (ene|feb|mar|abr|may|jun|jul|ago|sept|oct|nov|dic) \d{4}/;

const saveAndContinue = (page: Page) => page.getByRole("button", { name: "Guardar y continuar" }).click();

async function expectStep(page: Page, number: number, title: string, heading: string) {
  await expect(page.getByText(`Paso ${number} de 9: ${title}`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
}

test("an applicant whose account is in Spanish files a whole request in Spanish, and its notices will be in Spanish", async ({
  page,
  makeUser,
  signInPageAs,
}) => {
  test.setTimeout(90_000);
  const applicant = await makeUser(["APPLICANT"]);
  await db.user.update({ where: { id: applicant.id }, data: { language: "es" } });
  await signInPageAs(applicant);

  await page.goto("/requests/new");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page).toHaveTitle("Iniciar una solicitud | Revisión Médica Independiente");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pida una revisión médica independiente");
  await page.getByRole("button", { name: "Empezar mi solicitud" }).click();

  await expectStep(page, 1, "Quién presenta la solicitud", "¿Quién pide la revisión?");
  await page.getByLabel("Soy el paciente").check();
  await saveAndContinue(page);

  await expectStep(page, 2, "El paciente", "Sobre el paciente");
  // Moving on without the answers the step needs: the messages are in Spanish, by each question.
  await saveAndContinue(page);
  await expect(page.getByText("Algunas respuestas necesitan su atención.")).toBeVisible();
  await expect(page.locator("#field-patientBirthDate-error")).toHaveText("Error: Escriba la fecha de nacimiento del paciente.");
  await expect(page.getByLabel("Fecha de nacimiento")).toHaveAttribute("aria-invalid", "true");
  // Notices start in the language the form is read in, and the question says what it decides.
  const language = page.getByLabel("Idioma de los avisos por escrito y de la carta de decisión");
  await expect(language).toHaveValue("es");
  await expect(page.getByText("Los avisos y la carta de decisión se escriben en español o en inglés.")).toBeVisible();
  await expect(language.locator("option", { hasText: "Chino (中文)" })).toHaveCount(1);
  await page.getByLabel("Fecha de nacimiento").fill("1961-04-17");
  await page.getByLabel("Femenino").check();
  await page.getByLabel("Dirección del domicilio").fill("1200 Calle Olvera\nLos Angeles, CA 90012");
  await page.getByLabel("Número de teléfono").fill("(555) 010-2345");
  await page.getByLabel("Número de miembro (Member ID)").fill("EVG-551234");
  await saveAndContinue(page);

  await expectStep(page, 3, "El plan", "El plan de salud");
  await expect(page.getByRole("group", { name: "¿Qué plan de salud rechazó el tratamiento?" })).toContainText("desde el rechazo final del plan");
  await page.getByLabel("Evergreen Health Plan").check();
  await saveAndContinue(page);

  await expectStep(page, 4, "El rechazo", "Sobre el rechazo");
  await page.getByLabel("Fecha del rechazo final del plan").fill(RECENT);
  await page.getByLabel("¿Qué tratamiento, medicamento o prueba se rechazó?").fill("Rehabilitación cardíaca");
  await page.getByLabel("Médico u otro proveedor que pidió el tratamiento").fill("Dra. Ana Ruiz");
  await page.getByLabel("¿Por qué dijo que no el plan?").fill("Dicen que doce sesiones bastan.");
  await page.getByLabel("No es médicamente necesario").check();
  await saveAndContinue(page);

  await expectStep(page, 5, "Apelación interna", "La apelación interna ante el plan");
  await page.getByLabel("Sí, el plan decidió mi apelación interna").check();
  await page.getByLabel("Fecha de la decisión del plan sobre la apelación").fill(RECENT);
  await saveAndContinue(page);

  await expectStep(page, 6, "Urgencia", "¿Qué tan urgente es?");
  await page.getByLabel("Revisión estándar").check();
  await saveAndContinue(page);

  await expectStep(page, 7, "Por qué no está de acuerdo", "¿Por qué no está de acuerdo con el plan?");
  await page.getByLabel("¿Por qué cree que el plan se equivoca?").fill("Mi cardióloga dice que necesito el programa completo.");
  await saveAndContinue(page);

  await expectStep(page, 8, "Documentos", "Agregue sus documentos");
  const checklist = page.getByRole("list", { name: "Lo que necesita su solicitud" });
  await expect(checklist).toContainText("Falta Carta de rechazo");
  const uploader = page.getByRole("group", { name: "Agregar documentos" });
  // The types, the size of a file and the room left on the request, all in Spanish.
  await expect(uploader).toContainText("PDF, JPEG, PNG, TIFF o Word (DOCX). Hasta 100 MB por archivo; quedan 1 GB de los 1 GB que admite esta solicitud.");
  const pick = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    const chooser = page.waitForEvent("filechooser");
    await uploader.getByRole("button", { name: "Elegir archivos" }).click();
    await (await chooser).setFiles(file);
  };
  // A file of a type the portal does not take is refused before it is sent, in Spanish.
  await pick({ name: "notas.txt", mimeType: "text/plain", buffer: Buffer.from("Notas de la consulta") });
  await expect(uploader).toContainText(
    "Este archivo no es un documento PDF, JPEG, PNG, TIFF o Word (DOCX) (se revisó su contenido, no su nombre). Guárdelo o escanéelo como PDF e inténtelo de nuevo.",
  );
  await uploader.getByRole("button", { name: "Quitar de la lista notas.txt" }).click();
  await pick({ name: "carta-rechazo.pdf", mimeType: "application/pdf", buffer: PDF });
  // Leaving the step with the file not uploaded is stopped, and the reason is in Spanish.
  await saveAndContinue(page);
  await expect(uploader.getByRole("alert")).toHaveText('Su archivo "carta-rechazo.pdf" todavía no se ha subido: súbalo o quítelo antes de salir de este paso.');
  await uploader.getByLabel("¿Qué documento es?").selectOption({ label: "Carta de rechazo" });
  await uploader.getByRole("button", { name: "Subir carta-rechazo.pdf" }).click();
  await expect(checklist).toContainText("Agregado Carta de rechazo");
  await expect(page.getByRole("table", { name: "Documentos que agregó" })).toContainText("carta-rechazo.pdf");
  await saveAndContinue(page);

  await expectStep(page, 9, "Revisar y firmar", "Revise sus respuestas y firme");
  await expect(page).toHaveTitle("Revisar y firmar | Revisión Médica Independiente");
  const patient = page.getByRole("region", { name: "El paciente" });
  await expect(patient).toContainText("17 abr 1961");
  await expect(patient).toContainText("Femenino");
  await expect(patient).toContainText("Idioma de los avisos y de la carta");
  await expect(patient).toContainText("Español");
  await expect(page.getByRole("region", { name: "El rechazo" })).toContainText("No es médicamente necesario");
  await expect(page.getByRole("region", { name: "Apelación interna" })).toContainText(new RegExp(`Decidida el ${SPANISH_DATE.source}`));
  await expect(page.getByRole("region", { name: "Urgencia" })).toContainText("Revisión estándar");
  await expect(page.getByText(new RegExp(`Fecha: ${SPANISH_DATE.source}\\. Escribir su nombre aquí cuenta como su firma\\.`))).toBeVisible();

  await page.getByRole("button", { name: "Firmar y enviar mi solicitud" }).click();
  await expect(page.getByText("Marque la casilla para autorizar que se entreguen los expedientes médicos.")).toBeVisible();
  await page.getByLabel("Autorizo que se entreguen los expedientes médicos").check();
  await page.getByLabel("Escriba su nombre completo para firmar").fill(applicant.name);
  await page.getByRole("button", { name: "Firmar y enviar mi solicitud" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Su solicitud fue enviada");
  const reference = (await page.locator(".reference").textContent()) ?? "";
  expect(reference).toMatch(/^IMR-\d{4}-\d{6}$/);
  await expect(page.getByRole("heading", { name: "Qué pasa después" })).toBeVisible();

  // The request's notices and letter will be written in Spanish, and the confirmation already is.
  expect(await db.case.findUnique({ where: { reference }, select: { preferredLanguage: true } })).toEqual({ preferredLanguage: "es" });
  const email = await waitForEmail(applicant.email, /Recibimos su solicitud/);
  expect(email).toContain(reference);
  expect(email).toContain('lang="es"');
});
