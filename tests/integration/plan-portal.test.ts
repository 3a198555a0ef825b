import { beforeAll, describe, expect, it } from "vitest";
import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { formatLocalDate } from "~/domain/rule-profiles";
import { uploadQuerySchema } from "~/schemas/upload-query";
import * as documentRoute from "~/routes/documents/document";
import * as planCaseRoute from "~/routes/plan/case";
import * as planCasesRoute from "~/routes/plan/index";
import { planCasesFilterSchema } from "~/schemas/plan-cases";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { DocumentRefusal } from "~/server/documents/document-refusal.server";
import { uploadDocument } from "~/server/documents/upload-document.server";
import { AppError } from "~/server/errors.server";
import { planCasePage } from "~/server/plan/plan-case-page.server";
import { completeCaseFile } from "~/server/plan/complete-case-file.server";
import { confirmCompliance } from "~/server/plan/confirm-compliance.server";
import { planCasesList } from "~/server/plan/plan-cases-list.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { applicantCasePage } from "~/server/requests/case-page.server";
import { createPlanActionCase } from "#tests/support/case-factories";
import { actorFor, createAssignment, createCase, createPlan, createUser, sessionUserOf } from "#tests/support/factories";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";
import { testDatabase } from "#tests/support/test-database";

type Person = Awaited<ReturnType<typeof createUser>>;
let applicant: Person;
let coordinator: Person;
let planUser: Person;
let otherPlanUser: Person;
let reviewer: Person;
let plan: Awaited<ReturnType<typeof createPlan>>;
let otherPlan: Awaited<ReturnType<typeof createPlan>>;

const day = 86_400_000;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

beforeAll(async () => {
  expect(testDatabase.url).toBeTruthy();
  await ensureReferenceData();
  forgetOrganizationCalendar();
  plan = await createPlan();
  otherPlan = await createPlan();
  applicant = await createUser({ roles: ["APPLICANT"] });
  coordinator = await createUser({ roles: ["COORDINATOR"] });
  planUser = await createUser({ roles: ["PLAN"], planId: plan.id });
  otherPlanUser = await createUser({ roles: ["PLAN"], planId: otherPlan.id });
  reviewer = await createUser({ roles: ["REVIEWER"], name: "Dr. Hidden Reviewer" });
});

const filter = (query: Record<string, string> = {}) => planCasesFilterSchema.parse(query);

/** An accepted case of `planId` whose case file is asked for, due `dueAt`. */
async function acceptedCase(planId: string, dueAt: Date, claim?: string) {
  const kase = await createCase({ applicantId: applicant.id, planId, status: "ACCEPTED" });
  const now = new Date();
  await db.case.update({ where: { id: kase.id }, data: { acceptedAt: now, planCaseFileRequestedAt: now, planDenialReference: claim ?? null } });
  await db.caseDeadline.create({
    data: { caseId: kase.id, kind: "PLAN_CASE_FILE", responsible: "PLAN", startedAt: now, dueAt, atRiskAt: new Date(dueAt.getTime() - day / 4) },
  });
  return kase;
}

/** A case decided for the patient, its letter issued and the plan's compliance clock due `dueAt`. */
async function overturnedCase(planId: string, dueAt: Date) {
  const kase = await createCase({ applicantId: applicant.id, planId, status: "DECIDED", coordinatorId: coordinator.id });
  const decidedAt = new Date(dueAt.getTime() - day);
  await db.case.update({ where: { id: kase.id }, data: { outcome: "OVERTURNED", decidedAt } });
  await db.caseDeadline.create({
    data: { caseId: kase.id, kind: "COMPLIANCE", responsible: "PLAN", startedAt: decidedAt, dueAt, atRiskAt: new Date(dueAt.getTime() - day / 4) },
  });
  const document = await db.document.create({
    data: {
      caseId: kase.id,
      kind: "DECISION_LETTER",
      fileName: "decision.pdf",
      contentType: "application/pdf",
      sizeBytes: 10n,
      sha256: "0".repeat(64),
      storageKey: crypto.randomUUID(),
    },
  });
  await db.decisionLetter.create({
    data: {
      caseId: kase.id,
      version: 1,
      documentId: document.id,
      sha256: "0".repeat(64),
      verificationCode: crypto.randomUUID(),
      outcome: "OVERTURNED",
      issuedAt: decidedAt,
      issuedById: coordinator.id,
    },
  });
  return { ...kase, letterDocumentId: document.id };
}

