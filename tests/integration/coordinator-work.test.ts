import { beforeAll, describe, expect, it } from "vitest";
import * as assignRoute from "~/routes/iro/assign";
import { assignPage } from "~/server/assignment/assign-page.server";
import { offerCase } from "~/server/assignment/offer-case.server";
import { setReviewerDueDate } from "~/server/assignment/set-reviewer-due-date.server";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { applyDeadlineEffects } from "~/server/deadlines/case-clocks.server";
import { activeReviews } from "~/server/determinations/active-reviews.server";
import { reviewerCasePage } from "~/server/determinations/reviewer-case.server";
import { coordinatorCasePage } from "~/server/intake/coordinator-case-page.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { applicantCasePage } from "~/server/requests/case-page.server";
import { ensureSpecialties } from "~/server/reviewers/specialties.server";
import { clockStartsAt, INSTANTS } from "#tests/support/clock";
import { actorFor, createAssignment, createCase, createPlan, createUser, sessionUserOf } from "#tests/support/factories";
import { refusal } from "#tests/support/refusal";
import { createQualifiedReviewer } from "#tests/support/roster-factories";
import { call, request, withSession } from "#tests/support/routes";

// Monday 23 November 2026, 10:00 in New York; Thanksgiving is on the Thursday.
const T0 = INSTANTS.mondayBeforeThanksgiving;
clockStartsAt(T0);

type Person = Awaited<ReturnType<typeof createUser>>;
let coordinator: Person;
let applicant: Person;
let plan: Awaited<ReturnType<typeof createPlan>>;

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
  await ensureSpecialties();
  plan = await createPlan();
  coordinator = await createUser({ roles: ["COORDINATOR"], name: "Dana Coordinator" });
  applicant = await createUser({ roles: ["APPLICANT"], name: "Maria Applicant" });
});

const as = (person: Person) => ({ user: sessionUserOf(person), actor: actorFor(person) });

async function version(caseId: string): Promise<number> {
  return (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
}

/** A case in `status`, accepted on T0 with its decision clock running when it is past screening. */
async function caseIn(
  status: "SUBMITTED" | "ACCEPTED" | "IN_REVIEW",
  details: { specialtyNeeded?: string; diagnosisCodes?: string[]; procedureCodes?: string[] } = {},
) {
  const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status, coordinatorId: coordinator.id });
  await db.case.update({
    where: { id: kase.id },
    data: { panelSize: 1, patientName: "Pat Example", ...details, acceptedAt: status === "SUBMITTED" ? null : T0 },
  });
  if (status !== "SUBMITTED") await db.$transaction((tx) => applyDeadlineEffects(tx, kase.id, { start: ["decision", "assignment"] }, T0));
  return kase;
}

async function decisionDue(caseId: string): Promise<Date> {
  return (await db.caseDeadline.findFirstOrThrow({ where: { caseId, kind: "DECISION", status: "OPEN" } })).dueAt;
}

/** The assign page's action, posted by a coordinator signed in for it. */
async function assignAction(caseId: string, form: Record<string, string>) {
  const route = await withSession(await createUser({ roles: ["COORDINATOR"], name: "Route Coordinator" }));
  const answer = await call(assignRoute.action, request(`/iro/cases/${caseId}/assign`, route, form), { caseId });
  return { status: answer.status, fieldErrors: answer.data?.fieldErrors, formError: answer.data?.formError, location: answer.location };
}

describe("the actions the pages offer", () => {
  it("offers reviewers from the case page only once the case is accepted", async () => {
    const submitted = await caseIn("SUBMITTED");
    const accepted = await caseIn("ACCEPTED");
    const before = await coordinatorCasePage(sessionUserOf(coordinator), submitted.id, actorFor(coordinator), T0);
    expect(before.actions).toMatchObject({ offerReviewers: false, replaceReviewer: false, recordEligibility: true });
    const after = await coordinatorCasePage(sessionUserOf(coordinator), accepted.id, actorFor(coordinator), T0);
    expect(after.actions).toMatchObject({ offerReviewers: true, replaceReviewer: true, recordEligibility: false });
  });

  it("says on the assign page why nothing can be offered before acceptance, and offers no form", async () => {
    const submitted = await caseIn("SUBMITTED", { diagnosisCodes: ["I25.10"] });
    const page = await assignPage(sessionUserOf(coordinator), submitted.id, actorFor(coordinator), T0);
    expect(page.noOffers).toBe(
      "Nothing can be offered yet: this case has not been accepted for review. Screen its eligibility and accept it on the case page first; reviewers are offered once it is accepted.",
    );
    expect(page.actions).toEqual({ offer: false, replace: false, setDueDate: false, saveFacts: false });
  });
});

