import fs from "node:fs";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CriterionAnswer, EligibilityCriterion } from "~/domain/eligibility";
import { letterDayOf } from "~/domain/letter-dates";
import { CASE_FILE_ITEMS } from "~/domain/plan-case-file";
import { CONFLICT_MESSAGE } from "~/schemas/intake";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { applyDeadlineEffects } from "~/server/deadlines/case-clocks.server";
import { downloadDocument } from "~/server/documents/download-document.server";
import { AppError } from "~/server/errors.server";
import { acceptCase } from "~/server/intake/accept-case.server";
import { coordinatorCasePage } from "~/server/intake/coordinator-case-page.server";
import { findIneligible } from "~/server/intake/find-ineligible.server";
import { intakeQueue } from "~/server/intake/intake-queue.server";
import { lookAfterCase } from "~/server/intake/look-after-case.server";
import { objectToEligibility } from "~/server/intake/object-to-eligibility.server";
import { planCasePage } from "~/server/plan/plan-case-page.server";
import { proceedWithoutCaseFile } from "~/server/intake/proceed-without-case-file.server";
import { recordEligibility } from "~/server/intake/record-eligibility.server";
import { requestInformation } from "~/server/intake/request-information.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { actorFor, createAssignment, createCase, createPlan, createUser, sessionUserOf } from "#tests/support/factories";
import { ACCEPTANCE_CATEGORIES } from "#tests/support/case-factories";
import { clockStartsAt, INSTANTS } from "#tests/support/clock";
import { testDatabase } from "#tests/support/test-database";
import { refusal } from "#tests/support/refusal";
import { TAGLINE_WORDS } from "#tests/support/taglines";

const MONDAY_10_AM = INSTANTS.mondayBeforeThanksgiving;
// What is not given a time happens as the file runs on from that Monday morning.
clockStartsAt(MONDAY_10_AM);

type Person = Awaited<ReturnType<typeof createUser>>;
let coordinator: Person;
let otherCoordinator: Person;
let applicant: Person;
let planUser: Person;
let disabledPlanUser: Person;
let otherPlanUser: Person;
let reviewer: Person;
let plan: Awaited<ReturnType<typeof createPlan>>;

beforeAll(async () => {
  await ensureReferenceData(); // federal holidays, the rule profiles and America/New_York
  forgetOrganizationCalendar();
  plan = await createPlan();
  const otherPlan = await createPlan();
  coordinator = await createUser({ roles: ["COORDINATOR"], name: "Dana Coordinator" });
  otherCoordinator = await createUser({ roles: ["COORDINATOR"], name: "Marcus Coordinator" });
  applicant = await createUser({ roles: ["APPLICANT"], name: "Maria Applicant" });
  planUser = await createUser({ roles: ["PLAN"], planId: plan.id });
  disabledPlanUser = await createUser({ roles: ["PLAN"], planId: plan.id });
  await db.user.update({ where: { id: disabledPlanUser.id }, data: { disabledAt: new Date() } });
  otherPlanUser = await createUser({ roles: ["PLAN"], planId: otherPlan.id });
  reviewer = await createUser({ roles: ["REVIEWER"], name: "Dr. Hidden Reviewer" });
});

const as = (person: Person) => ({ user: sessionUserOf(person), actor: actorFor(person) });

/** A filed case with its eligibility clock running, as filing leaves it. */
async function submittedCase(options: Partial<Parameters<typeof createCase>[0]> & { filedLate?: boolean } = {}) {
  const { filedLate, ...rest } = options;
  const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status: "SUBMITTED", ...rest });
  await db.case.update({ where: { id: kase.id }, data: { filedLate: filedLate ?? false, lateFilingReason: filedLate ? "I was in hospital" : null } });
  await db.$transaction((tx) => applyDeadlineEffects(tx, kase.id, { start: ["eligibility"] }, MONDAY_10_AM));
  return kase;
}

