/**
 * Finding 11: the regulator export's diagnosis and treatment categories and
 * its findings come from the workflow, not from the database by hand. The
 * coordinator chooses the categories when accepting (suggested from the
 * codes), and writes the findings when approving the determination.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { action as caseAction } from "~/routes/iro/case";
import { db } from "~/server/db.server";
import { applyDeadlineEffects } from "~/server/deadlines/case-clocks.server";
import { approveDetermination } from "~/server/determinations/approve-determination.server";
import { acceptCase } from "~/server/intake/accept-case.server";
import { coordinatorCasePage } from "~/server/intake/coordinator-case-page.server";
import { recordEligibility } from "~/server/intake/record-eligibility.server";
import { issueDecision } from "~/server/letters/issue-decision.server";
import { regulatorExport } from "~/server/reports/regulator-export.server";
import { localDate } from "~/domain/deadlines/time-zone";
import { calendarDaysBetween } from "~/domain/reports/regulator-export";
import { createCaseInReview } from "#tests/support/case-factories";
import { approveSubmittedDetermination, submitSignedDetermination } from "#tests/support/determination-factories";
import { actorFor, createCase, createPlan, createReviewer, createUser, sessionUserOf } from "#tests/support/factories";
import { refusal } from "#tests/support/refusal";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";

type Person = Awaited<ReturnType<typeof createUser>> & { cookie: string };
let coordinator: Person;
let applicant: Person;
let plan: { id: string };

beforeAll(async () => {
  plan = await createPlan();
  coordinator = await withSession(await createUser({ roles: ["COORDINATOR"] }));
  applicant = await withSession(await createUser({ roles: ["APPLICANT"] }));
});

const as = (person: Person) => ({ user: sessionUserOf(person), actor: actorFor(person) });
const version = async (caseId: string) => (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;

/** A filed request with these codes, its five criteria answered yes: ready to accept. */
async function screenedCase(codes: { diagnosisCodes: string[]; procedureCodes: string[] }) {
  const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status: "SUBMITTED" });
  await db.case.update({ where: { id: kase.id }, data: codes });
  await db.$transaction((tx) => applyDeadlineEffects(tx, kase.id, { start: ["eligibility"] }, new Date()));
  const yes = { met: true, note: null };
  await recordEligibility({
    ...as(coordinator),
    caseId: kase.id,
    expectedVersion: await version(kase.id),
    answers: { ENROLLED: yes, COVERED_BENEFIT: yes, APPEAL_EXHAUSTED: yes, FILED_IN_TIME: { met: true, note: "In time." }, COMPLETE: yes },
  });
  return kase;
}

const categoriesOf = (caseId: string) =>
  db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { diagnosisCategory: true, diagnosisSubcategory: true, treatmentCategory: true, treatmentSubcategory: true, status: true },
  });

