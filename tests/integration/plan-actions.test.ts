/**
 * A health plan's actions on its cases, as the portal and the API call them:
 * completing its case file, confirming compliance with an overturn (late
 * ones flagged to coordinators), and reversing its own denial during review.
 */
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { completeCaseFile } from "~/server/plan/complete-case-file.server";
import { confirmCompliance } from "~/server/plan/confirm-compliance.server";
import { reverseDenial } from "~/server/plan/reverse-denial.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { createWebhookEndpoint } from "~/server/webhooks/endpoints.server";
import { actorFor, createAssignment, createCase, createPlan, createReviewer, createUser, latestEmailTo, sessionUserOf } from "#tests/support/factories";
import { refusal } from "#tests/support/refusal";

type Person = Awaited<ReturnType<typeof createUser>>;
let plan: Awaited<ReturnType<typeof createPlan>>;
let planUser: Person;
let otherPlanUser: Person;
let applicant: Person;
let coordinator: Person;

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
  plan = await createPlan();
  const otherPlan = await createPlan();
  planUser = await createUser({ roles: ["PLAN"], planId: plan.id });
  otherPlanUser = await createUser({ roles: ["PLAN"], planId: otherPlan.id });
  applicant = await createUser({ roles: ["APPLICANT"] });
  coordinator = await createUser({ roles: ["COORDINATOR"] });
  await createWebhookEndpoint(plan.id, { url: "https://plan.example/imr", events: ["case.closed"] }, actorFor(planUser));
});

const asPlan = (person: Person = planUser) => ({ user: sessionUserOf(person), actor: actorFor(person), channel: "PORTAL" as const });
const HOUR = 3_600_000;

/** An accepted case whose plan case file clock runs until `dueAt`. */
async function acceptedCase(dueAt = new Date(Date.now() + 48 * HOUR)) {
  const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status: "ACCEPTED", coordinatorId: coordinator.id });
  const requestedAt = new Date(dueAt.getTime() - 72 * HOUR);
  await db.case.update({ where: { id: kase.id }, data: { acceptedAt: requestedAt, planCaseFileRequestedAt: requestedAt } });
  await db.caseDeadline.create({
    data: { caseId: kase.id, kind: "PLAN_CASE_FILE", responsible: "PLAN", startedAt: requestedAt, dueAt, atRiskAt: new Date(dueAt.getTime() - 10 * HOUR) },
  });
  return kase;
}

async function addCaseFileDocument(caseId: string, caseFileItem: string) {
  await db.document.create({
    data: {
      caseId,
      kind: "PLAN_CASE_FILE",
      caseFileItem,
      fileName: `${caseFileItem}.pdf`,
      contentType: "application/pdf",
      sizeBytes: 2048,
      sha256: crypto.randomBytes(32).toString("hex"),
      storageKey: crypto.randomUUID(),
      uploadedById: planUser.id,
    },
  });
}

/** A case decided with this outcome, its compliance clock due at `dueAt`. */
async function decidedCase(outcome: "OVERTURNED" | "OVERTURNED_IN_PART" | "UPHELD", dueAt: Date) {
  const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status: "DECIDED", coordinatorId: coordinator.id });
  const decidedAt = new Date(dueAt.getTime() - 24 * HOUR);
  await db.case.update({ where: { id: kase.id }, data: { outcome, decidedAt } });
  if (outcome !== "UPHELD") {
    await db.caseDeadline.create({ data: { caseId: kase.id, kind: "COMPLIANCE", responsible: "PLAN", startedAt: decidedAt, dueAt, atRiskAt: decidedAt } });
  }
  return kase;
}

const DENIAL_REASON = "Not medically necessary under medical policy MP-114.";

