import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import { changeCase } from "~/server/cases/change-case.server";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { actorFor, createCase, createPlan, createUser } from "#tests/support/factories";

// Monday 23 November 2026, 10:00 in New York (EST, UTC-5).
const MONDAY_10_AM = new Date("2026-11-23T15:00:00Z");

let coordinator: Awaited<ReturnType<typeof createUser>>;
let applicant: Awaited<ReturnType<typeof createUser>>;
let planId: string;

beforeAll(async () => {
  await ensureReferenceData(); // federal holidays and America/New_York
  forgetOrganizationCalendar();
  coordinator = await createUser({ roles: ["COORDINATOR"] });
  applicant = await createUser({ roles: ["APPLICANT"] });
  planId = (await createPlan()).id;
});

const as = (user: { id: string; email: string; roles: Role[] }) => ({ ...actorFor(user), roles: user.roles });

async function clocks(caseId: string) {
  const rows = await db.caseDeadline.findMany({ where: { caseId }, orderBy: [{ kind: "asc" }] });
  return Object.fromEntries(rows.map((row) => [row.kind, row]));
}

describe("clocks started and ended by transitions", () => {
  it("filing starts the eligibility clock: 5 business days, Thanksgiving skipped", async () => {
    const kase = await createCase({ applicantId: applicant.id, planId, status: "DRAFT" });
    await changeCase({ caseId: kase.id, expectedVersion: 0, actor: as(applicant), action: "submit", event: { type: "submitted" }, at: MONDAY_10_AM });
    const eligibility = (await clocks(kase.id)).ELIGIBILITY;
    // Tue 24, Wed 25, (Thu 26 Thanksgiving), Fri 27, Mon 30, Tue 1 Dec → end of Tue 1 Dec, EST.
    expect(eligibility).toMatchObject({ status: "OPEN", responsible: "ORGANIZATION", startedAt: MONDAY_10_AM });
    expect(eligibility?.dueAt.toISOString()).toBe("2026-12-02T04:59:59.000Z");
    const after = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(after.nextDeadlineKind).toBe("ELIGIBILITY");
    expect(after.nextDeadlineDueAt?.toISOString()).toBe("2026-12-02T04:59:59.000Z");
  });

  it("acceptance meets eligibility and starts the decision, case file and assignment clocks", async () => {
    const kase = await createCase({ applicantId: applicant.id, planId, status: "DRAFT" });
    await changeCase({ caseId: kase.id, expectedVersion: 0, actor: as(applicant), action: "submit", event: { type: "submitted" }, at: MONDAY_10_AM });
    const acceptedAt = new Date("2026-11-24T14:00:00Z"); // Tue 24 Nov, 9:00 EST
    await changeCase({ caseId: kase.id, expectedVersion: 1, actor: as(coordinator), action: "accept", event: { type: "accepted" }, at: acceptedAt });
    const all = await clocks(kase.id);
    expect(all.ELIGIBILITY).toMatchObject({ status: "MET", closedAt: acceptedAt });
    // 45 calendar days from 24 Nov is 8 Jan 2027, end of day EST.
    expect(all.DECISION).toMatchObject({ status: "OPEN", responsible: "ORGANIZATION" });
    expect(all.DECISION?.dueAt.toISOString()).toBe("2027-01-09T04:59:59.000Z");
    // Plan: Wed 25, (Thanksgiving), Fri 27, Mon 30, Tue 1, Wed 2 Dec.
    expect(all.PLAN_CASE_FILE).toMatchObject({ status: "OPEN", responsible: "PLAN" });
    expect(all.PLAN_CASE_FILE?.dueAt.toISOString()).toBe("2026-12-03T04:59:59.000Z");
    // Reviewer assignment: 1 business day, Wed 25 Nov.
    expect(all.ASSIGNMENT?.dueAt.toISOString()).toBe("2026-11-26T04:59:59.000Z");
    // At risk once 80% of the time has gone.
    const decision = all.DECISION!;
    expect(decision.atRiskAt.getTime()).toBe(acceptedAt.getTime() + 0.8 * (decision.dueAt.getTime() - acceptedAt.getTime()));
    const after = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(after).toMatchObject({ nextDeadlineKind: "ASSIGNMENT", nextDeadlineDueAt: all.ASSIGNMENT?.dueAt });
  });

  it("withdrawal stops every running clock and clears the next deadline", async () => {
    const kase = await createCase({ applicantId: applicant.id, planId, status: "DRAFT" });
    await changeCase({ caseId: kase.id, expectedVersion: 0, actor: as(applicant), action: "submit", event: { type: "submitted" }, at: MONDAY_10_AM });
    await changeCase({ caseId: kase.id, expectedVersion: 1, actor: as(coordinator), action: "accept", event: { type: "accepted" }, at: MONDAY_10_AM });
    await changeCase({ caseId: kase.id, expectedVersion: 2, actor: as(applicant), action: "withdraw", event: { type: "withdrawn" }, at: MONDAY_10_AM });
    const all = await clocks(kase.id);
    expect(all.ELIGIBILITY?.status).toBe("MET");
    for (const kind of ["DECISION", "PLAN_CASE_FILE", "ASSIGNMENT"]) expect(all[kind]?.status).toBe("STOPPED");
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({ nextDeadlineKind: null, nextDeadlineDueAt: null });
  });

  it("a decision meets the decision clock and an overturn starts the plan's compliance clock", async () => {
    const kase = await createCase({ applicantId: applicant.id, planId, status: "ACCEPTED" });
    await changeCase({
      caseId: kase.id,
      expectedVersion: 0,
      actor: as(coordinator),
      action: "lookAfterCase",
      event: { type: "clock_started" },
      deadlines: { start: ["decision"] },
      at: MONDAY_10_AM,
    });
    await db.case.update({ where: { id: kase.id }, data: { status: "DETERMINED" } });
    const decidedAt = new Date("2026-12-04T20:00:00Z"); // Fri 4 Dec, 15:00 EST
    await changeCase({
      caseId: kase.id,
      expectedVersion: 1,
      actor: as(coordinator),
      action: "issueDecision",
      event: { type: "decision_issued" },
      deadlines: { start: ["compliance"] },
      at: decidedAt,
    });
    const all = await clocks(kase.id);
    expect(all.DECISION).toMatchObject({ status: "MET", closedAt: decidedAt });
    // NAIC: 1 business day → Mon 7 Dec, end of day EST.
    expect(all.COMPLIANCE).toMatchObject({ status: "OPEN", responsible: "PLAN" });
    expect(all.COMPLIANCE?.dueAt.toISOString()).toBe("2026-12-08T04:59:59.000Z");
  });

  it("counts an expedited California eligibility clock in exact hours", async () => {
    const kase = await createCase({ applicantId: applicant.id, planId, status: "DRAFT", profile: "california", track: "EXPEDITED" });
    // Friday 27 Nov 2026, 18:00 EST: 48 hours run through the weekend.
    const fridayEvening = new Date("2026-11-27T23:00:00Z");
    await changeCase({ caseId: kase.id, expectedVersion: 0, actor: as(applicant), action: "submit", event: { type: "submitted" }, at: fridayEvening });
    expect((await clocks(kase.id)).ELIGIBILITY?.dueAt.toISOString()).toBe("2026-11-29T23:00:00.000Z");
  });

  it("follows the holidays table: an added holiday moves a business-day deadline", async () => {
    await db.holiday.create({ data: { date: new Date("2026-11-25T00:00:00Z"), name: "Organization closure", source: "ADMIN" } });
    forgetOrganizationCalendar();
    try {
      const kase = await createCase({ applicantId: applicant.id, planId, status: "ACCEPTED" });
      await changeCase({
        caseId: kase.id,
        expectedVersion: 0,
        actor: as(coordinator),
        action: "lookAfterCase",
        event: { type: "clock_started" },
        deadlines: { start: ["assignment"] },
        at: new Date("2026-11-24T14:00:00Z"),
      });
      // Wed 25 closed, Thu 26 Thanksgiving → Fri 27 Nov.
      expect((await clocks(kase.id)).ASSIGNMENT?.dueAt.toISOString()).toBe("2026-11-28T04:59:59.000Z");
    } finally {
      await db.holiday.delete({ where: { date: new Date("2026-11-25T00:00:00Z") } });
      forgetOrganizationCalendar();
    }
  });

  it("keeps nothing of a change that rolled back, clocks included", async () => {
    const kase = await createCase({ applicantId: applicant.id, planId, status: "DRAFT" });
    await expect(
      changeCase({
        caseId: kase.id,
        expectedVersion: 0,
        actor: as(applicant),
        action: "submit",
        event: { type: "submitted" },
        emails: () => {
          throw new Error("mail template broke");
        },
      }),
    ).rejects.toThrow("mail template broke");
    expect(await db.caseDeadline.count({ where: { caseId: kase.id } })).toBe(0);
  });
});

