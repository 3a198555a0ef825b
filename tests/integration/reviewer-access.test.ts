/**
 * Finding 11: a reviewer's access lasts as long as their assignment and the
 * review. Replaced, or the review ended by a withdrawal or the plan's
 * reversal: nothing of the case any more. Decided or closed: their own
 * determination and the letter only.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import * as documentRoute from "~/routes/documents/document";
import * as reviewCaseRoute from "~/routes/review/case";
import * as reviewHomeRoute from "~/routes/review/index";
import { replaceReviewer } from "~/server/assignment/replace-reviewer.server";
import { db } from "~/server/db.server";
import { issueDecision } from "~/server/letters/issue-decision.server";
import { reverseDenial } from "~/server/plan/reverse-denial.server";
import { withdrawRequest } from "~/server/requests/withdraw.server";
import { createCaseInReview, SMALL_PDF } from "#tests/support/case-factories";
import { approveSubmittedDetermination, submitSignedDetermination } from "#tests/support/determination-factories";
import { actorFor, createPlan, createReviewer, createUser, sessionUserOf } from "#tests/support/factories";
import { call, request, withSession, type RouteFunction, type LoaderData } from "#tests/support/routes";

type Person = Awaited<ReturnType<typeof createUser>> & { cookie: string };
type ReviewerPage = LoaderData<typeof reviewCaseRoute.loader>;
type ReviewerHome = Awaited<ReturnType<typeof reviewHomeRoute.loader>>;

let plan: { id: string };
let applicant: Person;
let coordinator: Person;
let planUser: Person;

const person = async (roles: Role[], planId: string | null = null) => withSession(await createUser({ roles, planId }));

beforeAll(async () => {
  plan = await createPlan();
  applicant = await person(["APPLICANT"]);
  coordinator = await person(["COORDINATOR"]);
  planUser = await person(["PLAN"], plan.id);
});

const FILES = [
  { fileName: "denial.pdf", contentType: "application/pdf", kind: "DENIAL_LETTER" as const, bytes: SMALL_PDF },
  { fileName: "records.pdf", contentType: "application/pdf", kind: "MEDICAL_RECORDS" as const, bytes: SMALL_PDF },
];

async function reviewedCase(reviewers: Person[]) {
  return createCaseInReview({
    applicantId: applicant.id,
    planId: plan.id,
    coordinatorId: coordinator.id,
    reviewerIds: reviewers.map((r) => r.id),
    files: FILES,
  });
}
const reviewer = async (name: string) => withSession(await createReviewer({ name }));
const version = async (caseId: string) => (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;

const openPage = (who: Person, caseId: string) =>
  call<ReviewerPage>(reviewCaseRoute.loader as RouteFunction, request(`/review/cases/${caseId}`, who), { caseId });
const addNote = (who: Person, caseId: string) =>
  call(reviewCaseRoute.action as RouteFunction, request(`/review/cases/${caseId}`, who, { intent: "add-note", text: "One more thought" }), { caseId });
const download = (who: Person, documentId: string) => call(documentRoute.loader as RouteFunction, request(`/documents/${documentId}`, who), { documentId });
const home = (who: Person) => call<ReviewerHome>(reviewHomeRoute.loader as RouteFunction, request("/review", who));
const refusalsOf = (who: Person) => db.auditLog.findMany({ where: { action: "access.denied", actorId: who.id }, select: { objectType: true, detail: true } });

/** Everything a reviewer shut out of a case tries: each is 404, each leaves its `access.denied` row, and the case is not on their list. */
async function expectShutOut(who: Person, kase: Awaited<ReturnType<typeof reviewedCase>>) {
  const before = (await refusalsOf(who)).length;
  expect((await openPage(who, kase.id)).status).toBe(404);
  for (const document of kase.documents) expect((await download(who, document.id)).status).toBe(404);
  expect((await addNote(who, kase.id)).status).toBe(404);
  const refusals = await refusalsOf(who);
  expect(refusals).toHaveLength(before + 2 + kase.documents.length);
  expect(JSON.stringify(refusals)).not.toContain("Pat Example");
  expect(await db.reviewerNote.count({ where: { assignment: { reviewerId: who.id } } })).toBe(0);
  const list = (await home(who)).data;
  expect(list.active.map((row) => row.caseId)).not.toContain(kase.id);
  expect(list.decided.map((row) => row.caseId)).not.toContain(kase.id);
}

