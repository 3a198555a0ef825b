import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addDaysToLocalDate, localDate } from "~/domain/deadlines/time-zone";
import { EDIT_STEPS, nextStep } from "~/domain/requests/steps";
import { requestStepSchemas, stepFormValues } from "~/schemas/request-steps";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { renderEmail } from "~/server/mail.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { draftFilingContext } from "~/server/requests/request-draft.server";
import { saveDraftStep } from "~/server/requests/save-draft-step.server";
import { startDraft } from "~/server/requests/start-draft.server";
import { submitRequest } from "~/server/requests/submit-request.server";
import { actorFor, createPlan, createUser, sessionUserOf } from "#tests/support/factories";
import { completeDraft } from "#tests/unit/request-draft-fixture";

// What the applicant reads when filing follows the language of the case's
// notices; the plan's and the coordinators' emails stay in English.

let plan: { id: string; contactEmail: string | null };
let today: string;

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
  plan = await createPlan();
  today = localDate(new Date(), "America/New_York");
});

/** A Spanish-speaking applicant's request, filed in one go with its denial letter. */
async function fileRequest(preferredLanguage: string) {
  const applicant = await createUser({ roles: ["APPLICANT"], name: "Rosa Martínez" });
  await db.user.update({ where: { id: applicant.id }, data: { language: "es" } });
  const user = sessionUserOf(applicant);
  const { caseId } = await startDraft(user, actorFor(applicant), { language: "es" });
  const recent = addDaysToLocalDate(today, -10);
  const draft = completeDraft({ planId: plan.id, denialDate: recent, appealCompletedDate: recent, serviceDate: recent, preferredLanguage });
  for (const step of EDIT_STEPS) {
    const context = await draftFilingContext(user, caseId);
    const values = requestStepSchemas(step, context).complete.parse(stepFormValues(step, draft));
    await saveDraftStep({ user, caseId, step, values, goTo: nextStep(step)!, actor: actorFor(applicant) });
  }
  await db.document.create({
    data: {
      caseId,
      kind: "DENIAL_LETTER",
      fileName: "carta.pdf",
      contentType: "application/pdf",
      sizeBytes: 1234n,
      sha256: crypto.randomBytes(32).toString("hex"),
      storageKey: crypto.randomUUID(),
      uploadedById: applicant.id,
    },
  });
  const { version } = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
  const outcome = await submitRequest({ user, caseId, expectedVersion: version, signedName: "Rosa Martínez", actor: actorFor(applicant) });
  if (outcome.kind !== "filed") throw new Error(`not filed: ${outcome.kind}`);
  return { applicant, caseId, reference: outcome.reference };
}

describe("filing a request whose notices are in Spanish", () => {
  it("starts the draft's notices in the language the form was read in", async () => {
    const applicant = await createUser({ roles: ["APPLICANT"] });
    const { caseId } = await startDraft(sessionUserOf(applicant), actorFor(applicant), { language: "es" });
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { preferredLanguage: true } })).toEqual({ preferredLanguage: "es" });
  });

  it("sends the applicant's confirmation in Spanish, with a Spanish date, and the plan's notice in English", async () => {
    const { applicant, caseId, reference } = await fileRequest("es");
    const received = await db.outboxMessage.findFirstOrThrow({ where: { caseId, template: "request-received" } });
    expect(received).toMatchObject({ toAddress: applicant.email, language: "es", subject: `${reference}: recibimos su solicitud de revisión independiente` });
    const { html, text } = await renderEmail(received.template, received.props, received.language as "es");
    expect(html).toContain('lang="es"');
    expect(html).toContain("Recibimos su solicitud");
    expect(text).toContain(`Número de referencia: ${reference}.`);
    // "a más tardar el mar 12 ene 2027, 11:59 p. m. ET"
    expect(text).toMatch(/a más tardar el (dom|lun|mar|mié|jue|vie|sáb) \d{1,2} [a-z]{3,4} \d{4}, \d{1,2}:\d{2} (a|p)\. m\. [A-Z]+/);
    expect(text).toContain("Siga su solicitud");
    expect(text).not.toContain("We received your request");

    // The plan and the coordinators read English, whatever the applicant's language.
    const filed = await db.outboxMessage.findFirstOrThrow({ where: { caseId, template: "case-filed" } });
    expect(filed).toMatchObject({ toAddress: plan.contactEmail, language: "en" });
    expect((await renderEmail(filed.template, filed.props, "en")).text).toContain("One of your plan's members asked for an independent review of a denial.");
    const coordinators = await db.outboxMessage.findMany({ where: { caseId, template: "new-request" }, select: { language: true } });
    expect(coordinators.every((email) => email.language === "en")).toBe(true);
  });

  it("writes the confirmation in English for a request whose notices are in another language (with the taglines' help)", async () => {
    const { caseId, reference } = await fileRequest("vi");
    const received = await db.outboxMessage.findFirstOrThrow({ where: { caseId, template: "request-received" } });
    expect(received).toMatchObject({ language: "en", subject: `${reference}: we received your request for independent review` });
    expect((await renderEmail(received.template, received.props, "en")).text).toMatch(/reviewed by \w{3} \d{1,2} \w{3} \d{4}, \d{1,2}:\d{2} (AM|PM)/);
  });
});