const yes = (note: string | null = null): CriterionAnswer => ({ met: true, note });
const allMet = (): Record<EligibilityCriterion, CriterionAnswer> => ({
  ENROLLED: yes(),
  COVERED_BENEFIT: yes(),
  APPEAL_EXHAUSTED: yes(),
  FILED_IN_TIME: yes("Filed within the filing window."),
  COMPLETE: yes(),
});

async function version(caseId: string): Promise<number> {
  return (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
}

async function screened(caseId: string, answers = allMet()) {
  await recordEligibility({ ...as(coordinator), caseId, expectedVersion: await version(caseId), answers, at: MONDAY_10_AM });
}

async function clocksOf(caseId: string) {
  return db.caseDeadline.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } });
}

async function emailsOf(caseId: string) {
  return db.outboxMessage.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } });
}

/** Every file in document storage, finished or not. */
function storedFiles(): string[] {
  const root = path.join(testDatabase.dataDir, "documents");
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: true }).promise;
  let text = "";
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    text += content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
  }
  return text.replace(/\s+/g, " ");
}

describe("the eligibility checklist", () => {
  it("starts the eligibility review on its first save and changes the answers in place after", async () => {
    const kase = await submittedCase();
    await screened(kase.id, { ...allMet(), COMPLETE: { met: false, note: "No denial letter yet" } });
    const after = await db.case.findUniqueOrThrow({ where: { id: kase.id }, include: { eligibilityAnswers: true, events: true } });
    expect(after.status).toBe("ELIGIBILITY_REVIEW");
    expect(after.eligibilityAnswers).toHaveLength(5);
    expect(after.eligibilityAnswers.find((row) => row.criterion === "COMPLETE")).toMatchObject({
      met: false,
      note: "No denial letter yet",
      answeredById: coordinator.id,
    });
    expect(after.events).toMatchObject([{ type: "eligibility_checked", fromStatus: "SUBMITTED", toStatus: "ELIGIBILITY_REVIEW" }]);

    await screened(kase.id);
    const again = await db.case.findUniqueOrThrow({ where: { id: kase.id }, include: { eligibilityAnswers: true } });
    expect(again.status).toBe("ELIGIBILITY_REVIEW");
    expect(again.eligibilityAnswers).toHaveLength(5);
    expect(again.eligibilityAnswers.every((row) => row.met)).toBe(true);
    const audits = await db.auditLog.findMany({ where: { objectId: kase.id, action: "case.eligibility_checked" }, orderBy: { id: "asc" } });
    expect(audits).toHaveLength(2);
    expect(audits[1]?.detail).toMatchObject({ answers: { COMPLETE: "yes", ENROLLED: "yes" } });
  });

  it("refuses a late request answered 'filed in time' without the good cause", async () => {
    const kase = await submittedCase({ filedLate: true });
    const error = await refusal(recordEligibility({ ...as(coordinator), caseId: kase.id, expectedVersion: 0, answers: { ...allMet(), FILED_IN_TIME: yes() } }));
    expect(error).toMatchObject({ code: "BAD_REQUEST", detail: { field: "note_FILED_IN_TIME" } });
    expect(await db.eligibilityAnswer.count({ where: { caseId: kase.id } })).toBe(0);
    await screened(kase.id, { ...allMet(), FILED_IN_TIME: yes("Good cause: in hospital after the denial") });
    expect((await db.eligibilityAnswer.findUniqueOrThrow({ where: { caseId_criterion: { caseId: kase.id, criterion: "FILED_IN_TIME" } } })).note).toBe(
      "Good cause: in hospital after the denial",
    );
  });
});

