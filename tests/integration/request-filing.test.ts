import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { localDate, addDaysToLocalDate } from "~/domain/deadlines/time-zone";
import type { DocumentKind } from "~/domain/documents/document-kinds";
import { addMonthsClamped, endOfLocalDate } from "~/domain/deadlines/calendar";
import type { RequestDraft } from "~/domain/requests/request-draft";
import { EDIT_STEPS, nextStep, type EditStep } from "~/domain/requests/steps";
import type { Role } from "~/domain/roles";
import * as editStepRoute from "~/routes/requests/edit-step";
import * as reviewRoute from "~/routes/requests/review";
import { requestStepSchemas, stepFormValues } from "~/schemas/request-steps";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { draftStepPage } from "~/server/requests/draft-step-page.server";
import { draftFilingContext } from "~/server/requests/request-draft.server";
import { saveDraftStep } from "~/server/requests/save-draft-step.server";
import { startDraft } from "~/server/requests/start-draft.server";
import { submitRequest } from "~/server/requests/submit-request.server";
import { actorFor, createPlan, createUser, sessionUserOf } from "#tests/support/factories";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";
import { completeDraft } from "#tests/unit/request-draft-fixture";

const applicantUser = async () => withSession(await createUser({ roles: ["APPLICANT"], name: "Maria Lopez" }));
type Applicant = Awaited<ReturnType<typeof applicantUser>>;

let plan: { id: string; contactEmail: string | null };
let planStaff: string;
let coordinators: string[];
let disabledCoordinator: string;
let today: string;

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
  plan = await createPlan();
  planStaff = (await createUser({ roles: ["PLAN"], planId: plan.id })).email;
  await db.webhookEndpoint.create({ data: { planId: plan.id, url: "https://plan.example/imr-events", events: ["case.filed"], secret: "whsec_test" } });
  coordinators = [(await createUser({ roles: ["COORDINATOR"] })).email, (await createUser({ roles: ["COORDINATOR", "ADMIN"] })).email];
  const disabled = await createUser({ roles: ["COORDINATOR"] });
  await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
  disabledCoordinator = disabled.email;
  today = localDate(new Date(), "America/New_York");
});

const roles = (user: { roles: Role[] }) => user.roles;

/** Saves every step of a draft through the step schemas, as the form does with "Save and continue". */
async function fillDraft(user: Applicant, overrides: Partial<RequestDraft> = {}): Promise<string> {
  const { caseId } = await startDraft(sessionUserOf(user), actorFor(user));
  const recent = addDaysToLocalDate(today, -10);
  const draft = completeDraft({ planId: plan.id, denialDate: recent, appealCompletedDate: recent, serviceDate: recent, ...overrides });
  for (const step of EDIT_STEPS) {
    const context = await draftFilingContext(sessionUserOf(user), caseId);
    const values = requestStepSchemas(step, context).complete.parse(stepFormValues(step, draft));
    await saveDraftStep({ user: sessionUserOf(user), caseId, step, values, goTo: nextStep(step)!, actor: actorFor(user) });
  }
  return caseId;
}

async function addDocument(caseId: string, kind: DocumentKind, uploadedById: string) {
  await db.document.create({
    data: {
      caseId,
      kind,
      fileName: `${kind.toLowerCase()}.pdf`,
      contentType: "application/pdf",
      sizeBytes: 1234n,
      sha256: crypto.randomBytes(32).toString("hex"),
      storageKey: crypto.randomUUID(),
      uploadedById,
    },
  });
}

