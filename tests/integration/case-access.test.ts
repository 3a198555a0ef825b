import { beforeAll, describe, expect, it } from "vitest";
import type { Action } from "~/domain/permissions";
import type { Role } from "~/domain/roles";
import { caseAccessWhere } from "~/server/cases/case-access.server";
import { listVisibleCases } from "~/server/cases/list-cases.server";
import { db } from "~/server/db.server";
import { createAssignment, createCase, createPlan, createUser } from "#tests/support/factories";

type Person = { id: string; roles: Role[]; planId: string | null };

const people = {} as Record<
  "applicantX" | "applicantY" | "coordinator" | "planA" | "planB" | "planless" | "reviewer" | "replacedReviewer" | "admin" | "reviewerApplicant",
  Person
>;
const cases = {} as Record<"draftX" | "xOnA" | "xOnB" | "yOnA" | "yOnB" | "draftOfReviewerApplicant", string>;
const plans = {} as Record<"A" | "B", { id: string; name: string }>;

beforeAll(async () => {
  plans.A = await createPlan("Plan A");
  plans.B = await createPlan("Plan B");
  const user = async (roles: Role[], planId: string | null = null): Promise<Person> => {
    const row = await createUser({ roles, planId });
    return { id: row.id, roles: row.roles, planId: row.planId };
  };
  people.applicantX = await user(["APPLICANT"]);
  people.applicantY = await user(["APPLICANT"]);
  people.coordinator = await user(["COORDINATOR"]);
  people.planA = await user(["PLAN"], plans.A.id);
  people.planB = await user(["PLAN"], plans.B.id);
  people.planless = await user(["PLAN"]);
  people.reviewer = await user(["REVIEWER"]);
  people.replacedReviewer = await user(["REVIEWER"]);
  people.admin = await user(["ADMIN"]);
  people.reviewerApplicant = await user(["REVIEWER", "APPLICANT"]);

  const make = async (applicant: Person, plan: { id: string }, status: "DRAFT" | "SUBMITTED" | "ELIGIBILITY_REVIEW" | "ACCEPTED" | "IN_REVIEW") =>
    (await createCase({ applicantId: applicant.id, planId: plan.id, status })).id;
  cases.draftX = await make(people.applicantX, plans.A, "DRAFT");
  cases.xOnA = await make(people.applicantX, plans.A, "SUBMITTED");
  cases.xOnB = await make(people.applicantX, plans.B, "ACCEPTED");
  cases.yOnA = await make(people.applicantY, plans.A, "IN_REVIEW");
  cases.yOnB = await make(people.applicantY, plans.B, "ELIGIBILITY_REVIEW");
  cases.draftOfReviewerApplicant = await make(people.reviewerApplicant, plans.B, "DRAFT");

  // The reviewer: offered one case, accepted and attested another, accepted a third without attesting.
  await createAssignment({ caseId: cases.xOnB, reviewerId: people.reviewer.id, status: "OFFERED" });
  await createAssignment({ caseId: cases.yOnA, reviewerId: people.reviewer.id, status: "ACCEPTED", attested: true });
  await createAssignment({ caseId: cases.yOnB, reviewerId: people.reviewer.id, status: "ACCEPTED", attested: false });
  // Another reviewer attested on a case, then was replaced; declined another after attesting.
  await createAssignment({ caseId: cases.yOnA, reviewerId: people.replacedReviewer.id, status: "REPLACED", attested: true });
  await createAssignment({ caseId: cases.xOnA, reviewerId: people.replacedReviewer.id, status: "DECLINED", attested: true });
  // The person with two roles reviews X's case on plan A.
  await createAssignment({ caseId: cases.xOnA, reviewerId: people.reviewerApplicant.id, status: "ACCEPTED", attested: true });
});

const nameOf = (id: string) => Object.entries(cases).find(([, caseId]) => caseId === id)?.[0] ?? id;

async function visible(person: Person, action: Action = "case:read"): Promise<string[]> {
  const rows = await db.case.findMany({ where: caseAccessWhere(person, action), select: { id: true } });
  return rows.map((row) => nameOf(row.id)).sort();
}
async function listed(person: Person): Promise<string[]> {
  return (await listVisibleCases(person)).map((row) => nameOf(row.id)).sort();
}