describe("accepting a request", () => {
  it("is refused until every criterion is met", async () => {
    const kase = await submittedCase();
    expect(await refusal(acceptCase({ categories: ACCEPTANCE_CATEGORIES, ...as(coordinator), caseId: kase.id, expectedVersion: 0 }))).toMatchObject({
      code: "BAD_REQUEST",
    });
    await screened(kase.id, { ...allMet(), ENROLLED: { met: false, note: "Coverage ended" } });
    const error = await refusal(
      acceptCase({ categories: ACCEPTANCE_CATEGORIES, ...as(coordinator), caseId: kase.id, expectedVersion: await version(kase.id) }),
    );
    expect(error.message).toMatch(/not met: enrolled with the plan/);
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).status).toBe("ELIGIBILITY_REVIEW");
  });

  it("starts the decision, case file and assignment clocks, asks the plan for its file and tells the applicant", async () => {
    const kase = await submittedCase();
    await screened(kase.id);
    const acceptedAt = new Date("2026-11-24T14:00:00Z"); // Tue 24 Nov, 9:00 EST
    const outcome = await acceptCase({
      categories: ACCEPTANCE_CATEGORIES,
      ...as(coordinator),
      caseId: kase.id,
      expectedVersion: await version(kase.id),
      at: acceptedAt,
    });
    expect(outcome.status).toBe("ACCEPTED");

    const after = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(after).toMatchObject({ status: "ACCEPTED", acceptedAt, planCaseFileRequestedAt: acceptedAt, panelSize: 1 });
    const clocks = Object.fromEntries((await clocksOf(kase.id)).map((clock) => [clock.kind, clock]));
    expect(clocks.ELIGIBILITY).toMatchObject({ status: "MET" });
    expect(clocks.DECISION).toMatchObject({ status: "OPEN", responsible: "ORGANIZATION", startedAt: acceptedAt });
    expect(clocks.PLAN_CASE_FILE).toMatchObject({ status: "OPEN", responsible: "PLAN", startedAt: acceptedAt });
    expect(clocks.ASSIGNMENT).toMatchObject({ status: "OPEN", responsible: "ORGANIZATION", startedAt: acceptedAt });
    // Wed 25, (Thanksgiving), Fri 27, Mon 30, Tue 1, Wed 2 Dec: end of Wed 2 Dec, EST.
    expect(clocks.PLAN_CASE_FILE?.dueAt.toISOString()).toBe("2026-12-03T04:59:59.000Z");

    const emails = await emailsOf(kase.id);
    const toApplicant = emails.filter((email) => email.toAddress === applicant.email);
    expect(toApplicant).toMatchObject([{ template: "case-accepted", props: { decisionDue: "Fri 8 Jan 2027, 11:59 PM ET", reference: kase.reference } }]);
    const toPlan = emails.filter((email) => email.template === "case-file-requested");
    expect(toPlan.map((email) => email.toAddress).sort()).toEqual([plan.contactEmail, planUser.email].sort());
    expect(toPlan[0]?.props).toMatchObject({ due: "Wed 2 Dec 2026, 11:59 PM ET", items: CASE_FILE_ITEMS.map((item) => item.label) });
    expect(toPlan[0]?.subject).toContain("Wed 2 Dec 2026");
    expect(JSON.stringify(emails)).not.toContain("Test service");

    const audit = await db.auditLog.findFirstOrThrow({ where: { objectId: kase.id, action: "case.accepted" } });
    expect(audit).toMatchObject({ actorId: coordinator.id, detail: { from: "ELIGIBILITY_REVIEW", to: "ACCEPTED", panelSize: 1 } });
  });

  it("gives an experimental/investigational case a panel: three reviewers, or the admin's setting", async () => {
    const first = await submittedCase({ disputeType: "EXPERIMENTAL_INVESTIGATIONAL" });
    await screened(first.id);
    await acceptCase({ categories: ACCEPTANCE_CATEGORIES, ...as(coordinator), caseId: first.id, expectedVersion: await version(first.id) });
    expect((await db.case.findUniqueOrThrow({ where: { id: first.id } })).panelSize).toBe(3);

    await db.setting.create({ data: { key: "panelSize", value: 5 } });
    try {
      const second = await submittedCase({ disputeType: "EXPERIMENTAL_INVESTIGATIONAL" });
      await screened(second.id);
      await acceptCase({ categories: ACCEPTANCE_CATEGORIES, ...as(coordinator), caseId: second.id, expectedVersion: await version(second.id) });
      expect((await db.case.findUniqueOrThrow({ where: { id: second.id } })).panelSize).toBe(5);
    } finally {
      await db.setting.delete({ where: { key: "panelSize" } });
    }
  });
});