describe("the specialty on the assign page", () => {
  it("is suggested from the case's codes, by its everyday name, until one is recorded", async () => {
    const kase = await caseIn("ACCEPTED", { diagnosisCodes: ["I25.10"] });
    const page = await assignPage(sessionUserOf(coordinator), kase.id, actorFor(coordinator), T0);
    expect(page.specialty.needed).toBeNull();
    expect(page.specialty.suggested).toEqual({
      code: "cardiovascular-disease",
      label: "Cardiology (Cardiovascular disease)",
      why: "the ICD-10 code I25.10 (Cardiac/Circulatory: Coronary artery disease)",
    });
    const internalMedicine = page.specialty.groups.find((group) => group.board === "American Board of Internal Medicine");
    expect(internalMedicine?.options).toContainEqual({
      code: "cardiovascular-disease",
      name: "Cardiovascular disease",
      label: "Cardiology (Cardiovascular disease)",
    });
    // Nobody is suggested before the specialty is saved: offers follow the recorded one.
    expect(page.suggested).toBeNull();

    const saved = await assignAction(kase.id, { intent: "specialty", version: String(await version(kase.id)), specialtyNeeded: "cardiovascular-disease" });
    expect(saved.location).toBe(`/iro/cases/${kase.id}/assign?done=specialty`);
    const after = await assignPage(sessionUserOf(coordinator), kase.id, actorFor(coordinator), T0);
    expect(after.specialty.needed).toEqual({ code: "cardiovascular-disease", label: "Cardiology (Cardiovascular disease)" });
    expect(await db.caseEvent.findFirstOrThrow({ where: { caseId: kase.id, type: "specialty_recorded" } })).toMatchObject({
      data: { changed: { specialtyNeeded: { from: null, to: "cardiovascular-disease" } } },
    });
  });

  it("lists the excluded reviewers of the case's specialty, and everyone left out on asking", async () => {
    const kase = await caseIn("ACCEPTED", { specialtyNeeded: "rheumatology" });
    await db.case.update({ where: { id: kase.id }, data: { providerFacility: "Hilltop Joint Clinic" } });
    const tied = await createQualifiedReviewer({
      name: "Dr. Rita Tied",
      specialty: "rheumatology",
      at: T0,
      affiliations: [{ kind: "FACILITY", name: "Hilltop Joint Clinic" }],
    });
    const ofAnother = await createQualifiedReviewer({ name: "Dr. Ugo Other", specialty: "urology", at: T0 });
    const byDefault = await assignPage(sessionUserOf(coordinator), kase.id, actorFor(coordinator), T0);
    expect(byDefault.excluded?.shown).toBe("specialty");
    expect(byDefault.excluded?.reviewers.map((row) => row.id)).toContain(tied.id);
    expect(byDefault.excluded?.reviewers.map((row) => row.id)).not.toContain(ofAnother.id);
    expect(byDefault.excluded?.reviewers.every((row) => row.ofSpecialty)).toBe(true);

    const everyone = await assignPage(sessionUserOf(coordinator), kase.id, actorFor(coordinator), T0, "all");
    expect(everyone.excluded?.reviewers.map((row) => row.id)).toEqual(expect.arrayContaining([tied.id, ofAnother.id]));
    expect(everyone.excluded?.total).toBe(everyone.excluded?.reviewers.length);
  });
});

