import { beforeAll, describe, expect, it } from "vitest";
import type { CaseActionName } from "~/domain/case-actions";
import type { Role } from "~/domain/roles";
import { changeCase } from "~/server/cases/change-case.server";
import type { Prisma } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { timelinessReport } from "~/server/reports/timeliness-report.server";
import { actorFor, createCase, createPlan, createUser } from "#tests/support/factories";

// An NAIC experimental review runs two clocks (the reviewers' opinions, then the decision): the
// timeliness report counts the review from acceptance, and late when either clock was missed.
const MAY = { from: "2026-05-01", to: "2026-05-31" };
const NOW = new Date("2026-06-10T15:00:00Z");
const HOUR = 3_600_000;

let coordinator: Awaited<ReturnType<typeof createUser>>;
let reviewer: Awaited<ReturnType<typeof createUser>>;
let applicant: Awaited<ReturnType<typeof createUser>>;
let planId: string;
const as = (user: { id: string; email: string; roles: Role[] }) => ({ ...actorFor(user), roles: user.roles });

/** Accepted, reviewed and decided through the real transitions, back-dated. */
async function experimentalReview(accepted: Date, determined: Date) {
  const kase = await createCase({ applicantId: applicant.id, planId, status: "DRAFT", profile: "naic", disputeType: "EXPERIMENTAL_INVESTIGATIONAL" });
  let version = 0;
  const step = async (by: typeof coordinator, action: CaseActionName, at: Date, update: Prisma.CaseUpdateManyMutationInput = {}) => {
    version = (await changeCase({ caseId: kase.id, expectedVersion: version, actor: as(by), action, event: { type: action }, update, at })).version;
  };
  await step(applicant, "submit", new Date(accepted.getTime() - 24 * HOUR), { submittedAt: new Date(accepted.getTime() - 24 * HOUR) });
  await step(coordinator, "accept", accepted, { acceptedAt: accepted });
  await step(reviewer, "acceptOffer", new Date(accepted.getTime() + HOUR));
  await step(reviewer, "determine", determined, { determinedAt: determined });
  const decided = new Date(determined.getTime() + 24 * HOUR);
  await step(coordinator, "issueDecision", decided, { decidedAt: decided, outcome: "UPHELD" });
  return kase;
}

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
  coordinator = await createUser({ roles: ["COORDINATOR"] });
  reviewer = await createUser({ roles: ["REVIEWER"] });
  applicant = await createUser({ roles: ["APPLICANT"] });
  planId = (await createPlan()).id;
  // Opinions in after 10 days, decided a day later: on time, 11 days from acceptance.
  await experimentalReview(new Date("2026-05-04T15:00:00Z"), new Date("2026-05-14T15:00:00Z"));
  // Opinions in after 25 days (due in 20), decided a day later: within 40 days, but the opinions were late.
  await experimentalReview(new Date("2026-05-04T15:00:00Z"), new Date("2026-05-29T15:00:00Z"));
});

describe("the timeliness report of reviews with an opinions clock", () => {
  it("counts each review from its acceptance, and late when the opinions were", async () => {
    const report = await timelinessReport(MAY, NOW);
    expect(report.overall).toMatchObject({ decided: 2, onTime: 1, late: 1, onTimePercent: 50 });
    expect(report.overall.medianDays).toBe(18.5); // 11 and 26 days
    expect(report.missedDeadlines).toContainEqual({ deadline: "Reviewers' opinions", responsible: "Review organization", missed: 1, overdue: 0 });
  });
});