describe("finding a request ineligible", () => {
  it("stores the notice, emails both parties a link to it, and stops every clock", async () => {
    const kase = await submittedCase();
    await requestInformation({
      ...as(coordinator),
      caseId: kase.id,
      expectedVersion: 0,
      addressedTo: "APPLICANT",
      question: "Send the denial letter",
      at: MONDAY_10_AM,
    });
    await screened(kase.id, { ...allMet(), COVERED_BENEFIT: { met: false, note: "Cosmetic surgery is excluded by the contract" } });
    const reason = "The plan's contract excludes cosmetic surgery, so this is not a covered benefit.";
    await findIneligible({ ...as(coordinator), caseId: kase.id, expectedVersion: await version(kase.id), reason });

    const after = await db.case.findUniqueOrThrow({
      where: { id: kase.id },
      include: { documents: true, events: { orderBy: { createdAt: "desc" }, take: 1 } },
    });
    expect(after.status).toBe("INELIGIBLE");
    expect(after.events[0]).toMatchObject({ type: "found_ineligible", note: reason, toStatus: "INELIGIBLE" });
    expect(after.documents).toMatchObject([{ kind: "NOTICE", contentType: "application/pdf", description: "Notice of ineligibility" }]);
    const notice = after.documents[0]!;

    const clocks = await clocksOf(kase.id);
    expect(clocks.find((clock) => clock.kind === "ELIGIBILITY")?.status).toBe("MET");
    expect(clocks.find((clock) => clock.kind === "APPLICANT_INFORMATION")?.status).toBe("STOPPED");
    expect(clocks.filter((clock) => clock.status === "OPEN")).toEqual([]);

    const emails = (await emailsOf(kase.id)).filter((email) => email.template === "case-ineligible");
    expect(emails.map((email) => email.toAddress).sort()).toEqual([applicant.email, plan.contactEmail, planUser.email].sort());
    for (const email of emails) {
      expect(email.props).toMatchObject({ link: `http://portal.test/documents/${notice.id}`, regulatorName: "State Department of Insurance" });
      // Emails carry no medical details: not the reason, not the service.
      expect(JSON.stringify(email)).not.toMatch(/cosmetic|Test service/i);
    }

    // The applicant downloads the notice (audited); it quotes the reason and gives the regulator's contact.
    const download = await downloadDocument({ ...as(applicant), documentId: notice.id, inline: false });
    const bytes = new Uint8Array(await new Response(download.body).arrayBuffer());
    const text = await pdfText(bytes);
    expect(text).toContain(reason);
    expect(text).toContain("content.naic.org/state-insurance-departments");
    expect(text).toContain("State Department of Insurance");
    expect(text).toContain(kase.reference!);
    expect(text).toContain("A covered benefit denied for an eligible reason");
    // Section 1557: help in other languages, free of charge, and the nondiscrimination notice.
    expect(text).toContain("Help in your language");
    expect(text).toContain("ATENCIÓN: si habla español, tiene a su disposición servicios gratuitos de asistencia lingüística. Llame al 1-800-555-0143.");
    expect(text).toContain("Nondiscrimination notice");
    expect(text).toContain("does not discriminate on the basis of race, color, national origin, age, disability or sex");
    expect(await db.auditLog.count({ where: { action: "document.downloaded", objectId: notice.id, actorId: applicant.id } })).toBe(1);
  });

  it("writes the applicant's notice in Spanish when they asked for Spanish notices, and the plan's in English", async () => {
    const kase = await submittedCase();
    await db.case.update({ where: { id: kase.id }, data: { preferredLanguage: "es" } });
    await screened(kase.id, { ...allMet(), COVERED_BENEFIT: { met: false, note: "Cosmetic surgery is excluded by the contract" } });
    const reason = "El contrato del plan excluye la cirugía estética.";
    await findIneligible({ ...as(coordinator), caseId: kase.id, expectedVersion: await version(kase.id), reason });

    const [english, spanish] = await db.document.findMany({ where: { caseId: kase.id }, orderBy: { translationOfId: { sort: "asc", nulls: "first" } } });
    expect(english).toMatchObject({ kind: "NOTICE", translationOfId: null, language: null, fileName: `ineligibility-notice-${kase.reference}.pdf` });
    expect(spanish).toMatchObject({ kind: "NOTICE", translationOfId: english!.id, language: "es", fileName: `ineligibility-notice-${kase.reference}-es.pdf` });

    // The applicant is emailed (in Spanish) a link to the Spanish copy; the plan a link to the English one.
    const emails = (await emailsOf(kase.id)).filter((email) => email.template === "case-ineligible");
    expect(emails.find((email) => email.toAddress === applicant.email)).toMatchObject({
      language: "es",
      props: { link: `http://portal.test/documents/${spanish!.id}` },
    });
    for (const email of emails.filter((email) => email.toAddress !== applicant.email))
      expect(email).toMatchObject({ language: "en", props: { link: `http://portal.test/documents/${english!.id}` } });

    const read = async (documentId: string) => {
      const download = await downloadDocument({ ...as(applicant), documentId, inline: false });
      return pdfText(new Uint8Array(await new Response(download.body).arrayBuffer()));
    };
    const text = await read(spanish!.id);
    for (const element of [
      "Aviso: su solicitud no cumple los requisitos para una revisión independiente",
      `Número de referencia: ${kase.reference}`,
      `Fecha de este aviso: ${letterDayOf(spanish!.createdAt, "America/New_York", "es")}`,
      `Plan de salud: ${plan.name}`,
      reason,
      "La solicitud no cumplió estas condiciones para una revisión independiente:",
      "Un beneficio cubierto negado por un motivo que se puede revisar",
      "Qué significa esto",
      "Cómo impugnar esta decisión",
      "Comuníquese con State Department of Insurance",
      "Ayuda en su idioma",
      "ATTENTION: If you speak English, language assistance services, free of charge, are available to you. Call 1-800-555-0143.",
      "ATENCIÓN: si habla español",
      "PAUNAWA: Kung nagsasalita ka ng Tagalog",
      "LUS CEEV: Yog tias koj hais lus Hmoob",
      ...TAGLINE_WORDS,
      "Aviso de no discriminación",
      "no discrimina por motivos de raza, color, origen nacional, edad, discapacidad o sexo",
      "Oficina de Derechos Civiles",
    ])
      expect(text).toContain(element);
    expect(text).not.toContain("Notice: your request");

    const planText = await read(english!.id);
    expect(planText).toContain("Notice: your request is not eligible for independent review");
    expect(planText).toContain("Nondiscrimination notice");
    expect(planText).toContain("ATENCIÓN: si habla español");
    expect(planText).not.toContain("Aviso de no discriminación");
  });

  it("needs a criterion answered 'no' first, and leaves no notice behind when the change fails", async () => {
    const kase = await submittedCase();
    expect(await refusal(findIneligible({ ...as(coordinator), caseId: kase.id, expectedVersion: 0, reason: "Not eligible" }))).toMatchObject({
      code: "BAD_REQUEST",
    });
    await screened(kase.id, { ...allMet(), ENROLLED: { met: false, note: "Not a member" } });
    const before = storedFiles();
    const stale = await refusal(findIneligible({ ...as(coordinator), caseId: kase.id, expectedVersion: 0, reason: "Not a member" }));
    expect(stale).toMatchObject({ code: "CONFLICT", message: CONFLICT_MESSAGE });
    expect(await db.document.count({ where: { caseId: kase.id } })).toBe(0);
    expect(storedFiles()).toEqual(before);
  });
});