async function versionOf(caseId: string) {
  return (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
}

async function submit(user: Applicant, caseId: string, expectedVersion?: number) {
  return submitRequest({
    user: { ...sessionUserOf(user), roles: roles(user) },
    caseId,
    expectedVersion: expectedVersion ?? (await versionOf(caseId)),
    signedName: "Maria Lopez",
    actor: actorFor(user),
  });
}

describe("a draft", () => {
  it("is saved at each step and resumes there, with its answers, on another device", async () => {
    const maria = await applicantUser();
    const { caseId } = await startDraft(sessionUserOf(maria), actorFor(maria));
    const context = await draftFilingContext(sessionUserOf(maria), caseId);
    const patient = requestStepSchemas("patient", context).draft.parse({ patientName: "Maria Lopez", memberId: "EVG-1", patientBirthDate: "" });
    await saveDraftStep({ user: sessionUserOf(maria), caseId, step: "patient", values: patient, goTo: "patient", actor: actorFor(maria) });

    // Another device: a second session of the same person opens the draft where she left it.
    const otherDevice = (await withSession(maria)).cookie;
    const home = await call(editStepRoute.loader as RouteFunction, request(`/requests/${caseId}/edit/patient`, otherDevice), { caseId, step: "patient" });
    expect(home.status).toBe(200);
    expect(home.data).toMatchObject({ step: "patient", values: { patientName: "Maria Lopez", memberId: "EVG-1", patientBirthDate: "" } });
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ status: "DRAFT", draftStep: "patient", memberId: "EVG-1", patientBirthDate: null, reference: null });
    const audits = await db.auditLog.findMany({ where: { objectId: caseId }, orderBy: { id: "asc" } });
    // Opening the draft is a view of the patient's details like any other.
    expect(audits.map((entry) => entry.action)).toEqual(["case.draft_started", "case.draft_saved", "case.viewed"]);
  });

  it("keeps what was typed when a step does not validate, and saves it when the person goes back", async () => {
    const maria = await applicantUser();
    const { caseId } = await startDraft(sessionUserOf(maria), actorFor(maria));
    const params = { caseId, step: "patient" };
    const incomplete = { patientName: "Maria Lopez", patientPhone: "555", preferredLanguage: "es" };
    const refused = await call(
      editStepRoute.action as RouteFunction,
      request(`/requests/${caseId}/edit/patient`, maria.cookie, { ...incomplete, intent: "continue" }),
      params,
    );
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({
      values: incomplete,
      fieldErrors: { patientPhone: "Enter the whole phone number, with its area code.", memberId: "Enter the member ID from the patient's insurance card." },
    });
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).patientName).toBeNull();

    const back = await call(
      editStepRoute.action as RouteFunction,
      request(`/requests/${caseId}/edit/patient`, maria.cookie, { patientName: "Maria Lopez", preferredLanguage: "es", intent: "back" }),
      params,
    );
    expect(back).toMatchObject({ status: 302, location: `/requests/${caseId}/edit/filer` });
    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      patientName: "Maria Lopez",
      preferredLanguage: "es",
      draftStep: "filer",
    });

    const later = await call(
      editStepRoute.action as RouteFunction,
      request(`/requests/${caseId}/edit/filer`, maria.cookie, { filedBy: "PATIENT", intent: "later" }),
      {
        caseId,
        step: "filer",
      },
    );
    expect(later).toMatchObject({ status: 302, location: `/requests?saved=${caseId}` });
  });

  it("answers 404 to another applicant, for every page and every save", async () => {
    const maria = await applicantUser();
    const stranger = await applicantUser();
    const { caseId } = await startDraft(sessionUserOf(maria), actorFor(maria));
    for (const step of [...EDIT_STEPS] as EditStep[]) {
      const page = await call(editStepRoute.loader as RouteFunction, request(`/requests/${caseId}/edit/${step}`, stranger.cookie), { caseId, step });
      expect(page.status, step).toBe(404);
    }
    const save = await call(
      editStepRoute.action as RouteFunction,
      request(`/requests/${caseId}/edit/patient`, stranger.cookie, { patientName: "Intruder", intent: "continue" }),
      {
        caseId,
        step: "patient",
      },
    );
    expect(save.status).toBe(404);
    expect((await call(reviewRoute.loader as RouteFunction, request(`/requests/${caseId}/review`, stranger.cookie), { caseId })).status).toBe(404);
    const filing = await call(
      reviewRoute.action as RouteFunction,
      request(`/requests/${caseId}/review`, stranger.cookie, { consentName: "X", consentAgreed: "true", version: "0" }),
      { caseId },
    );
    expect(filing.status).toBe(404);
    await expect(draftStepPage(sessionUserOf(stranger), caseId, "patient", actorFor(stranger))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).patientName).toBeNull();
  });
});