async function uploadAs(person: Person, query: Record<string, string>) {
  return uploadDocument({
    user: sessionUserOf(person),
    actor: actorFor(person),
    query: uploadQuerySchema.parse(query),
    body: new Blob([PDF]).stream(),
    declaredBytes: PDF.length,
    signal: new AbortController().signal,
  });
}

describe("the plan's list of cases", () => {
  it("shows only the plan's own filed cases, with the plan's deadlines in words", async () => {
    const mine = await acceptedCase(plan.id, new Date(Date.now() + 3 * day));
    const theirs = await acceptedCase(otherPlan.id, new Date(Date.now() + 3 * day));
    const draft = await createCase({ applicantId: applicant.id, planId: plan.id, status: "DRAFT" });
    const list = await planCasesList(sessionUserOf(planUser), filter());
    const ids = list.rows.map((row) => row.id);
    expect(list.planName).toBe(plan.name);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(ids).not.toContain(draft.id);
    const row = list.rows.find((item) => item.id === mine.id)!;
    expect(row.caseFile?.text).toMatch(/^Plan case file due by .* — 2 days left|^Plan case file due by .* — 3 days left/);
    expect(row.compliance).toBeNull();
    expect(row.needsAction).toBe(true);
  });

  it("filters by status, by what needs the plan's action and by reference or claim, a page at a time", async () => {
    const waiting = await acceptedCase(plan.id, new Date(Date.now() + 3 * day), "CLM-FIND-ME-77");
    const done = await acceptedCase(plan.id, new Date(Date.now() + 3 * day));
    await db.case.update({ where: { id: done.id }, data: { planCaseFileCompletedAt: new Date() } });
    await db.caseDeadline.updateMany({ where: { caseId: done.id }, data: { status: "MET", closedAt: new Date() } });
    const overturn = await overturnedCase(plan.id, new Date(Date.now() + 2 * day));
    const user = sessionUserOf(planUser);

    const needed = (await planCasesList(user, filter({ action: "needed" }))).rows.map((row) => row.id);
    expect(needed).toEqual(expect.arrayContaining([waiting.id, overturn.id]));
    expect(needed).not.toContain(done.id);

    expect((await planCasesList(user, filter({ status: "DECIDED" }))).rows.map((row) => row.id)).toEqual([overturn.id]);
    const decided = (await planCasesList(user, filter({ status: "DECIDED" }))).rows[0]!;
    expect(decided.compliance?.text).toMatch(/^Plan compliance due by/);

    expect((await planCasesList(user, filter({ q: "clm-find-me" }))).rows.map((row) => row.id)).toEqual([waiting.id]);
    expect((await planCasesList(user, filter({ q: waiting.reference!.slice(-8) }))).rows.map((row) => row.id)).toEqual([waiting.id]);
    // Another plan's claim reference finds nothing here.
    expect((await planCasesList(sessionUserOf(otherPlanUser), filter({ q: "CLM-FIND-ME" }))).rows).toEqual([]);

    for (let index = 0; index < 26; index += 1) await acceptedCase(plan.id, new Date(Date.now() + 3 * day));
    const first = await planCasesList(user, filter());
    const second = await planCasesList(user, filter({ page: "2" }));
    expect(first.rows).toHaveLength(25);
    expect(first.pages).toBe(Math.ceil(first.matching / 25));
    expect(second.rows.map((row) => row.id).filter((id) => first.rows.some((row) => row.id === id))).toEqual([]);
    // Nonsense in the query string is ignored rather than refused.
    expect(filter({ status: "DRAFT", action: "maybe", page: "-3" })).toMatchObject({ status: undefined, action: undefined, page: 1 });
  });
});