describe("completeCaseFile", () => {
  it("refuses while checklist items are missing, naming them, then completes and meets the deadline", async () => {
    const kase = await acceptedCase();
    await addCaseFileDocument(kase.id, "letters");
    await addCaseFileDocument(kase.id, "medicalRecords");

    const missing = await refusal(completeCaseFile({ ...asPlan(), caseId: kase.id, expectedVersion: 0, denialReason: DENIAL_REASON }));
    expect(missing.message).toContain("criteria or guidelines applied");
    expect(missing.detail).toMatchObject({ field: "notApplicable" });

    for (const item of ["criteria", "policy", "applicantList"]) await addCaseFileDocument(kase.id, item);
    const done = await completeCaseFile({ ...asPlan(), caseId: kase.id, expectedVersion: 0, notApplicable: ["expertOpinions"], denialReason: DENIAL_REASON });

    expect(done).toEqual({ version: 1, late: false });
    const after = await db.case.findUniqueOrThrow({ where: { id: kase.id }, include: { deadlines: true, events: true } });
    expect(after.planCaseFileCompletedAt).not.toBeNull();
    expect(after.planCaseFileNotApplicable).toEqual(["expertOpinions"]);
    expect(after.planCaseFileDenialReason).toBe(DENIAL_REASON);
    expect(after.deadlines.find((deadline) => deadline.kind === "PLAN_CASE_FILE")?.status).toBe("MET");
    expect(after.events.map((event) => event.type)).toContain("case_file_completed");
    expect(await db.auditLog.count({ where: { objectId: kase.id, action: "case.case_file_completed", actorId: planUser.id } })).toBe(1);

    const again = await refusal(completeCaseFile({ ...asPlan(), caseId: kase.id, notApplicable: ["expertOpinions"], denialReason: DENIAL_REASON }));
    expect(again.message).toBe("The case file is already marked complete.");
  });

  it("records a case file completed after its due time as late (deadline missed)", async () => {
    const kase = await acceptedCase(new Date(Date.now() - HOUR));
    for (const item of ["letters", "medicalRecords", "criteria", "policy", "applicantList"]) await addCaseFileDocument(kase.id, item);
    const done = await completeCaseFile({ ...asPlan(), caseId: kase.id, notApplicable: ["expertOpinions"], denialReason: DENIAL_REASON });
    expect(done.late).toBe(true);
    expect((await db.caseDeadline.findFirstOrThrow({ where: { caseId: kase.id, kind: "PLAN_CASE_FILE" } })).status).toBe("MISSED");
  });

  it("answers 404 to a user of another plan and changes nothing", async () => {
    const kase = await acceptedCase();
    const error = await refusal(completeCaseFile({ ...asPlan(otherPlanUser), caseId: kase.id, notApplicable: ["letters"], denialReason: DENIAL_REASON }));
    expect(error.code).toBe("NOT_FOUND");
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).version).toBe(0);
  });
});

describe("confirmCompliance", () => {
  it("records an on-time confirmation, meets the compliance deadline and closes the case", async () => {
    const kase = await decidedCase("OVERTURNED", new Date(Date.now() + 24 * HOUR));
    const confirmed = await confirmCompliance({
      ...asPlan(),
      caseId: kase.id,
      implementedOn: "2026-11-20",
      authorizationNumber: "AUTH-1001",
      note: "Approved",
    });

    expect(confirmed.late).toBe(false);
    const after = await db.case.findUniqueOrThrow({ where: { id: kase.id }, include: { deadlines: true, complianceConfirmations: true } });
    expect(after.status).toBe("CLOSED");
    expect(after.flaggedAt).toBeNull();
    expect(after.deadlines[0]?.status).toBe("MET");
    expect(after.complianceConfirmations).toMatchObject([
      {
        authorizationNumber: "AUTH-1001",
        note: "Approved",
        late: false,
        channel: "PORTAL",
        confirmedById: planUser.id,
        implementedOn: new Date("2026-11-20T00:00:00Z"),
      },
    ]);
    expect(await latestEmailTo(coordinator.email, "case-update")).toBeNull();
    const closed = await db.webhookDelivery.findFirstOrThrow({ where: { caseId: kase.id, eventType: "case.closed" } });
    expect(closed.payload).toMatchObject({ data: { reference: kase.reference, status: "CLOSED", outcome: "OVERTURNED" } });
  });

  it("flags a late confirmation and emails the coordinator", async () => {
    const kase = await decidedCase("OVERTURNED_IN_PART", new Date(Date.now() - 2 * HOUR));
    const confirmed = await confirmCompliance({ ...asPlan(), caseId: kase.id, implementedOn: "2026-11-20", authorizationNumber: "CLAIM-77", channel: "API" });

    expect(confirmed.late).toBe(true);
    const after = await db.case.findUniqueOrThrow({ where: { id: kase.id }, include: { deadlines: true, complianceConfirmations: true } });
    expect(after.flaggedAt).not.toBeNull();
    expect(after.deadlines[0]?.status).toBe("MISSED");
    expect(after.complianceConfirmations[0]).toMatchObject({ late: true, channel: "API" });
    const email = await latestEmailTo(coordinator.email, "case-update");
    expect(email?.caseId).toBe(kase.id);
    expect(email?.props).toMatchObject({ headline: "The health plan confirmed compliance late" });
  });

  it("refuses a second confirmation with a clear message", async () => {
    const kase = await decidedCase("OVERTURNED", new Date(Date.now() + 24 * HOUR));
    await confirmCompliance({ ...asPlan(), caseId: kase.id, implementedOn: "2026-11-20", authorizationNumber: "AUTH-1" });
    const second = await refusal(confirmCompliance({ ...asPlan(), caseId: kase.id, implementedOn: "2026-11-21", authorizationNumber: "AUTH-2" }));
    expect(second.code).toBe("CONFLICT");
    expect(second.message).toMatch(/^Compliance with this decision was already confirmed on /);
    expect(await db.complianceConfirmation.count({ where: { caseId: kase.id } })).toBe(1);
  });

  it("refuses an upheld decision, and answers 404 to another plan", async () => {
    const upheld = await decidedCase("UPHELD", new Date(Date.now() + 24 * HOUR));
    expect((await refusal(confirmCompliance({ ...asPlan(), caseId: upheld.id, implementedOn: "2026-11-20", authorizationNumber: "A" }))).message).toContain(
      "upheld",
    );
    const overturned = await decidedCase("OVERTURNED", new Date(Date.now() + 24 * HOUR));
    const error = await refusal(confirmCompliance({ ...asPlan(otherPlanUser), caseId: overturned.id, implementedOn: "2026-11-20", authorizationNumber: "A" }));
    expect(error.code).toBe("NOT_FOUND");
    expect(await db.complianceConfirmation.count({ where: { caseId: overturned.id } })).toBe(0);
  });
});

