import { beforeAll, describe, expect, it } from "vitest";
import * as assignRoute from "~/routes/iro/assign";
import * as offerRoute from "~/routes/review/offer";
import { acceptOffer } from "~/server/assignment/answer-offer.server";
import { assignPage } from "~/server/assignment/assign-page.server";
import { clearPossibleConflict } from "~/server/assignment/clear-possible-conflict.server";
import { offerCase } from "~/server/assignment/offer-case.server";
import { matchCase } from "~/server/assignment/roster-snapshot.server";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { applyDeadlineEffects } from "~/server/deadlines/case-clocks.server";
import { planCasePage } from "~/server/plan/plan-case-page.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { applicantCasePage } from "~/server/requests/case-page.server";
import { ensureSpecialties } from "~/server/reviewers/specialties.server";
import { clockStartsAt, INSTANTS } from "#tests/support/clock";
import { actorFor, createCase, createPlan, createUser, sessionUserOf } from "#tests/support/factories";
import { refusal } from "#tests/support/refusal";
import { createQualifiedReviewer } from "#tests/support/roster-factories";
import { call, request, withSession } from "#tests/support/routes";

// Monday 23 November 2026, 10:00 in New York; the route actions read the clock, which starts there.
const T0 = INSTANTS.mondayBeforeThanksgiving;
const later = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
clockStartsAt(T0);

type Person = Awaited<ReturnType<typeof createUser>>;
let coordinator: Person;
let applicant: Person;
let plan: Awaited<ReturnType<typeof createPlan>>;

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
  await ensureSpecialties();
  plan = await createPlan("Evergreen Health Plan (conflicts)");
  coordinator = await createUser({ roles: ["COORDINATOR"], name: "Dana Coordinator" });
  applicant = await createUser({ roles: ["APPLICANT"], name: "Maria Applicant" });
});

const as = (person: Person) => ({ user: sessionUserOf(person), actor: actorFor(person) });

/** A case accepted for review on T0 with its matching facts; each test uses its own specialty, so the roster it matches over is its own. */
async function acceptedCase(specialty: string, facts: { manufacturerName?: string; treatingGroupName?: string; providerFacility?: string } = {}) {
  const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status: "ACCEPTED", coordinatorId: coordinator.id });
  await db.case.update({
    where: { id: kase.id },
    data: {
      acceptedAt: T0,
      patientName: "Pat Example",
      serviceDescription: "CAR-T cell therapy for relapsed lymphoma",
      procedureCodes: ["Q2041"],
      diagnosisCodes: ["C83.38"],
      applicantStatement: "My oncologist says it is my best chance.",
      denialReason: "Experimental for a patient over 75.",
      specialtyNeeded: specialty,
      providerName: "Dr. Miriam Adler",
      ...facts,
    },
  });
  await db.$transaction((tx) => applyDeadlineEffects(tx, kase.id, { start: ["decision", "assignment"] }, T0));
  return kase;
}

const reviewer = (name: string, specialty: string, affiliation: string, kind: "MANUFACTURER" | "MEDICAL_GROUP" = "MANUFACTURER") =>
  createQualifiedReviewer({ name, specialty, at: T0, affiliations: [{ kind, name: affiliation }] });