describe("requests for information", () => {
  it("asks the applicant, with a clock on the applicant due by the profile's window, and emails them", async () => {
    const kase = await submittedCase();
    const outcome = await requestInformation({
      ...as(coordinator),
      caseId: kase.id,
      expectedVersion: 0,
      addressedTo: "APPLICANT",
      question: "Please upload the plan's final denial letter.",
      at: MONDAY_10_AM,
    });
    expect(outcome.status).toBe("SUBMITTED");
    const request = await db.informationRequest.findFirstOrThrow({ where: { caseId: kase.id } });
    // NAIC: 5 business days; Thanksgiving skipped → end of Tue 1 Dec, EST.
    expect(request).toMatchObject({ addressedTo: "APPLICANT", question: "Please upload the plan's final denial letter.", requestedById: coordinator.id });
    expect(request.dueAt.toISOString()).toBe("2026-12-02T04:59:59.000Z");
    const clock = (await clocksOf(kase.id)).find((row) => row.kind === "APPLICANT_INFORMATION");
    expect(clock).toMatchObject({ status: "OPEN", responsible: "APPLICANT", subjectId: request.id, startedAt: MONDAY_10_AM, dueAt: request.dueAt });
    const emails = await emailsOf(kase.id);
    expect(emails).toMatchObject([
      { template: "information-requested", toAddress: applicant.email, props: { due: "Tue 1 Dec 2026, 11:59 PM ET", forApplicant: true } },
    ]);
    expect(JSON.stringify(emails)).not.toContain("denial letter");
  });

  it("asks the plan on the plan's own time (24 hours on an expedited case) and emails the plan's people", async () => {
    const kase = await submittedCase({ track: "EXPEDITED" });
    await requestInformation({
      ...as(coordinator),
      caseId: kase.id,
      expectedVersion: 0,
      addressedTo: "PLAN",
      question: "Send the member's coverage dates.",
      at: MONDAY_10_AM,
    });
    const request = await db.informationRequest.findFirstOrThrow({ where: { caseId: kase.id } });
    expect(request.dueAt.toISOString()).toBe("2026-11-24T15:00:00.000Z");
    const clock = (await clocksOf(kase.id)).find((row) => row.kind === "APPLICANT_INFORMATION");
    expect(clock).toMatchObject({ status: "OPEN", responsible: "PLAN", subjectId: request.id, dueAt: request.dueAt });
    const emails = await emailsOf(kase.id);
    expect(emails.map((email) => email.toAddress).sort()).toEqual([plan.contactEmail, planUser.email].sort());
    expect(emails.every((email) => email.template === "information-requested" && (email.props as { forApplicant: boolean }).forApplicant === false)).toBe(true);
    // The plan sees what it was asked on its page.
    const page = await planCasePage(sessionUserOf(planUser), kase.id, actorFor(planUser), MONDAY_10_AM);
    expect(page.informationRequests).toMatchObject([{ question: "Send the member's coverage dates.", answered: false }]);
  });
});

