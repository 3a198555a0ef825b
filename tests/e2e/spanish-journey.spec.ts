import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { addDaysToLocalDate, localDate } from "~/domain/deadlines/time-zone";
import { applyDeadlineEffects } from "~/server/deadlines/case-clocks.server";
import { db } from "~/server/db.server";
import { SMALL_PDF } from "#tests/support/case-factories";
import { submitSignedDetermination } from "#tests/support/determination-factories";
import { createAssignment } from "#tests/support/factories";
import { pdfPageTexts } from "#tests/support/pdf-text";
import { approveAndIssue } from "./support/decision";
import { expect, test } from "./support/fixtures";
import { linkIn, waitForEmail } from "./support/mail";
import { DEMO, demoParties } from "./support/portal";

// Issue 21's journey: a Spanish-speaking applicant signs up and files in
// Spanish, and gets the decision letter in Spanish; the plan gets the
// English one, under the same verification code.

test.use({ locale: "es-MX" });

const PASSWORD = "tres palabras sueltas";

async function signUpInSpanish(page: Page, name: string, email: string) {
  await page.goto("/signup");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Crear una cuenta");
  await page.getByLabel("Su nombre completo").fill(name);
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Elija una contraseña").fill(PASSWORD);
  await page.getByLabel("Escriba de nuevo la contraseña").fill(PASSWORD);
  await page.getByRole("button", { name: "Crear mi cuenta" }).click();
  await page.goto(linkIn(await waitForEmail(email, /Subject: Confirme su correo electrónico/), "/verify-email"));
  await page.getByRole("button", { name: "Confirmar mi correo electrónico" }).click();
  await expect(page).toHaveURL(/\/requests\?notice=email-verified$/);
}