describe("submitting a request", () => {
  it("files it in one go: reference, profile, clock, timeline, audit, and emails without medical details", async () => {
    const maria = await applicantUser();
    const caseId = await fillDraft(maria);
    await addDocument(caseId, "DENIAL_LETTER", maria.id);

    const outcome = await submit(maria, caseId);
    expect(outcome).toMatchObject({ kind: "filed", caseId, reference: expect.stringMatching(/^IMR-\d{4}-\d{6}$/) });
    const reference = (outcome as { reference: string }).reference;

    const row = await db.case.findUniqueOrThrow({ where: { id: caseId }, include: { ruleProfile: true } });
    expect(row).toMatchObject({
      status: "SUBMITTED",
      reference,
      consentSignedName: "Maria Lopez",
      filedLate: false,
      draftStep: null,
      version: EDIT_STEPS.length + 1,
    });
    expect(row.submittedAt).toBeInstanceOf(Date);
    expect(row.consentSignedAt).toEqual(row.submittedAt);
    expect(row.ruleProfile).toMatchObject({ code: "naic" });

    const clocks = await db.caseDeadline.findMany({ where: { caseId } });
    expect(clocks).toEqual([expect.objectContaining({ kind: "ELIGIBILITY", status: "OPEN", responsible: "ORGANIZATION" })]);
    expect(row.nextDeadlineKind).toBe("ELIGIBILITY");

    const events = await db.caseEvent.findMany({ where: { caseId } });
    expect(events).toEqual([expect.objectContaining({ type: "submitted", fromStatus: "DRAFT", toStatus: "SUBMITTED", actorId: maria.id })]);
    expect(await db.auditLog.count({ where: { objectId: caseId, action: "case.submitted" } })).toBe(1);

    const emails = await db.outboxMessage.findMany({ where: { caseId }, orderBy: { toAddress: "asc" } });
    expect(emails.map((email) => `${email.template} ${email.toAddress}`).sort()).toEqual(
      [
        `request-received ${maria.email}`,
        ...coordinators.map((to) => `new-request ${to}`),
        `case-filed ${plan.contactEmail}`,
        `case-filed ${planStaff}`,
      ].sort(),
    );
    const planNotice = emails.find((email) => email.template === "case-filed")!;
    expect(planNotice.subject).toBe(`${reference}: a request for independent review of your denial was filed`);
    expect(planNotice.props).toMatchObject({ reference, expedited: false, link: `http://portal.test/cases/${reference}` });

    const eligibility = clocks[0]!;
    const webhooks = await db.webhookDelivery.findMany({ where: { caseId }, select: { eventType: true, payload: true } });
    expect(webhooks).toEqual([
      {
        eventType: "case.filed",
        payload: {
          type: "case.filed",
          timestamp: row.submittedAt!.toISOString(),
          data: { reference, track: "STANDARD", filedAt: row.submittedAt!.toISOString(), eligibilityDueAt: eligibility.dueAt.toISOString() },
        },
      },
    ]);
    expect(emails.map((email) => email.toAddress)).not.toContain(disabledCoordinator);
    const received = emails.find((email) => email.template === "request-received")!;
    // Maria asked for her notices in Spanish: her confirmation is in Spanish too.
    expect(received).toMatchObject({ language: "es", subject: `${reference}: recibimos su solicitud de revisión independiente` });
    expect(received.props).toMatchObject({ reference, expedited: false, link: `http://portal.test/cases/${reference}` });
    // Never medical details in an email.
    const everything = JSON.stringify(emails);
    for (const secret of ["MRI", "lower back", "M54.5", "72148", "Ruiz", "Maria Lopez"]) expect(everything).not.toContain(secret);
  });

  it("gives the case its plan's rule profile: a California plan's 7 calendar days to decide eligibility, a federal plan's profile", async () => {
    const california = await db.healthPlan.create({
      data: { name: `California plan ${crypto.randomUUID()}`, ruleProfileCode: "california", contactEmail: "appeals@california-plan.test" },
    });
    const federal = await db.healthPlan.create({
      data: { name: `Federal plan ${crypto.randomUUID()}`, ruleProfileCode: "federal", contactEmail: "appeals@federal-plan.test" },
    });
    const maria = await applicantUser();
    for (const [filedWith, code] of [
      [california, "california"],
      [federal, "federal"],
    ] as const) {
      const caseId = await fillDraft(maria, { planId: filedWith.id });
      await addDocument(caseId, "DENIAL_LETTER", maria.id);
      expect(await submit(maria, caseId)).toMatchObject({ kind: "filed" });
      const row = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { submittedAt: true, ruleProfile: { select: { code: true } } } });
      expect(row.ruleProfile?.code).toBe(code);
      if (code !== "california") continue;
      const clock = await db.caseDeadline.findFirstOrThrow({ where: { caseId, kind: "ELIGIBILITY" } });
      // Calendar days, weekends and holidays included: the end of the seventh local day after filing.
      expect(clock.dueAt).toEqual(endOfLocalDate(addDaysToLocalDate(localDate(row.submittedAt!, "America/New_York"), 7), "America/New_York"));
    }
  });

  it("files once when sent twice at the same moment, and sends the second to the filed case", async () => {
    const maria = await applicantUser();
    const caseId = await fillDraft(maria);
    await addDocument(caseId, "DENIAL_LETTER", maria.id);
    const version = await versionOf(caseId);

    const outcomes = await Promise.all([submit(maria, caseId, version), submit(maria, caseId, version)]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(["already-filed", "filed"]);
    expect(await db.caseEvent.count({ where: { caseId } })).toBe(1);
    expect(await db.caseDeadline.count({ where: { caseId } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { caseId, template: "request-received" } })).toBe(1);

    // A retry later, through the page: redirected to the filed case, nothing filed again.
    const retry = await call(
      reviewRoute.action as RouteFunction,
      request(`/requests/${caseId}/review`, maria.cookie, { consentName: "Maria Lopez", consentAgreed: "true", version: String(version) }),
      {
        caseId,
      },
    );
    expect(retry).toMatchObject({ status: 302, location: `/requests/${caseId}` });
    expect(await db.caseEvent.count({ where: { caseId } })).toBe(1);
    const page = await call(reviewRoute.loader as RouteFunction, request(`/requests/${caseId}/review`, maria.cookie), { caseId });
    expect(page.data).toMatchObject({ kind: "filed", reference: expect.stringMatching(/^IMR-/) });
  });

  it("refuses a draft changed since it was reviewed, and files the version reviewed again", async () => {
    const maria = await applicantUser();
    const caseId = await fillDraft(maria);
    await addDocument(caseId, "DENIAL_LETTER", maria.id);
    const reviewed = await versionOf(caseId);
    await saveDraftStep({
      user: sessionUserOf(maria),
      caseId,
      step: "statement",
      values: { applicantStatement: "Changed in another tab" },
      goTo: "review",
      actor: actorFor(maria),
    });
    expect(await submit(maria, caseId, reviewed)).toEqual({ kind: "changed" });
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("DRAFT");
    expect(await submit(maria, caseId)).toMatchObject({ kind: "filed" });
  });

  it("refuses a representative without the authorization, with the message, and files once it is uploaded", async () => {
    const james = await applicantUser();
    const caseId = await fillDraft(james, { filedBy: "REPRESENTATIVE", representativeRelationship: "DESIGNATED_PERSON" });
    await addDocument(caseId, "DENIAL_LETTER", james.id);
    const version = await versionOf(caseId);

    const refused = await call(
      reviewRoute.action as RouteFunction,
      request(`/requests/${caseId}/review`, james.cookie, { consentName: "James Carter", consentAgreed: "true", version: String(version) }),
      {
        caseId,
      },
    );
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({ formError: expect.stringMatching(/cannot be sent yet/) });
    const review = await call(reviewRoute.loader as RouteFunction, request(`/requests/${caseId}/review`, james.cookie), { caseId });
    expect(review.data).toMatchObject({
      kind: "draft",
      missing: [{ step: "documents", message: expect.stringMatching(/^Upload the authorization that lets you act for the patient/) }],
    });
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ status: "DRAFT", reference: null, version });
    expect(await db.caseEvent.count({ where: { caseId } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { caseId } })).toBe(0);

    await addDocument(caseId, "AUTHORIZATION", james.id);
    expect(await submit(james, caseId)).toMatchObject({ kind: "filed" });
  });

  it("files a late request and flags it for the coordinator, with the reason", async () => {
    const maria = await applicantUser();
    const old = addMonthsClamped(today, -5);
    const caseId = await fillDraft(maria, {
      denialDate: old,
      appealCompletedDate: old,
      serviceDate: old,
      lateFilingReason: "I was in hospital until last week.",
    });
    await addDocument(caseId, "DENIAL_LETTER", maria.id);
    expect(await submit(maria, caseId)).toMatchObject({ kind: "filed" });
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ filedLate: true, lateFilingReason: "I was in hospital until last week." });
    const notice = await db.outboxMessage.findFirstOrThrow({ where: { caseId, template: "new-request" } });
    expect(notice.props).toMatchObject({ filedLate: true });
    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId } });
    expect(event.data).toMatchObject({ filedLate: true });
  });

  it("files an expedited request whose certification is to follow, on the expedited clock", async () => {
    const maria = await applicantUser();
    const caseId = await fillDraft(maria, { track: "EXPEDITED", expeditedReason: "Admitted through the emergency room", certificationToFollow: true });
    await addDocument(caseId, "DENIAL_LETTER", maria.id);
    const at = new Date();
    expect(await submit(maria, caseId)).toMatchObject({ kind: "filed" });
    const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ track: "EXPEDITED", certificationToFollow: true });
    const clock = await db.caseDeadline.findFirstOrThrow({ where: { caseId } });
    // NAIC: the eligibility decision of an expedited request is due within 24 hours.
    expect(Math.abs(clock.dueAt.getTime() - at.getTime() - 24 * 3_600_000)).toBeLessThan(60_000);
  });
});
