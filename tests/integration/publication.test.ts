/**
 * Publishing a decision (docs/rules/publication.md): issuing it drafts the
 * de-identified findings and starts the one-business-day publication clock;
 * only the case's coordinator side sees the draft; the coordinator edits it
 * beside the original, names relatives to remove, and approves it; the
 * decision is published once five alike are, each publication audited.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as publicationRoute from "~/routes/iro/publication";
import { db } from "~/server/db.server";
import { issueDecision } from "~/server/letters/issue-decision.server";
import { libraryStatistics } from "~/server/publication/statistics.server";
import { createCase, createPlan, createReviewer, createUser, actorFor, sessionUserOf } from "#tests/support/factories";
import { createCaseInReview } from "#tests/support/case-factories";
import { clockStartsAt, INSTANTS } from "#tests/support/clock";
import { approveSubmittedDetermination, submitSignedDetermination } from "#tests/support/determination-factories";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";

clockStartsAt(INSTANTS.plainWednesday);

/** Wednesday 16 September 2026, 15:00 EDT: the publication is due by the end of Thursday. */
const DECIDED_AT = new Date("2026-09-16T19:00:00Z");
const DUE_AT = new Date("2026-09-18T03:59:59Z");
/** Filed the Wednesday before: seven calendar days to the decision. */
const FILED_AT = new Date("2026-09-09T14:00:00Z");

const FINDINGS =
  "Ms. García-López (member MEM-7731) was seen by Dr. Ann Lee on 03/02/2026 for end-stage osteoarthritis. " +
  "Her daughter Rosa Fuentes reports she cannot climb stairs; call 555-201-3344. Total knee arthroplasty (CPT 27447) is medically necessary.";

const KNEE = {
  diagnosisCategory: "Orthopedic/Musculoskeletal",
  diagnosisSubcategory: "Knee",
  treatmentCategory: "Orthopedic procedure",
  treatmentSubcategory: "Joint replacement",
};

type Person = Awaited<ReturnType<typeof createUser>> & { cookie: string };
let coordinator: Person;
let applicant: Person;
let reviewer: Awaited<ReturnType<typeof createReviewer>>;
let plan: { id: string; name: string };

beforeAll(async () => {
  plan = await createPlan();
  coordinator = await withSession(await createUser({ roles: ["COORDINATOR"] }));
  applicant = await withSession(await createUser({ roles: ["APPLICANT"] }));
  reviewer = await createReviewer();
});

/** A case decided at DECIDED_AT with FINDINGS, through the portal's own operations. */
async function decidedCase(outcome: "OVERTURNED" | "UPHELD" = "OVERTURNED") {
  const kase = await createCaseInReview({
    applicantId: applicant.id,
    planId: plan.id,
    coordinatorId: coordinator.id,
    reviewerIds: [reviewer.id],
    details: {
      patientName: "María José García-López",
      patientBirthDate: new Date("1961-03-14"),
      patientSex: "FEMALE",
      patientPhone: "(555) 201-3344",
      memberId: "MEM-7731",
      providerName: "Dr. Ann Lee",
      submittedAt: FILED_AT,
      ...KNEE,
    },
  });
  await submitSignedDetermination({ caseId: kase.id, reviewer, outcome });
  await approveSubmittedDetermination({ caseId: kase.id, coordinator, findings: FINDINGS });
  const { version } = await db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { version: true } });
  await issueDecision({ user: sessionUserOf(coordinator), actor: actorFor(coordinator), caseId: kase.id, expectedVersion: version, at: DECIDED_AT });
  return kase;
}

type Page = Awaited<ReturnType<typeof publicationRoute.loader>>;
const openPage = (who: Person, caseId: string) =>
  call<Page>(publicationRoute.loader as RouteFunction, request(`/iro/cases/${caseId}/publication`, who), { caseId });
async function post(caseId: string, form: Record<string, string>) {
  const { version } = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
  return call(publicationRoute.action as RouteFunction, request(`/iro/cases/${caseId}/publication`, coordinator, { version: String(version), ...form }), {
    caseId,
  });
}