describe("the plan's side", () => {
  it("lets the plan object to eligibility; the coordinator sees it on the case and is emailed", async () => {
    const kase = await submittedCase({ coordinatorId: coordinator.id });
    await objectToEligibility({ ...as(planUser), caseId: kase.id, expectedVersion: 0, reason: "The member's coverage ended on 31 March." });
    const page = await coordinatorCasePage(sessionUserOf(coordinator), kase.id, actorFor(coordinator));
    expect(page.objections).toMatchObject([{ note: "The member's coverage ended on 31 March." }]);
    expect(page.objections[0]?.by).toContain("health plan");
    const emails = await emailsOf(kase.id);
    expect(emails).toMatchObject([{ template: "case-update", toAddress: coordinator.email, props: { link: `http://portal.test/iro/cases/${kase.id}` } }]);
    expect(JSON.stringify(emails)).not.toContain("coverage ended");
  });

  it("refuses an objection once the eligibility decision is past, and from another plan", async () => {
    const kase = await submittedCase();
    expect(await refusal(objectToEligibility({ ...as(otherPlanUser), caseId: kase.id, expectedVersion: 0, reason: "No" }))).toMatchObject({
      code: "NOT_FOUND",
    });
    await db.case.update({ where: { id: kase.id }, data: { status: "IN_REVIEW" } });
    expect(await refusal(objectToEligibility({ ...as(planUser), caseId: kase.id, expectedVersion: 0, reason: "Too late" }))).toMatchObject({
      code: "CONFLICT",
    });
    const page = await planCasePage(sessionUserOf(planUser), kase.id, actorFor(planUser));
    expect(page.canObject).toBe(false);
  });

  it("shows the plan its case without the reviewers", async () => {
    const kase = await submittedCase();
    await screened(kase.id);
    await acceptCase({ categories: ACCEPTANCE_CATEGORIES, ...as(coordinator), caseId: kase.id, expectedVersion: await version(kase.id) });
    await createAssignment({ caseId: kase.id, reviewerId: reviewer.id, status: "ACCEPTED", attested: true });
    const page = await planCasePage(sessionUserOf(planUser), kase.id, actorFor(planUser));
    expect(page.caseFile).toMatchObject({ state: "requested" });
    expect(page.deadlines.map((row) => row.text).join(" ")).toMatch(/Plan case file due by/);
    expect(JSON.stringify(page)).not.toMatch(new RegExp(`${reviewer.name}|${reviewer.email}|${reviewer.id}`));
  });
});