describe("a reviewer whose assignment ended loses the case at once", () => {
  it("while assigned, they read the case, its documents, and add notes (the control)", async () => {
    const assigned = await reviewer("Dr. Still Working");
    const kase = await reviewedCase([assigned]);
    const page = await openPage(assigned, kase.id);
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ view: "case", case: { patientName: "Pat Example" } });
    for (const document of kase.documents) expect((await download(assigned, document.id)).status).toBe(200);
    expect((await addNote(assigned, kase.id)).status).toBe(302);
    expect((await home(assigned)).data.active.map((row) => row.caseId)).toEqual([kase.id]);
  });

  it("replaced: the reviewer who left sees nothing of the case", async () => {
    const leaving = await reviewer("Dr. Leaving");
    const kase = await reviewedCase([leaving]);
    const [assignment] = kase.assignments;
    await replaceReviewer({
      user: sessionUserOf(coordinator),
      actor: actorFor(coordinator),
      caseId: kase.id,
      expectedVersion: await version(kase.id),
      assignmentId: assignment!.id,
      reason: "A conflict of interest came to light.",
    });
    await expectShutOut(leaving, kase);
  });

  it("withdrawn by the applicant during the review", async () => {
    const assigned = await reviewer("Dr. Withdrawn From");
    const kase = await reviewedCase([assigned]);
    await withdrawRequest({ user: sessionUserOf(applicant), actor: actorFor(applicant), caseId: kase.id, expectedVersion: await version(kase.id) });
    await expectShutOut(assigned, kase);
  });

  it("the plan reversed its denial during the review", async () => {
    const assigned = await reviewer("Dr. Reversed On");
    const kase = await reviewedCase([assigned]);
    await reverseDenial({
      user: sessionUserOf(planUser),
      actor: actorFor(planUser),
      channel: "PORTAL",
      caseId: kase.id,
      expectedVersion: await version(kase.id),
      note: "Approved on reconsideration",
    });
    await expectShutOut(assigned, kase);
  });
});

describe("once the case is decided, its reviewer keeps their determination and the letter only", () => {
  it("shows their determination and the letter, and nothing of the case file; no action", async () => {
    const assigned = await reviewer("Dr. Decided Case");
    const kase = await reviewedCase([assigned]);
    await submitSignedDetermination({ caseId: kase.id, reviewer: assigned });
    await approveSubmittedDetermination({ caseId: kase.id, coordinator });
    await issueDecision({ user: sessionUserOf(coordinator), actor: actorFor(coordinator), caseId: kase.id, expectedVersion: await version(kase.id) });
    const { status } = await db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { status: true } });
    expect(["DECIDED", "CLOSED"]).toContain(status);
    // The decision completes the reviewer's assignment.
    const { decidedAt } = await db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { decidedAt: true } });
    expect(await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: kase.id, reviewerId: assigned.id } })).toMatchObject({
      status: "COMPLETED",
      endedAt: decidedAt,
    });

    const page = await openPage(assigned, kase.id);
    expect(page.status).toBe(200);
    if (page.data.view !== "outcome") throw new Error(`expected the outcome view, got ${page.data.view}`);
    expect(page.data.determination).toMatchObject({ status: "SUBMITTED", outcome: "OVERTURNED" });
    expect(page.data.determination?.documentsConsidered.map((document) => document.fileName)).toEqual(["denial.pdf", "records.pdf"]);
    expect(page.data.letters).toHaveLength(1);
    const shown = JSON.stringify(page.data);
    for (const fromTheCaseFile of ["Pat Example", "MEM-1001", "Not medically necessary", "Dr. Ann Lee"]) expect(shown).not.toContain(fromTheCaseFile);
    expect(await db.auditLog.count({ where: { action: "case.viewed", actorId: assigned.id, objectId: kase.id } })).toBe(1);

    expect((await download(assigned, page.data.letters[0]!.documentId)).status).toBe(200);
    for (const document of kase.documents) expect((await download(assigned, document.id)).status).toBe(404);
    expect((await addNote(assigned, kase.id)).status).toBe(404);
    expect(await db.reviewerNote.count({ where: { assignment: { reviewerId: assigned.id } } })).toBe(0);
    const list = (await home(assigned)).data;
    expect(list.active.map((row) => row.caseId)).not.toContain(kase.id);
    expect(list.decided).toEqual([{ caseId: kase.id, reference: kase.reference }]);

    // A reviewer who was replaced before the decision keeps nothing, not even the letter.
    const replaced = await reviewer("Dr. Replaced Earlier");
    await db.reviewerAssignment.create({
      data: { caseId: kase.id, reviewerId: replaced.id, status: "REPLACED", attestedAt: new Date(), respondedAt: new Date(), endedAt: new Date() },
    });
    expect((await openPage(replaced, kase.id)).status).toBe(404);
    expect((await download(replaced, page.data.letters[0]!.documentId)).status).toBe(404);
  });
});
