import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { formatTableInstant } from "~/domain/format-instant";
import { createFiledCase, createInformationRequest } from "#tests/support/case-factories";
import { db } from "~/server/db.server";
import { expect, test } from "./support/fixtures";
import { waitForEmail } from "./support/mail";
import { evergreenPlanId } from "./support/portal";

// An applicant whose account is in Spanish follows their request in Spanish:
// the list, the case page (status, next step, deadlines, timeline), answering
// a request for information and withdrawing, with dates written the Spanish
// way ("sáb 5 dic 2026, 11:59 p. m. ET") and the case's emails in Spanish.

const DAY = 86_400_000;
const ZONE = "America/New_York";
const SPANISH_INSTANT = /^(dom|lun|mar|mié|jue|vie|sáb) \d{1,2} (ene|feb|mar|abr|may|jun|jul|ago|sept|oct|nov|dic) \d{4}, \d{1,2}:\d{2} [ap]\. m\. ET$/;

test("an applicant who reads Spanish follows, answers and withdraws their request in Spanish", async ({ page, makeUser, signInPageAs }) => {
  const applicant = await makeUser(["APPLICANT"]);
  await db.user.update({ where: { id: applicant.id }, data: { language: "es" } });
  const kase = await createFiledCase({
    applicantId: applicant.id,
    planId: await evergreenPlanId(),
    details: { serviceDescription: "Rodillera tras una lesión" },
  });
  // The request asked for its notices in Spanish.
  await db.case.update({ where: { id: kase.id }, data: { preferredLanguage: "es" } });
  // Six days and two hours away: "quedan 6 días" however long the page takes.
  const dueAt = new Date(Date.now() + 6 * DAY + 2 * 3_600_000);
  const due = formatDeadlineTime(dueAt, ZONE, "es");
  expect(due).toMatch(SPANISH_INSTANT);
  await createInformationRequest({ caseId: kase.id, question: "Envíe la carta de su fisioterapeuta.", dueAt });
  await signInPageAs(applicant);

  await page.goto("/requests");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page).toHaveTitle("Mis solicitudes | Revisión Médica Independiente");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mis solicitudes");
  const sent = page.getByRole("table", { name: "Solicitudes que usted envió, con la actividad más reciente primero" });
  const row = sent.getByRole("row").filter({ hasText: kase.reference });
  await expect(row).toContainText("Recibida");
  await expect(row).toContainText("Rodillera tras una lesión");
  await expect(sent.getByRole("columnheader", { name: "Plan de salud" })).toBeVisible();

  await row.getByRole("link", { name: kase.reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Solicitud ${kase.reference}`);
  await expect(page).toHaveTitle("Su solicitud | Revisión Médica Independiente");
  const status = page.getByRole("region", { name: "En qué punto está su solicitud" });
  await expect(status).toContainText("Recibida");
  await expect(status).toContainText("Estándar");
  await expect(status).toContainText(`Necesitamos más información de usted: responda a nuestra solicitud de abajo antes del ${due}.`);
  await expect(status).toContainText("Recibimos su solicitud. Un coordinador verificará que se pueda revisar. Le avisaremos a más tardar el ");

  const deadlines = page.getByRole("table", { name: "Plazos de su solicitud" });
  const dueInTable = formatTableInstant(dueAt, ZONE, new Date(), "minute", "es").text;
  const information = deadlines.getByRole("row").filter({ hasText: "Información adicional" });
  await expect(information).toContainText(`Información adicional: vence el ${dueInTable} — quedan 6 días`);
  await expect(information).toContainText("Usted");
  await expect(deadlines.getByRole("row").filter({ hasText: "Decisión de elegibilidad" })).toContainText("La organización de revisión");

  const requests = page.getByRole("region", { name: "Solicitudes de información" });
  await expect(requests).toContainText("Esperando su respuesta");
  await expect(requests).toContainText(`Responda antes del ${due} — quedan 6 días`);
  const timeline = page.getByRole("region", { name: "Lo que ha pasado hasta ahora" });
  await expect(timeline).toContainText("Solicitud presentada");
  await expect(timeline).toContainText("Usted");
  await expect(timeline.locator("time").first()).toHaveText(SPANISH_INSTANT);

  // Answering: the page, its refusal of an empty answer, and the thanks, all in Spanish.
  await page.getByRole("link", { name: "Responder a la solicitud 1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Responda a nuestra solicitud de información");
  await expect(page.getByText("Envíe la carta de su fisioterapeuta.")).toBeVisible();
  await expect(page.getByText(`Responda antes del ${due} — quedan 6 días`)).toBeVisible();
  await page.getByRole("button", { name: "Enviar su respuesta" }).click();
  await expect(page.getByText("Escriba su respuesta o agregue un documento que responda a la pregunta.")).toBeVisible();
  await page.getByRole("textbox", { name: "Su respuesta" }).fill("Mi fisioterapeuta me dará la carta el lunes.");
  await page.getByRole("button", { name: "Enviar su respuesta" }).click();
  await expect(page).toHaveURL(new RegExp(`/requests/${kase.id}\\?done=answered$`));
  await expect(page.getByRole("status").filter({ hasText: "Gracias. Su respuesta se envió a la organización de revisión." })).toBeVisible();
  await expect(requests).toContainText("Respondida");
  await expect(requests).toContainText("Mi fisioterapeuta me dará la carta el lunes.");
  await expect(information).toContainText(/Información adicional: cumplido el .+ \(vencía el /);
  await expect(timeline).toContainText("Se envió la información pedida");

  // Withdrawing: what it means, the confirmation, and the email in Spanish.
  await page.getByRole("link", { name: "Retirar esta solicitud" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("¿Retirar su solicitud?");
  await expect(page.getByText("La revisión independiente se detiene de inmediato y no se puede volver a iniciar.")).toBeVisible();
  await page.getByLabel("¿Por qué retira su solicitud? (opcional)").fill("Mi plan aceptó pagar.");
  await page.getByRole("button", { name: "Sí, retirar mi solicitud" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Su solicitud fue retirada." })).toBeVisible();
  await expect(status).toContainText("Retirada");
  await expect(status).toContainText("Usted retiró esta solicitud. La revisión se detuvo y no hay nada más pendiente.");
  await expect(deadlines).toContainText(/Decisión de elegibilidad: se detuvo el .+ al terminar la revisión/);
  await expect(timeline).toContainText("Solicitud retirada");
  await expect(timeline).toContainText("«Mi plan aceptó pagar.»");
  const email = await waitForEmail(applicant.email, new RegExp(`${kase.reference}: Su solicitud fue retirada`));
  // The test's mail reader decodes the body as Latin-1: the words without accents tell it is the Spanish email.
  expect(email).toContain("Abrir el caso");
  expect(email).toContain('lang="es"');

  await page.goto(`/requests/${kase.id}/withdraw`);
  await expect(page.getByText("Esta solicitud ya está retirada.")).toBeVisible();
});