describe("a decision's publication", () => {
  it("is drafted at the decision without the case's identifiers, its facts coarsened, and due one business day later", async () => {
    const kase = await decidedCase();
    const publication = await db.publication.findUniqueOrThrow({ where: { caseId: kase.id } });
    expect(publication.status).toBe("DRAFT");
    for (const identifier of ["García", "Garcia", "MEM-7731", "Lee", "03/02", "555", "201-3344"]) expect(publication.draftFindings).not.toContain(identifier);
    expect(publication.draftFindings).toContain("[patient]");
    expect(publication.draftFindings).toContain("CPT 27447");
    expect(publication).toMatchObject({
      year: 2026,
      ageRange: "65+",
      gender: "FEMALE",
      diagnosisSubcategory: "Knee",
      outcome: "OVERTURNED",
      daysToDecision: 7,
    });
    expect(publication.literature).toEqual([expect.objectContaining({ title: "Guideline for cardiac rehabilitation" })]);

    const clock = await db.caseDeadline.findFirstOrThrow({ where: { caseId: kase.id, kind: "PUBLICATION" } });
    expect(clock).toMatchObject({ status: "OPEN", responsible: "ORGANIZATION", startedAt: DECIDED_AT, dueAt: DUE_AT });
  });

  it("keeps its clock running when an upheld denial closes the case at once", async () => {
    const kase = await decidedCase("UPHELD");
    const after = await db.case.findUniqueOrThrow({ where: { id: kase.id }, select: { status: true, nextDeadlineKind: true } });
    expect(after).toEqual({ status: "CLOSED", nextDeadlineKind: "PUBLICATION" });
  });

  it("is shown to the coordinator beside the original, audited, and to nobody else", async () => {
    const kase = await decidedCase();
    const page = await openPage(coordinator, kase.id);
    expect(page.status).toBe(200);
    expect(page.data.original).toBe(FINDINGS);
    expect(page.data.redactions.map((redaction) => redaction.text)).toEqual(
      expect.arrayContaining(["García", "López", "MEM-7731", "03/02/2026", "555-201-3344"]),
    );
    expect(page.data.editable).toBe(true);
    const viewed = await db.auditLog.findFirst({ where: { objectId: kase.id, action: "case.viewed", detail: { path: ["page"], equals: "publication" } } });
    expect(viewed).not.toBeNull();

    const planUser = await withSession(await createUser({ roles: ["PLAN"], planId: plan.id }));
    const reviewerPerson = await withSession(reviewer);
    for (const outsider of [applicant, planUser, reviewerPerson]) expect((await openPage(outsider, kase.id)).status).toBe(404);
  });

  it("takes out relatives' names the coordinator gives, keeps the edit, and refuses empty findings", async () => {
    const kase = await decidedCase();
    const { draftFindings } = await db.publication.findUniqueOrThrow({ where: { caseId: kase.id } });
    const edited = `${draftFindings} The patient's daughter, Rosa, agrees.`;
    const empty = await post(kase.id, { intent: "save", findings: "  ", relativeNames: "" });
    expect(empty.status).toBe(400);
    expect(empty.data.fieldErrors.findings).toMatch(/Write the findings/);

    expect((await post(kase.id, { intent: "save", findings: edited, relativeNames: "Rosa Fuentes" })).status).toBe(302);
    const saved = await db.publication.findUniqueOrThrow({ where: { caseId: kase.id } });
    expect(saved.status).toBe("DRAFT");
    expect(saved.findings).toContain("agrees");
    expect(saved.findings).not.toMatch(/Rosa|Fuentes/);
    expect(await db.caseEvent.count({ where: { caseId: kase.id, type: "publication_edited" } })).toBe(1);
  });

  it("waits after approval until five alike are approved, then publishes them all with their subcategory", async () => {
    const kase = await decidedCase();
    expect((await post(kase.id, { intent: "approve", findings: "Total knee arthroplasty is medically necessary.", relativeNames: "" })).status).toBe(302);
    let mine = await db.publication.findUniqueOrThrow({ where: { caseId: kase.id } });
    expect(mine).toMatchObject({ status: "WAITING", approvedById: coordinator.id, publishedAt: null, diagnosisDetail: null });
    const clock = await db.caseDeadline.findFirstOrThrow({ where: { caseId: kase.id, kind: "PUBLICATION" } });
    expect(clock.status).not.toBe("OPEN");
    expect(await db.auditLog.count({ where: { objectId: kase.id, action: "case.decision_published" } })).toBe(1);

    // Three more alike already approved; the fourth approval makes five.
    const others = [];
    for (let index = 0; index < 4; index += 1) others.push(await decidedCase());
    for (const other of others.slice(0, 3)) {
      await db.publication.update({ where: { caseId: other.id }, data: { status: "WAITING", approvedAt: DECIDED_AT } });
    }
    expect((await post(others[3]!.id, { intent: "approve", findings: "Knee replacement is necessary.", relativeNames: "" })).status).toBe(302);

    const group = await db.publication.findMany({ where: { caseId: { in: [kase.id, ...others.map((other) => other.id)] } } });
    expect(group.map((row) => [row.status, row.diagnosisDetail, row.shownDiagnosisSubcategory])).toEqual(Array(5).fill(["PUBLISHED", "SUBCATEGORY", "Knee"]));
    expect(await db.auditLog.count({ where: { action: "publication.published", objectId: { in: group.map((row) => row.id) } } })).toBe(5);

    mine = await db.publication.findUniqueOrThrow({ where: { caseId: kase.id } });
    const again = await post(kase.id, { intent: "approve", findings: "Changed after publication.", relativeNames: "" });
    expect(again.status).toBe(409);
    expect((await db.publication.findUniqueOrThrow({ where: { caseId: kase.id } })).findings).toBe(mine.findings);
  });

  it("counts in the public figures once published, and not before", async () => {
    const figures = await libraryStatistics();
    // The five published above; the drafts and the upheld case's draft are not counted.
    expect(figures.total).toBe(5);
    expect(figures.years).toEqual([{ year: 2026, decisions: 5 }]);
    expect(figures.plans).toEqual([{ label: plan.name, decisions: 5, overturned: 5 }]);
    expect(figures.categories).toEqual([{ label: "Orthopedic/Musculoskeletal", decisions: 5, overturned: 5 }]);
    expect(figures.tracks).toEqual([{ track: "STANDARD", decisions: 5, onTime: 5, medianDays: 7 }]);
  });

  it("cannot be drafted for a case that was never decided", async () => {
    const undecided = await createCase({ applicantId: applicant.id, planId: plan.id, status: "IN_REVIEW", coordinatorId: coordinator.id });
    expect((await openPage(coordinator, undecided.id)).status).toBe(404);
  });
});