describe("reverseDenial", () => {
  it("ends the review: REVERSED_BY_PLAN, clocks stopped, reviewers' work ended, everyone told", async () => {
    const reviewer = await createReviewer();
    const offered = await createReviewer();
    const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status: "IN_REVIEW", coordinatorId: coordinator.id });
    await db.caseDeadline.create({
      data: {
        caseId: kase.id,
        kind: "DECISION",
        responsible: "ORGANIZATION",
        startedAt: new Date(),
        dueAt: new Date(Date.now() + 30 * 24 * HOUR),
        atRiskAt: new Date(),
      },
    });
    await createAssignment({ caseId: kase.id, reviewerId: reviewer.id, status: "ACCEPTED", attested: true });
    await createAssignment({ caseId: kase.id, reviewerId: offered.id, status: "OFFERED" });

    const result = await reverseDenial({ ...asPlan(), caseId: kase.id, expectedVersion: 0, note: "Approved on reconsideration" });

    expect(result).toEqual({ version: 1 });
    const after = await db.case.findUniqueOrThrow({ where: { id: kase.id }, include: { deadlines: true, assignments: true, events: true } });
    expect(after.status).toBe("REVERSED_BY_PLAN");
    expect(after.deadlines.map((deadline) => deadline.status)).toEqual(["STOPPED"]);
    expect(after.assignments.every((assignment) => assignment.endedAt !== null)).toBe(true);
    expect(after.assignments.find((assignment) => assignment.reviewerId === offered.id)?.status).toBe("CANCELLED");
    expect(after.events.find((event) => event.type === "reversed_by_plan")).toMatchObject({
      toStatus: "REVERSED_BY_PLAN",
      note: "Approved on reconsideration",
    });
    for (const person of [applicant, coordinator, reviewer, offered]) {
      const email = await latestEmailTo(person.email, "case-update");
      expect(email?.caseId).toBe(kase.id);
      expect(JSON.stringify(email?.props)).not.toContain("reconsideration");
    }
    expect((await latestEmailTo(applicant.email, "case-update"))?.props).toMatchObject({ headline: "Your health plan reversed its denial" });
    expect(await db.webhookDelivery.count({ where: { caseId: kase.id, eventType: "case.closed" } })).toBe(1);

    const again = await refusal(reverseDenial({ ...asPlan(), caseId: kase.id, note: "Again" }));
    expect(again.message).toBe("The plan has already reversed its denial on this case.");
  });

  it("answers 404 to a user of another plan", async () => {
    const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status: "ACCEPTED" });
    expect((await refusal(reverseDenial({ ...asPlan(otherPlanUser), caseId: kase.id, note: "x" }))).code).toBe("NOT_FOUND");
  });
});