describe("a clock ended late", () => {
  it("is recorded as missed, with the time it ended", async () => {
    const kase = await createCase({ applicantId: applicant.id, planId, status: "DRAFT" });
    await changeCase({ caseId: kase.id, expectedVersion: 0, actor: as(applicant), action: "submit", event: { type: "submitted" }, at: MONDAY_10_AM });
    const late = new Date("2026-12-10T15:00:00Z");
    await changeCase({ caseId: kase.id, expectedVersion: 1, actor: as(coordinator), action: "accept", event: { type: "accepted" }, at: late });
    expect((await clocks(kase.id)).ELIGIBILITY).toMatchObject({ status: "MISSED", closedAt: late });
  });
});

describe("a clock past due when the case ends", () => {
  // Accepted Thu 19 Nov 2026: the plan's case file is due Fri 27 Nov (Thanksgiving skipped) and never comes.
  const ACCEPTED = new Date("2026-11-19T15:00:00Z");

  async function acceptedCase() {
    const kase = await createCase({ applicantId: applicant.id, planId, status: "DRAFT" });
    await changeCase({ caseId: kase.id, expectedVersion: 0, actor: as(applicant), action: "submit", event: { type: "submitted" }, at: ACCEPTED });
    await changeCase({ caseId: kase.id, expectedVersion: 1, actor: as(coordinator), action: "accept", event: { type: "accepted" }, at: ACCEPTED });
    return kase;
  }

  it("is recorded as missed when the decision is issued: the plan case file due 27 Nov, never sent", async () => {
    const kase = await acceptedCase();
    expect((await clocks(kase.id)).PLAN_CASE_FILE?.dueAt.toISOString()).toBe("2026-11-28T04:59:59.000Z");
    await db.case.update({ where: { id: kase.id }, data: { status: "DETERMINED" } });
    const decidedAt = new Date("2026-12-15T15:00:00Z");
    await changeCase({
      caseId: kase.id,
      expectedVersion: 2,
      actor: as(coordinator),
      action: "issueDecision",
      event: { type: "decision_issued" },
      at: decidedAt,
    });
    const all = await clocks(kase.id);
    expect(all.PLAN_CASE_FILE).toMatchObject({ status: "MISSED", closedAt: decidedAt });
    expect(all.DECISION).toMatchObject({ status: "MET", closedAt: decidedAt });
  });

  it("is recorded as missed when the case is withdrawn; clocks still running stop", async () => {
    const kase = await acceptedCase();
    const withdrawnAt = new Date("2026-12-01T15:00:00Z");
    await changeCase({ caseId: kase.id, expectedVersion: 2, actor: as(applicant), action: "withdraw", event: { type: "withdrawn" }, at: withdrawnAt });
    const all = await clocks(kase.id);
    expect(all.PLAN_CASE_FILE).toMatchObject({ status: "MISSED", closedAt: withdrawnAt });
    expect(all.ASSIGNMENT).toMatchObject({ status: "MISSED", closedAt: withdrawnAt });
    expect(all.DECISION).toMatchObject({ status: "STOPPED", closedAt: withdrawnAt });
  });
});