async function version(caseId: string): Promise<number> {
  return (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
}

const offer = async (caseId: string, reviewerId: string, at = T0) =>
  offerCase({ ...as(coordinator), caseId, expectedVersion: await version(caseId), reviewerIds: [reviewerId], at });

/** The assign page's action, posted by a coordinator signed in for it. */
async function assignAction(caseId: string, form: Record<string, string>) {
  const route = await withSession(coordinator);
  const answer = await call(assignRoute.action, request(`/iro/cases/${caseId}/assign`, route, form), { caseId });
  return { status: answer.status, formError: answer.data?.formError, fieldErrors: answer.data?.fieldErrors, location: answer.location };
}

describe("conflicts by identity, not spelling", () => {
  it.each([
    ["Northwind Biologics", "Northwind Biologics, Inc.", "MANUFACTURER", "manufacturerName"],
    ["Northwind Biologics Inc", "Northwind Biologics, Inc.", "MANUFACTURER", "manufacturerName"],
    ["Bay Cardiology Associates, PC", "Bay Cardiology Associates", "MEDICAL_GROUP", "treatingGroupName"],
  ] as const)("a case naming %s excludes a reviewer affiliated with %s, and an offer is refused", async (recorded, affiliation, kind, field) => {
    const specialty = field === "manufacturerName" ? "medical-oncology" : "cardiovascular-disease";
    const kase = await acceptedCase(specialty, { [field]: recorded });
    const tied = await reviewer(`Dr. Tied ${recorded.length}`, specialty, affiliation, kind);

    const match = await matchCase(db, kase.id, T0);
    expect(match?.suggested.map((row) => row.reviewerId)).not.toContain(tied.id);
    expect(match?.possibleConflicts.map((row) => row.reviewerId)).not.toContain(tied.id);
    expect(match?.excluded.find((row) => row.reviewerId === tied.id)?.reasons).toEqual([`affiliated with ${affiliation}`]);
    expect((await refusal(offer(kase.id, tied.id))).message).toBe(`${tied.name} cannot be offered this case: affiliated with ${affiliation}.`);
    expect(await db.reviewerAssignment.count({ where: { caseId: kase.id } })).toBe(0);
  });

  it("holds a near match as a possible conflict: no offer until a coordinator clears it with a reason, which is kept and audited", async () => {
    const kase = await acceptedCase("hematology", { manufacturerName: "Northwind Biologics" });
    const near = await reviewer("Dr. Nell Near", "hematology", "Northwind Biologic Inc.");

    const page = await assignPage(sessionUserOf(coordinator), kase.id, actorFor(coordinator), T0);
    expect(page.suggested?.map((row) => row.id)).not.toContain(near.id);
    expect(page.possibleConflicts).toEqual([
      {
        id: near.id,
        name: "Dr. Nell Near",
        fit: "Same specialty: Hematology",
        matches: ["affiliated with Northwind Biologic Inc., like the maker of the drug or device (Northwind Biologics), 86% alike"],
      },
    ]);

    // An offer is refused, through the operation and through the page's form.
    const refused = await refusal(offer(kase.id, near.id));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", detail: { reviewerId: near.id } });
    expect(refused.message).toContain("possible conflict: affiliated with Northwind Biologic Inc.");
    expect(refused.message).toContain("a coordinator must clear it, with a reason, first");
    const viaForm = await assignAction(kase.id, { intent: "offer", version: String(await version(kase.id)), reviewerIds: near.id });
    expect(viaForm.status).toBe(400);
    expect(await db.reviewerAssignment.count({ where: { caseId: kase.id } })).toBe(0);

    // Clearing needs a reason.
    const noReason = await assignAction(kase.id, { intent: "clear", version: String(await version(kase.id)), reviewerId: near.id, reason: "  " });
    expect(noReason.status).toBe(400);
    expect(noReason.fieldErrors).toMatchObject({ reason: expect.any(String) });
    expect(
      await refusal(clearPossibleConflict({ ...as(coordinator), caseId: kase.id, expectedVersion: await version(kase.id), reviewerId: near.id, reason: " " })),
    ).toMatchObject({
      code: "BAD_REQUEST",
      detail: { field: "reason" },
    });
    expect(await db.conflictClearance.count({ where: { caseId: kase.id } })).toBe(0);

    const reason = "Northwind Biologic Inc. is a veterinary company with its own tax ID, not the maker in this case.";
    const cleared = await assignAction(kase.id, { intent: "clear", version: String(await version(kase.id)), reviewerId: near.id, reason });
    expect(cleared).toMatchObject({ status: 302, location: `/iro/cases/${kase.id}/assign?done=clear` });
    expect(await db.conflictClearance.findFirstOrThrow({ where: { caseId: kase.id } })).toMatchObject({
      reviewerId: near.id,
      reason,
      matchKeys: ["maker:northwindbiologics~northwindbiologic"],
    });
    expect(await db.caseEvent.findFirstOrThrow({ where: { caseId: kase.id, type: "possible_conflict_cleared" } })).toMatchObject({ note: reason });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "case.possible_conflict_cleared", objectId: kase.id } });
    expect(audit.detail).toMatchObject({ reviewerId: near.id, reviewerName: "Dr. Nell Near", reason });

    // Cleared: suggested, offered and accepted.
    const after = await assignPage(sessionUserOf(coordinator), kase.id, actorFor(coordinator), later(1));
    expect(after.possibleConflicts).toEqual([]);
    expect(after.suggested?.map((row) => row.id)).toContain(near.id);
    expect(after.clearances).toEqual([expect.objectContaining({ name: "Dr. Nell Near", reason })]);
    await offer(kase.id, near.id, later(1));
    const assignment = await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: kase.id, reviewerId: near.id } });
    await acceptOffer({ ...as(near), assignmentId: assignment.id, signature: near.name, at: later(2) });

    // Neither the applicant nor the plan sees who reviews, nor the clearance.
    const applicantPage = JSON.stringify(await applicantCasePage(sessionUserOf(applicant), kase.id, actorFor(applicant), later(3)));
    const planUser = await createUser({ roles: ["PLAN"], planId: plan.id });
    const planPage = JSON.stringify(await planCasePage(sessionUserOf(planUser), kase.id, actorFor(planUser), later(3)));
    for (const seen of [applicantPage, planPage]) {
      expect(seen).not.toContain("Nell Near");
      expect(seen).not.toContain("veterinary");
    }
  });

  it("holds the reviewer again when a new near match appears, and refuses to clear what is not held", async () => {
    const kase = await acceptedCase("clinical-genetics-and-genomics", { manufacturerName: "Helix Genomics Laboratories" });
    const near = await reviewer("Dr. Hal Helix", "clinical-genetics-and-genomics", "Helix Genomic Labs");
    await clearPossibleConflict({ ...as(coordinator), caseId: kase.id, expectedVersion: await version(kase.id), reviewerId: near.id, reason: "Another lab." });
    expect((await matchCase(db, kase.id, T0))?.suggested.map((row) => row.reviewerId)).toEqual([near.id]);
    const again = await refusal(
      clearPossibleConflict({ ...as(coordinator), caseId: kase.id, expectedVersion: await version(kase.id), reviewerId: near.id, reason: "Twice." }),
    );
    expect(again).toMatchObject({ code: "CONFLICT" });

    await db.case.update({ where: { id: kase.id }, data: { providerFacility: "Helix Genomics Lab" } });
    expect((await matchCase(db, kase.id, T0))?.possibleConflicts.map((row) => row.reviewerId)).toEqual([near.id]);
  });
});