describe("the categories at acceptance", () => {
  it("are suggested from the case's ICD-10 and CPT codes on the accept form", async () => {
    const kase = await screenedCase({ diagnosisCodes: ["c71.9"], procedureCodes: ["77522"] });
    const page = await coordinatorCasePage(sessionUserOf(coordinator), kase.id, actorFor(coordinator));
    expect(page.actions.accept).toBe(true);
    expect(page.categories).toEqual({
      recorded: false,
      diagnosis: { category: "Cancer", subcategory: "Brain" },
      treatment: { category: "Cancer care", subcategory: "Proton beam therapy" },
    });
  });

  it("are recorded by the accept form, and refused when not on the regulator's lists", async () => {
    const kase = await screenedCase({ diagnosisCodes: ["M43.16"], procedureCodes: ["22612"] });
    const post = async (fields: Record<string, string>) =>
      call(
        caseAction as RouteFunction,
        request(`/iro/cases/${kase.id}`, coordinator, { intent: "accept", version: String(await version(kase.id)), ...fields }),
        { caseId: kase.id },
      );

    const missing = await post({});
    expect(missing.status).toBe(400);
    expect(missing.data).toMatchObject({
      fieldErrors: { diagnosisCategory: "Choose the diagnosis category.", treatmentCategory: "Choose the treatment category." },
    });

    const mismatched = await post({
      diagnosisCategory: "Cancer",
      diagnosisSubcategory: "Knee",
      treatmentCategory: "Made-up care",
      treatmentSubcategory: "Other",
    });
    expect(mismatched.status).toBe(400);
    expect(mismatched.data).toMatchObject({
      fieldErrors: { diagnosisSubcategory: "Choose a subcategory of Cancer, or Other.", treatmentCategory: "Choose the treatment category from the list." },
    });
    expect((await categoriesOf(kase.id)).status).toBe("ELIGIBILITY_REVIEW");

    const accepted = await post({
      diagnosisCategory: "Orthopedic/Musculoskeletal",
      diagnosisSubcategory: "Back and spine",
      treatmentCategory: "Orthopedic procedure",
      treatmentSubcategory: "Spine surgery",
    });
    expect(accepted.status).toBe(302);
    expect(await categoriesOf(kase.id)).toEqual({
      status: "ACCEPTED",
      diagnosisCategory: "Orthopedic/Musculoskeletal",
      diagnosisSubcategory: "Back and spine",
      treatmentCategory: "Orthopedic procedure",
      treatmentSubcategory: "Spine surgery",
    });
    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId: kase.id, type: "accepted" } });
    expect(event.data).toMatchObject({ diagnosis: { category: "Orthopedic/Musculoskeletal" }, treatment: { subcategory: "Spine surgery" } });
  });

  it("are checked by the operation itself, whoever calls it", async () => {
    const kase = await screenedCase({ diagnosisCodes: [], procedureCodes: [] });
    const error = await refusal(
      acceptCase({
        ...as(coordinator),
        caseId: kase.id,
        expectedVersion: await version(kase.id),
        categories: { diagnosis: { category: "Mental", subcategory: "Depression" }, treatment: { category: "Dental", subcategory: "Spine surgery" } },
      }),
    );
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: "Choose a subcategory of Dental, or Other." });
    expect((await categoriesOf(kase.id)).diagnosisCategory).toBeNull();
  });
});

describe("the findings at quality review", () => {
  it("must be written to approve, and reach the regulator export with the days to adopt", async () => {
    const reviewer = await createReviewer({ name: "Dr. Findings Reviewer" });
    const kase = await createCaseInReview({ applicantId: applicant.id, planId: plan.id, coordinatorId: coordinator.id, reviewerIds: [reviewer.id] });
    await submitSignedDetermination({ caseId: kase.id, reviewer });

    const blank = await refusal(
      approveDetermination({ ...as(coordinator), caseId: kase.id, expectedVersion: await version(kase.id), comments: "", findings: "  " }),
    );
    expect(blank).toMatchObject({ code: "BAD_REQUEST", detail: { field: "findings" } });

    const findings = "Cardiac rehabilitation is the standard of care after this infarction; the denial is not supported.";
    await approveSubmittedDetermination({ caseId: kase.id, coordinator, findings });
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { findings: true } })).findings).toBe(findings);

    await issueDecision({ ...as(coordinator), caseId: kase.id, expectedVersion: await version(kase.id) });
    const { decidedAt, determinedAt } = await db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { decidedAt: true, determinedAt: true } });
    const zone = "America/New_York";
    const year = Number(localDate(decidedAt!, zone).slice(0, 4));
    const { csv } = await regulatorExport(year, actorFor(coordinator));
    const row = csv.split("\r\n").find((line) => line.startsWith(`${kase.reference},`))!;
    expect(row).toContain(findings);
    // Days to adopt: from the reviewers' determination to the decision that adopts it.
    expect(row.split(",")[12]).toBe(String(calendarDaysBetween(determinedAt!, decidedAt!, zone)));
  });
});