describe("the reviewer's internal due date", () => {
  it("is set with the offer, suggested two business days before the decision is due, and refused on or after it", async () => {
    const kase = await caseIn("ACCEPTED", { specialtyNeeded: "nephrology" });
    const reviewer = await createQualifiedReviewer({ name: "Dr. Nia Kidney", specialty: "nephrology", at: T0 });
    const page = await assignPage(sessionUserOf(coordinator), kase.id, actorFor(coordinator), T0);
    expect(page.dueDate?.suggested).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const due = await decisionDue(kase.id);

    const late = await assignAction(kase.id, {
      intent: "offer",
      version: String(await version(kase.id)),
      reviewerIds: reviewer.id,
      internalDueOn: page.dueDate?.latest ? nextDay(page.dueDate.latest) : "",
    });
    expect(late.status).toBe(400);
    expect(late.fieldErrors?.internalDueOn).toMatch(/^Choose a date before the decision is due \(/);
    expect(await db.reviewerAssignment.count({ where: { caseId: kase.id } })).toBe(0);

    await offerCase({
      ...as(coordinator),
      caseId: kase.id,
      expectedVersion: await version(kase.id),
      reviewerIds: [reviewer.id],
      internalDueOn: page.dueDate?.suggested,
      at: T0,
    });
    const offered = await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: kase.id } });
    expect(offered.internalDueAt).not.toBeNull();
    expect(offered.internalDueAt!.getTime()).toBeLessThan(due.getTime());
  });

  it("is changed by a coordinator only, audited on the staff's timeline, and read by the reviewer", async () => {
    const reviewer = await createQualifiedReviewer({ name: "Dr. Rex Review", specialty: "neurology", at: T0 });
    const kase = await caseIn("IN_REVIEW", { specialtyNeeded: "neurology" });
    const assignment = await createAssignment({ caseId: kase.id, reviewerId: reviewer.id, status: "ACCEPTED", attested: true });
    const change = (by: Person, internalDueOn: string) =>
      setReviewerDueDate({ ...as(by), caseId: kase.id, expectedVersion: 0, assignmentId: assignment.id, internalDueOn, at: T0 });

    // Another role finds no such case to assign.
    expect(await refusal(change(reviewer, "2026-12-01"))).toMatchObject({ code: "NOT_FOUND" });
    // A day already past, or the decision's own day, is refused by the field; nothing is saved.
    expect(await refusal(change(coordinator, "2026-11-20"))).toMatchObject({ code: "BAD_REQUEST", detail: { field: "internalDueOn" } });
    const dueDay = (await assignPage(sessionUserOf(coordinator), kase.id, actorFor(coordinator), T0)).dueDate!.latest;
    expect(await refusal(change(coordinator, nextDay(dueDay)))).toMatchObject({ code: "BAD_REQUEST", detail: { field: "internalDueOn" } });
    expect((await db.reviewerAssignment.findUniqueOrThrow({ where: { id: assignment.id } })).internalDueAt).toBeNull();

    await change(coordinator, "2026-12-01");
    const saved = await db.reviewerAssignment.findUniqueOrThrow({ where: { id: assignment.id } });
    expect(saved.internalDueAt?.toISOString()).toBe("2026-12-02T04:59:59.000Z");
    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId: kase.id, type: "reviewer_due_date_set" } });
    expect(event).toMatchObject({ actorId: coordinator.id, data: { assignmentId: assignment.id, from: null, to: "2026-12-02T04:59:59.000Z" } });
    expect(await db.auditLog.count({ where: { action: "case.reviewer_due_date_set", objectId: kase.id } })).toBe(1);

    // The coordinator's case page has it; the applicant's timeline does not show the internal change.
    const casePage = await coordinatorCasePage(sessionUserOf(coordinator), kase.id, actorFor(coordinator), T0);
    expect(casePage.reviewers).toEqual([{ id: assignment.id, name: "Dr. Rex Review", accepted: true, internalDue: "Tue 1 Dec 2026" }]);
    expect(casePage.timeline.map((item) => item.type)).toContain("reviewer_due_date_set");
    const applicantPage = await applicantCasePage(sessionUserOf(applicant), kase.id, actorFor(applicant), T0);
    if (applicantPage.kind !== "case") throw new Error("The applicant's page is of a filed case");
    expect(applicantPage.timeline.map((item) => item.type)).not.toContain("reviewer_due_date_set");

    // The reviewer reads it on their home and on the case, apart from the regulatory deadline.
    const [home] = await activeReviews(reviewer.id, T0);
    expect(home?.internalDue).toBe("Due to us by Tue 1 Dec 2026");
    const reviewerPage = await reviewerCasePage(sessionUserOf(reviewer), kase.id, actorFor(reviewer), T0);
    if (reviewerPage.view !== "case") throw new Error("The reviewer's page is of a case in review");
    expect(reviewerPage.internalDue).toBe("Due to us by Tue 1 Dec 2026");
  });
});

/** The day after a "YYYY-MM-DD" date. */
function nextDay(date: string): string {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