describe("the plan's case page", () => {
  it("keeps each case file document with its checklist item and description, which the applicant sees too", async () => {
    const kase = await acceptedCase(plan.id, new Date(Date.now() + 3 * day));
    await createAssignment({ caseId: kase.id, reviewerId: reviewer.id, status: "ACCEPTED", attested: true });
    await uploadAs(planUser, {
      caseId: kase.id,
      kind: "PLAN_CASE_FILE",
      name: "denial.pdf",
      caseFileItem: "letters",
      description: "  Denial of 2 March and appeal decision of 20 March.  ",
    });
    const page = await planCasePage(sessionUserOf(planUser), kase.id, actorFor(planUser));
    expect(page.caseFile.documents).toMatchObject([
      { fileName: "denial.pdf", item: "letters", description: "Denial of 2 March and appeal decision of 20 March." },
    ]);
    expect(page.caseFile.items.find((item) => item.key === "letters")).toMatchObject({ state: "received", documents: 1 });
    expect(page.caseFile).toMatchObject({ canUpload: true, canComplete: true });
    expect(page.canReverse).toBe(true);
    expect(JSON.stringify(page)).not.toContain("Hidden Reviewer");

    const applicantPage = await applicantCasePage(sessionUserOf(applicant), kase.id, actorFor(applicant));
    if (applicantPage.kind !== "case") throw new Error("expected a filed case");
    expect(applicantPage.documents.others).toMatchObject([{ fileName: "denial.pdf", description: "Denial of 2 March and appeal decision of 20 March." }]);
  });

  it("opens with what is disputed, and shows the timeline as the plan may see it: its own steps and words, due times, no internal note and no reviewer's name", async () => {
    const dueAt = new Date(Date.now() + 3 * day);
    const kase = await acceptedCase(plan.id, dueAt, "CLM-88341");
    await db.case.update({
      where: { id: kase.id },
      data: {
        serviceDescription: "Lumbar spinal fusion",
        procedureCodes: ["22612"],
        diagnosisCodes: ["M43.16"],
        disputeType: "MEDICAL_NECESSITY",
        denialDate: new Date("2026-09-01"),
        denialReason: "They said I had not tried physiotherapy.",
      },
    });
    const { acceptedAt } = await db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { acceptedAt: true } });
    const at = (minutes: number) => new Date(acceptedAt!.getTime() + minutes * 60_000);
    await db.caseEvent.createMany({
      data: [
        { caseId: kase.id, type: "accepted", fromStatus: "ELIGIBILITY_REVIEW", toStatus: "ACCEPTED", actorId: coordinator.id, createdAt: acceptedAt! },
        { caseId: kase.id, type: "reviewer_offered", actorId: coordinator.id, note: "Offered to the spine surgeon first.", createdAt: at(1) },
        { caseId: kase.id, type: "offer_accepted", fromStatus: "ACCEPTED", toStatus: "IN_REVIEW", actorId: reviewer.id, createdAt: at(2) },
        { caseId: kase.id, type: "information_requested", actorId: coordinator.id, data: { addressedTo: "PLAN" }, createdAt: at(3) },
        { caseId: kase.id, type: "information_requested", actorId: coordinator.id, data: { addressedTo: "APPLICANT" }, createdAt: at(4) },
        {
          caseId: kase.id,
          type: "sent_back",
          fromStatus: "DETERMINED",
          toStatus: "IN_REVIEW",
          actorId: coordinator.id,
          note: "Internal: redo the rationale.",
          createdAt: at(5),
        },
      ],
    });
    await db.case.update({ where: { id: kase.id }, data: { status: "IN_REVIEW" } });
    const version = (await db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { version: true } })).version;
    await completeCaseFile({
      user: sessionUserOf(planUser),
      actor: actorFor(planUser),
      caseId: kase.id,
      expectedVersion: version,
      channel: "PORTAL",
      notApplicable: ["letters", "medicalRecords", "criteria", "policy", "expertOpinions", "applicantList"],
      denialReason: "Lumbar fusion does not meet medical policy MP-114.",
      at: at(6),
    });

    const page = await planCasePage(sessionUserOf(planUser), kase.id, actorFor(planUser), at(7));
    expect(page.dispute).toEqual([
      { label: "Service in dispute, as the applicant describes it", value: "Lumbar spinal fusion" },
      { label: "Procedure codes (CPT/HCPCS)", value: "22612" },
      { label: "Diagnosis codes (ICD-10)", value: "M43.16" },
      { label: "Type of dispute", value: "Medical necessity" },
      { label: "Track", value: "Standard" },
      { label: "Date of your final denial", value: formatLocalDate("2026-09-01") },
      { label: "Your reference or claim number", value: "CLM-88341" },
      { label: "Your reason for the denial, from your case file", value: "Lumbar fusion does not meet medical policy MP-114." },
      { label: "The denial, as the applicant describes it", value: "They said I had not tried physiotherapy." },
    ]);
    expect(page.timeline.map((entry) => [entry.type, entry.actor, entry.detail ?? null, entry.note])).toEqual([
      ["accepted", "The review organization", null, null],
      ["case_file_requested", "The review organization", `Due by ${formatDeadlineTime(dueAt, "America/New_York")}`, null],
      ["offer_accepted", "A reviewer", null, null],
      ["information_requested", "The review organization", null, null],
      ["sent_back", "The review organization", null, null],
      ["case_file_completed", "Your plan", null, null],
    ]);
    const shown = JSON.stringify(page);
    for (const hidden of ["Hidden Reviewer", "spine surgeon", "Internal: redo", coordinator.name]) expect(shown).not.toContain(hidden);
    expect(await db.auditLog.count({ where: { action: "case.viewed", objectId: kase.id, actorId: planUser.id } })).toBe(1);
  });

  it("refuses a checklist item on anything but the plan's case file", async () => {
    const kase = await acceptedCase(plan.id, new Date(Date.now() + 3 * day));
    const refused = await uploadAs(planUser, { caseId: kase.id, kind: "MEDICAL_RECORDS", name: "records.pdf", caseFileItem: "medicalRecords" }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DocumentRefusal);
    expect(await db.document.count({ where: { caseId: kase.id } })).toBe(0);
  });

  it("shows the decision's letter and compliance due; a late confirmation shows as late and is not offered again", async () => {
    const kase = await overturnedCase(plan.id, new Date(Date.now() - day));
    const before = await planCasePage(sessionUserOf(planUser), kase.id, actorFor(planUser));
    expect(before.decision?.letters).toMatchObject([{ documentId: kase.letterDocumentId, version: 1, current: true }]);
    expect(before.decision?.outcome).toMatch(/overturned/);
    expect(before.compliance).toMatchObject({ overdue: true, canConfirm: true, confirmation: null });
    expect(before.compliance?.deadline?.state).toBe("overdue");
    expect(before.canReverse).toBe(false);

    await confirmCompliance({
      user: sessionUserOf(planUser),
      actor: actorFor(planUser),
      caseId: kase.id,
      implementedOn: new Date().toISOString().slice(0, 10),
      authorizationNumber: "AUTH-9",
      channel: "PORTAL",
    });
    const after = await planCasePage(sessionUserOf(planUser), kase.id, actorFor(planUser));
    expect(after.status).toBe("CLOSED");
    expect(after.compliance).toMatchObject({ overdue: false, canConfirm: false, confirmation: { authorizationNumber: "AUTH-9", late: true } });
    expect(after.compliance?.deadline?.state).toBe("missed");
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).flaggedAt).not.toBeNull();
  });

  it("answers 404 to a user of another plan", async () => {
    const kase = await overturnedCase(plan.id, new Date(Date.now() + day));
    const refused = await planCasePage(sessionUserOf(otherPlanUser), kase.id, actorFor(otherPlanUser)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("NOT_FOUND");
  });

  it("a user of another plan finds neither the case nor its letter, at their addresses or by searching the reference", async () => {
    const kase = await createPlanActionCase({
      applicantId: applicant.id,
      planId: plan.id,
      coordinatorId: coordinator.id,
      stage: "overturned",
      dueAt: new Date(Date.now() + 2 * day),
    });
    const { documentId } = await db.decisionLetter.findFirstOrThrow({ where: { caseId: kase.id } });
    const reference = kase.reference!;
    type PlanList = Awaited<ReturnType<typeof planCasesRoute.loader>>;
    const open = async (who: Person) => {
      const signedIn = await withSession(who);
      const casePage = await call(planCaseRoute.loader as RouteFunction, request(`/plan/cases/${kase.id}`, signedIn), { caseId: kase.id });
      const letter = await call(documentRoute.loader as RouteFunction, request(`/documents/${documentId}`, signedIn), { documentId });
      await letter.response?.body?.cancel();
      const search = await call<PlanList>(planCasesRoute.loader as RouteFunction, request(`/plan?q=${encodeURIComponent(reference)}`, signedIn));
      return { casePage: casePage.status, letter: letter.status, found: search.data.rows.map((row) => row.reference), matching: search.data.matching };
    };

    expect(await open(otherPlanUser)).toEqual({ casePage: 404, letter: 404, found: [], matching: 0 });
    expect(await db.auditLog.count({ where: { action: "document.downloaded", objectId: documentId, actorId: otherPlanUser.id } })).toBe(0);
    // The case's own plan reaches all three.
    expect(await open(planUser)).toEqual({ casePage: 200, letter: 200, found: [reference], matching: 1 });
  });
});