describe("the plan's case file is late", () => {
  it("lets the coordinator go ahead without it, with a reason, once it is late", async () => {
    const kase = await submittedCase();
    await screened(kase.id);
    await acceptCase({ categories: ACCEPTANCE_CATEGORIES, ...as(coordinator), caseId: kase.id, expectedVersion: await version(kase.id), at: MONDAY_10_AM });
    const due = (await clocksOf(kase.id)).find((clock) => clock.kind === "PLAN_CASE_FILE")!.dueAt;
    const early = await refusal(
      proceedWithoutCaseFile({
        ...as(coordinator),
        caseId: kase.id,
        expectedVersion: await version(kase.id),
        reason: "Plan silent",
        at: new Date(due.getTime() - 1000),
      }),
    );
    expect(early.code).toBe("CONFLICT");

    const late = new Date(due.getTime() + 3_600_000);
    await proceedWithoutCaseFile({
      ...as(coordinator),
      caseId: kase.id,
      expectedVersion: await version(kase.id),
      reason: "The plan sent nothing and did not answer calls.",
      at: late,
    });
    const after = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(after).toMatchObject({ proceededWithoutCaseFileAt: late, proceededWithoutCaseFileReason: "The plan sent nothing and did not answer calls." });
    expect((await clocksOf(kase.id)).find((clock) => clock.kind === "PLAN_CASE_FILE")).toMatchObject({ status: "MISSED", closedAt: late });
    expect(await db.auditLog.count({ where: { objectId: kase.id, action: "case.proceeded_without_case_file" } })).toBe(1);
    const page = await coordinatorCasePage(sessionUserOf(coordinator), kase.id, actorFor(coordinator), late);
    expect(page.caseFile.state).toBe("proceeded_without");
    expect(page.actions.proceedWithoutCaseFile).toBe(false);
  });
});