describe("an NAIC experimental review runs two clocks: the opinions, then the decision", () => {
  const ACCEPTED = new Date("2026-11-02T15:00:00Z"); // Mon 2 Nov 2026, 10:00 EST
  const lastReviewer = () => createUser({ roles: ["REVIEWER"] });

  async function experimentalCase(profile: "naic" | "federal") {
    const kase = await createCase({ applicantId: applicant.id, planId, status: "DRAFT", profile, disputeType: "EXPERIMENTAL_INVESTIGATIONAL" });
    await changeCase({ caseId: kase.id, expectedVersion: 0, actor: as(applicant), action: "submit", event: { type: "submitted" }, at: ACCEPTED });
    await changeCase({ caseId: kase.id, expectedVersion: 1, actor: as(coordinator), action: "accept", event: { type: "accepted" }, at: ACCEPTED });
    await db.case.update({ where: { id: kase.id }, data: { status: "IN_REVIEW" } });
    return kase;
  }

  it("gives the reviewers 20 days from acceptance, and the organization 20 more from the last opinion", async () => {
    const kase = await experimentalCase("naic");
    let all = await clocks(kase.id);
    expect(all.DECISION).toBeUndefined();
    // 2 Nov + 20 calendar days = Sun 22 Nov, end of day EST.
    expect(all.OPINIONS).toMatchObject({ status: "OPEN", responsible: "ORGANIZATION", startedAt: ACCEPTED });
    expect(all.OPINIONS?.dueAt.toISOString()).toBe("2026-11-23T04:59:59.000Z");

    const opinionsIn = new Date("2026-11-12T15:00:00Z"); // Thu 12 Nov
    const reviewer = await lastReviewer();
    await changeCase({ caseId: kase.id, expectedVersion: 2, actor: as(reviewer), action: "determine", event: { type: "determined" }, at: opinionsIn });
    all = await clocks(kase.id);
    expect(all.OPINIONS).toMatchObject({ status: "MET", closedAt: opinionsIn });
    // 12 Nov + 20 = 2 Dec: ten days earlier than one 40-day clock from acceptance (12 Dec).
    expect(all.DECISION).toMatchObject({ status: "OPEN", startedAt: opinionsIn });
    expect(all.DECISION?.dueAt.toISOString()).toBe("2026-12-03T04:59:59.000Z");

    // Sent back by quality review and submitted again: the decision's clock keeps running, not restarted.
    await db.case.update({ where: { id: kase.id }, data: { status: "IN_REVIEW" } });
    const resubmitted = new Date("2026-11-20T15:00:00Z");
    await changeCase({ caseId: kase.id, expectedVersion: 3, actor: as(reviewer), action: "determine", event: { type: "determined" }, at: resubmitted });
    expect(await db.caseDeadline.count({ where: { caseId: kase.id, kind: "DECISION" } })).toBe(1);
  });

  it("keeps one 45-day decision clock under the federal profile", async () => {
    const kase = await experimentalCase("federal");
    const all = await clocks(kase.id);
    expect(all.OPINIONS).toBeUndefined();
    expect(all.DECISION?.dueAt.toISOString()).toBe("2026-12-18T04:59:59.000Z");
  });
});