/** Every step of the request form, answered in Spanish; returns the new case's id. */
async function fileInSpanish(page: Page, name: string): Promise<string> {
  const recent = addDaysToLocalDate(localDate(new Date(), "America/New_York"), -12);
  const next = () => page.getByRole("button", { name: "Guardar y continuar" }).click();
  await page.goto("/requests/new");
  await page.getByRole("button", { name: "Empezar mi solicitud" }).click();
  await page.getByLabel("Soy el paciente").check();
  await next();
  await expect(page.getByLabel("Idioma de los avisos por escrito y de la carta de decisión")).toHaveValue("es");
  await page.getByLabel("Fecha de nacimiento").fill("1961-04-17");
  await page.getByLabel("Femenino").check();
  await page.getByLabel("Dirección del domicilio").fill("1200 Calle Olvera\nLos Angeles, CA 90012");
  await page.getByLabel("Número de teléfono").fill("(555) 010-2345");
  await page.getByLabel("Número de miembro (Member ID)").fill("EVG-551234");
  await next();
  await page.getByLabel("Evergreen Health Plan").check();
  await next();
  await page.getByLabel("Fecha del rechazo final del plan").fill(recent);
  await page.getByLabel("¿Qué tratamiento, medicamento o prueba se rechazó?").fill("Rehabilitación cardíaca");
  await page.getByLabel("Médico u otro proveedor que pidió el tratamiento").fill("Dra. Ana Ruiz");
  await page.getByLabel("¿Por qué dijo que no el plan?").fill("Dicen que doce sesiones bastan.");
  await page.getByLabel("No es médicamente necesario").check();
  await next();
  await page.getByLabel("Sí, el plan decidió mi apelación interna").check();
  await page.getByLabel("Fecha de la decisión del plan sobre la apelación").fill(recent);
  await next();
  await page.getByLabel("Revisión estándar").check();
  await next();
  await page.getByLabel("¿Por qué cree que el plan se equivoca?").fill("Mi cardióloga dice que necesito el programa completo.");
  await next();
  const uploader = page.getByRole("group", { name: "Agregar documentos" });
  const chooser = page.waitForEvent("filechooser");
  await uploader.getByRole("button", { name: "Elegir archivos" }).click();
  await (await chooser).setFiles({ name: "carta-rechazo.pdf", mimeType: "application/pdf", buffer: SMALL_PDF });
  await uploader.getByLabel("¿Qué documento es?").selectOption({ label: "Carta de rechazo" });
  await uploader.getByRole("button", { name: "Subir carta-rechazo.pdf" }).click();
  await expect(page.getByRole("table", { name: "Documentos que agregó" })).toContainText("carta-rechazo.pdf");
  await next();
  await page.getByLabel("Autorizo que se entreguen los expedientes médicos").check();
  await page.getByLabel("Escriba su nombre completo para firmar").fill(name);
  await page.getByRole("button", { name: "Firmar y enviar mi solicitud" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Su solicitud fue enviada");
  return page.url().match(/\/requests\/([0-9a-f-]{36})/)![1]!;
}

test("a Spanish-speaking applicant signs up, files, and receives the letter in Spanish; the plan receives it in English", async ({
  page,
  makeUser,
  pageAs,
}) => {
  test.setTimeout(240_000);
  const name = "Rosa Díaz";
  const email = `rosa-${crypto.randomBytes(4).toString("hex")}@test.example`;
  await signUpInSpanish(page, name, email);
  const caseId = await fileInSpanish(page, name);
  const filed = await db.case.findUniqueOrThrow({ where: { id: caseId } });
  expect(filed.preferredLanguage).toBe("es");

  // The review, as the coordinator and a reviewer would take it: accepted, assigned, determined.
  const { coordinatorId } = await demoParties();
  const reviewer = await makeUser(["REVIEWER"]);
  const acceptedAt = new Date();
  await db.case.update({ where: { id: caseId }, data: { status: "IN_REVIEW", acceptedAt, coordinatorId, panelSize: 1 } });
  await db.$transaction((tx) => applyDeadlineEffects(tx, caseId, { start: ["decision"] }, acceptedAt));
  await createAssignment({ caseId, reviewerId: reviewer.id, status: "ACCEPTED", attested: true });
  await submitSignedDetermination({ caseId, reviewer: await db.user.findUniqueOrThrow({ where: { id: reviewer.id } }) });
  const coordinator = await pageAs(DEMO.coordinator);
  const english = await approveAndIssue(coordinator, caseId, "Supervised cardiac rehabilitation is medically necessary for this patient.");
  expect(english).toContain("Decision of the independent medical review");
  expect(english).toContain("This is the English copy of this letter. The patient was sent a copy in Spanish.");

  // The applicant's case page offers the Spanish copy, and only it.
  const letter = await db.decisionLetter.findFirstOrThrow({ where: { caseId } });
  const spanishCopy = await db.document.findFirstOrThrow({ where: { translationOfId: letter.documentId, language: "es" } });
  await page.goto(`/requests/${caseId}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.locator(`a[href="/documents/${spanishCopy.id}"]`).first()).toBeVisible();
  await expect(page.locator(`a[href="/documents/${letter.documentId}"]`)).toHaveCount(0);
  const spanishPdf = await page.request.get(`/documents/${spanishCopy.id}`);
  expect(spanishPdf.ok()).toBe(true);
  const spanish = (await pdfPageTexts(new Uint8Array(await spanishPdf.body()))).join(" ").replace(/\s+/g, " ");
  expect(spanish).toContain("Decisión de la revisión médica independiente");
  const code = /Verification code (\S+)/.exec(english)![1]!;
  expect(spanish).toContain(`Código de verificación ${code}`);
  const decided = await waitForEmail(email, /Subject: .*se emitió la decisión/);
  expect(decided).toContain('lang="es"');

  // The plan's page gives the English letter under the same code.
  const plan = await pageAs(DEMO.evergreenStaff);
  await plan.goto(`/plan/cases/${caseId}`);
  await expect(plan.getByRole("main")).toContainText("Patient's language for notices");
  await expect(plan.getByRole("main")).toContainText("Spanish");
  await expect(plan.locator(`a[href="/documents/${letter.documentId}"]`).first()).toBeVisible();
  await expect(plan.locator(`a[href="/documents/${spanishCopy.id}"]`)).toHaveCount(0);
});