describe("the reviewer's offer page", () => {
  it("names every party the attestation covers and the service with its codes, and nothing else medical", async () => {
    const kase = await acceptedCase("medical-oncology", {
      treatingGroupName: "Adler Oncology Group",
      providerFacility: "UC San Diego Moores Cancer Center",
      manufacturerName: "Kite Pharma",
    });
    const chosen = await createQualifiedReviewer({ name: "Dr. Olu Offered", specialty: "medical-oncology", at: T0 });
    await offer(kase.id, chosen.id);
    const assignment = await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: kase.id } });

    const session = await withSession(chosen);
    const answer = await call<Awaited<ReturnType<typeof offerRoute.loader>>>(offerRoute.loader, request(`/review/offers/${assignment.id}`, session), {
      assignmentId: assignment.id,
    });
    expect(answer.status).toBe(200);
    const page = answer.data;
    expect(page.parties).toEqual([
      { label: "Patient", name: "Pat Example" },
      { label: "Health plan", name: "Evergreen Health Plan (conflicts)" },
      { label: "Treating physician", name: "Dr. Miriam Adler" },
      { label: "Their medical group", name: "Adler Oncology Group" },
      { label: "Facility where the treatment is or would be given", name: "UC San Diego Moores Cancer Center" },
      { label: "Maker of the drug or device in dispute", name: "Kite Pharma" },
    ]);
    expect(page).toMatchObject({ service: "CAR-T cell therapy for relapsed lymphoma", serviceCodes: ["Q2041"] });
    // Every party listed is one the attestation names.
    const statements = page.attestation.statements.join(" ");
    for (const party of page.parties) expect(statements).toContain(party.name!);
    // Nothing medical beyond the service: no diagnosis, statement or denial reason before the attestation.
    const shown = JSON.stringify(page);
    for (const hidden of ["C83.38", "best chance", "over 75"]) expect(shown).not.toContain(hidden);
  });
});