describe("who sees which cases", () => {
  it("an applicant sees only their own requests, drafts included", async () => {
    expect(await visible(people.applicantX)).toEqual(["draftX", "xOnA", "xOnB"]);
    expect(await listed(people.applicantX)).toEqual(["draftX", "xOnA", "xOnB"]);
    expect(await visible(people.applicantY)).toEqual(["yOnA", "yOnB"]);
  });

  it("a coordinator sees every case except drafts", async () => {
    expect(await visible(people.coordinator)).toEqual(["xOnA", "xOnB", "yOnA", "yOnB"]);
    expect(await listed(people.coordinator)).toEqual(["xOnA", "xOnB", "yOnA", "yOnB"]);
  });

  it("a plan user sees only their own plan's cases, never drafts", async () => {
    expect(await visible(people.planA)).toEqual(["xOnA", "yOnA"]);
    expect(await visible(people.planB)).toEqual(["xOnB", "yOnB"]);
    expect(await listed(people.planA)).toEqual(["xOnA", "yOnA"]);
  });

  it("a plan user who is not tied to a plan sees nothing", async () => {
    expect(await visible(people.planless)).toEqual([]);
    expect(await listed(people.planless)).toEqual([]);
  });

  it("a reviewer sees only the case they accepted and attested no conflict for", async () => {
    expect(await visible(people.reviewer)).toEqual(["yOnA"]);
    expect(await listed(people.reviewer)).toEqual(["yOnA"]);
  });

  it("a reviewer who was replaced or declined sees nothing, whatever they attested", async () => {
    expect(await visible(people.replacedReviewer)).toEqual([]);
  });

  it("a reviewer keeps seeing a case once their work on it is completed", async () => {
    const reviewer = await createUser({ roles: ["REVIEWER"] });
    await createAssignment({ caseId: cases.yOnB, reviewerId: reviewer.id, status: "COMPLETED", attested: true });
    expect(await visible({ id: reviewer.id, roles: ["REVIEWER"], planId: null })).toEqual(["yOnB"]);
  });

  it("an administrator sees no cases at all", async () => {
    expect(await visible(people.admin)).toEqual([]);
    expect(await listed(people.admin)).toEqual([]);
  });

  it("a person with two roles sees what either role allows", async () => {
    expect(await visible(people.reviewerApplicant)).toEqual(["draftOfReviewerApplicant", "xOnA"]);
    expect(await listed(people.reviewerApplicant)).toEqual(["draftOfReviewerApplicant", "xOnA"]);
  });

  it("a case outside someone's access is never loaded, even asked for by id", async () => {
    const load = (person: Person, id: string) => db.case.findFirst({ where: { AND: [{ id }, caseAccessWhere(person, "case:read")] } });
    expect(await load(people.applicantY, cases.xOnA)).toBeNull();
    expect(await load(people.planB, cases.xOnA)).toBeNull();
    expect(await load(people.reviewer, cases.xOnB)).toBeNull();
    expect(await load(people.coordinator, cases.draftX)).toBeNull();
    expect(await load(people.planA, cases.xOnA)).toMatchObject({ id: cases.xOnA });
  });
});

describe("access depends on the action, not only on the role", () => {
  it("scopes other actions the same way, and refuses actions a role does not hold", async () => {
    expect(await visible(people.applicantX, "case:withdraw")).toEqual(["draftX", "xOnA", "xOnB"]);
    expect(await visible(people.applicantX, "case:screen")).toEqual([]);
    expect(await visible(people.coordinator, "case:file")).toEqual([]);
    expect(await visible(people.reviewer, "determination:write")).toEqual(["yOnA"]);
    expect(await visible(people.reviewer, "case:decide")).toEqual([]);
    expect(await visible(people.planA, "plan-case-file:upload")).toEqual(["xOnA", "yOnA"]);
    expect(await visible(people.planA, "case:screen")).toEqual([]);
    expect(await visible(people.reviewerApplicant, "determination:write")).toEqual(["xOnA"]);
  });
});

describe("the case list", () => {
  it("shows the plan's name and can be narrowed by status", async () => {
    const rows = await listVisibleCases(people.coordinator, { statuses: ["IN_REVIEW", "ELIGIBILITY_REVIEW"] });
    expect(rows.map((row) => nameOf(row.id)).sort()).toEqual(["yOnA", "yOnB"]);
    expect(rows.find((row) => row.id === cases.yOnA)).toMatchObject({ planName: "Plan A", status: "IN_REVIEW" });
    // Narrowing never widens: an applicant filtering by status still sees only their own.
    expect((await listVisibleCases(people.applicantX, { statuses: ["IN_REVIEW", "ACCEPTED"] })).map((row) => nameOf(row.id))).toEqual(["xOnB"]);
  });
});