describe("two coordinators at once", () => {
  it("lets one win; the other is told the case changed", async () => {
    const kase = await submittedCase();
    await screened(kase.id);
    const seen = await version(kase.id);
    const results = await Promise.allSettled([
      acceptCase({ categories: ACCEPTANCE_CATEGORIES, ...as(coordinator), caseId: kase.id, expectedVersion: seen }),
      requestInformation({ ...as(otherCoordinator), caseId: kase.id, expectedVersion: seen, addressedTo: "APPLICANT", question: "Anything else?" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [lost] = results.filter((result) => result.status === "rejected");
    expect(lost?.reason).toBeInstanceOf(AppError);
    expect(lost?.reason).toMatchObject({ code: "CONFLICT", message: CONFLICT_MESSAGE });
    expect(await version(kase.id)).toBe(seen + 1);
  });

  it("records who looks after the case", async () => {
    const kase = await submittedCase();
    await lookAfterCase({ ...as(otherCoordinator), caseId: kase.id, expectedVersion: 0 });
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).coordinatorId).toBe(otherCoordinator.id);
    const page = await coordinatorCasePage(sessionUserOf(coordinator), kase.id, actorFor(coordinator));
    expect(page.coordinator).toEqual({ name: "Marcus Coordinator", isViewer: false });
    expect(page.actions.lookAfter).toBe(true);
  });
});

describe("who may see and act at intake", () => {
  it("answers 404 to reviewers, applicants and other plans", async () => {
    const kase = await submittedCase();
    await createAssignment({ caseId: kase.id, reviewerId: reviewer.id, status: "ACCEPTED", attested: true });
    for (const person of [reviewer, applicant, planUser]) {
      expect(await refusal(coordinatorCasePage(sessionUserOf(person), kase.id, actorFor(person)))).toMatchObject({ code: "NOT_FOUND" });
      expect(await refusal(acceptCase({ categories: ACCEPTANCE_CATEGORIES, ...as(person), caseId: kase.id, expectedVersion: 0 }))).toMatchObject({
        code: "NOT_FOUND",
      });
    }
    for (const person of [otherPlanUser, reviewer, applicant, coordinator]) {
      expect(await refusal(planCasePage(sessionUserOf(person), kase.id, actorFor(person)))).toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await refusal(coordinatorCasePage(sessionUserOf(coordinator), "not-a-uuid", actorFor(coordinator)))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("offers on the page exactly what the case's state allows", async () => {
    const kase = await submittedCase();
    const page = async () => (await coordinatorCasePage(sessionUserOf(coordinator), kase.id, actorFor(coordinator))).actions;
    expect(await page()).toMatchObject({
      recordEligibility: true,
      accept: false,
      findIneligible: false,
      requestInformation: true,
      proceedWithoutCaseFile: false,
      qualityReview: false,
    });
    await screened(kase.id);
    expect(await page()).toMatchObject({ accept: true, findIneligible: false });
    await acceptCase({ categories: ACCEPTANCE_CATEGORIES, ...as(coordinator), caseId: kase.id, expectedVersion: await version(kase.id) });
    expect(await page()).toMatchObject({ recordEligibility: false, accept: false, findIneligible: false, requestInformation: true });
  });
});

describe("the intake queue", () => {
  it("lists requests waiting for their eligibility decision, expedited first, then by due time", async () => {
    await db.case.updateMany({ where: { status: { in: ["SUBMITTED", "ELIGIBILITY_REVIEW"] } }, data: { status: "WITHDRAWN" } });
    const standardLater = await createCase({ applicantId: applicant.id, planId: plan.id, status: "SUBMITTED" });
    await db.$transaction((tx) => applyDeadlineEffects(tx, standardLater.id, { start: ["eligibility"] }, new Date("2026-11-20T15:00:00Z")));
    const standardSooner = await createCase({ applicantId: applicant.id, planId: plan.id, status: "ELIGIBILITY_REVIEW", coordinatorId: coordinator.id });
    await db.$transaction((tx) => applyDeadlineEffects(tx, standardSooner.id, { start: ["eligibility"] }, new Date("2026-11-16T15:00:00Z")));
    const expedited = await createCase({ applicantId: applicant.id, planId: plan.id, status: "SUBMITTED", track: "EXPEDITED" });
    await db.$transaction((tx) => applyDeadlineEffects(tx, expedited.id, { start: ["eligibility"] }, MONDAY_10_AM));
    await db.case.update({ where: { id: expedited.id }, data: { filedLate: true } });
    await createCase({ applicantId: applicant.id, planId: plan.id, status: "ACCEPTED" });

    const queue = await intakeQueue(1, MONDAY_10_AM);
    expect(queue.rows.map((row) => row.id)).toEqual([expedited.id, standardSooner.id, standardLater.id]);
    expect(queue.total).toBe(3);
    expect(queue.rows[0]).toMatchObject({ expedited: true, filedLate: true, coordinator: null, plan: plan.name, state: "on_track" });
    expect(queue.rows[1]).toMatchObject({ coordinator: "Dana Coordinator", status: "ELIGIBILITY_REVIEW" });
  });
});
