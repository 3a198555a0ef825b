import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import * as caseRoute from "~/routes/iro/case";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { createAcceptedCase, createFiledCase } from "#tests/support/case-factories";
import { createAssignment, createPlan, createUser } from "#tests/support/factories";
import { call, request, withSession, type RouteFunction, type LoaderData } from "#tests/support/routes";

// Accepted Mon 2 Nov 2026, 10:00 in New York (EST), under the NAIC profile.
const ACCEPTED = new Date("2026-11-02T15:00:00Z");

type Person = Awaited<ReturnType<typeof person>>;
async function person(roles: Role[], planId?: string) {
  return withSession(await createUser({ roles, planId: planId ?? null }));
}

let coordinator: Person;
let applicant: Person;
let planUser: Person;
let plan: { id: string; contactEmail: string };

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
  plan = await createPlan();
  coordinator = await person(["COORDINATOR"]);
  applicant = await person(["APPLICANT"]);
  planUser = await person(["PLAN"], plan.id);
});

async function acceptedCase(details: { disputeType?: "MEDICAL_NECESSITY" | "EXPERIMENTAL_INVESTIGATIONAL"; track?: "STANDARD" | "EXPEDITED" } = {}) {
  return createAcceptedCase({
    applicantId: applicant.id,
    planId: plan.id,
    acceptedBy: coordinator.id,
    at: ACCEPTED,
    details: { disputeType: details.disputeType ?? "MEDICAL_NECESSITY", track: details.track ?? "STANDARD" },
  });
}

function correct(kase: { id: string; version: number }, fields: Record<string, string>) {
  return call(
    caseRoute.action as RouteFunction,
    request(`/iro/cases/${kase.id}`, coordinator.cookie, { intent: "correctClassification", version: String(kase.version), ...fields }),
    {
      caseId: kase.id,
    },
  );
}

async function clocks(caseId: string) {
  const rows = await db.caseDeadline.findMany({ where: { caseId } });
  return Object.fromEntries(rows.map((row) => [row.kind, row]));
}

describe("correcting the dispute type", () => {
  it("makes an experimental denial filed as medical necessity a panel of three with NAIC's opinions clock, audited and on the timeline", async () => {
    const kase = await acceptedCase();
    const before = await clocks(kase.id);
    // Medical necessity: one reviewer, 45 days to decide (Thu 17 Dec, end of day EST).
    expect(before.DECISION?.dueAt.toISOString()).toBe("2026-12-18T04:59:59.000Z");
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).panelSize).toBe(1);

    const answer = await correct(kase, {
      disputeType: "EXPERIMENTAL_INVESTIGATIONAL",
      track: "STANDARD",
      reason: "The denial letter calls the drug investigational.",
    });
    expect(answer).toMatchObject({ status: 302, location: `/iro/cases/${kase.id}?done=correctClassification` });

    const after = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(after).toMatchObject({ disputeType: "EXPERIMENTAL_INVESTIGATIONAL", track: "STANDARD", panelSize: 3, version: kase.version + 1 });
    const now = await clocks(kase.id);
    // The decision clock started at acceptance is now the reviewers' opinions: 20 days, Sun 22 Nov.
    expect(now.DECISION).toBeUndefined();
    expect(now.OPINIONS).toMatchObject({ id: before.DECISION?.id, status: "OPEN", startedAt: ACCEPTED });
    expect(now.OPINIONS?.dueAt.toISOString()).toBe("2026-11-23T04:59:59.000Z");
    // The plan's case file does not depend on the dispute type.
    expect(now.PLAN_CASE_FILE?.dueAt).toEqual(before.PLAN_CASE_FILE?.dueAt);

    expect(await db.caseEvent.findFirstOrThrow({ where: { caseId: kase.id, type: "classification_corrected" } })).toMatchObject({
      actorId: coordinator.id,
      note: "The denial letter calls the drug investigational.",
      data: {
        from: { disputeType: "MEDICAL_NECESSITY", track: "STANDARD", panelSize: 1 },
        to: { disputeType: "EXPERIMENTAL_INVESTIGATIONAL", track: "STANDARD" },
      },
    });
    expect(await db.auditLog.count({ where: { action: "case.classification_corrected", objectId: kase.id, actorId: coordinator.id } })).toBe(1);
    const emails = await db.outboxMessage.findMany({
      where: { caseId: kase.id, subject: `${kase.reference}: The review organization corrected how this case is classified` },
    });
    expect(emails.map((email) => email.toAddress).sort()).toEqual([applicant.email, plan.contactEmail, planUser.email].sort());
    for (const email of emails) expect(JSON.stringify(email.props)).not.toContain("investigational.");

    const page = await call<Extract<LoaderData<typeof caseRoute.loader>, { reference: string | null }>>(
      caseRoute.loader as RouteFunction,
      request(`/iro/cases/${kase.id}?done=correctClassification`, coordinator.cookie),
      { caseId: kase.id },
    );
    expect(page.data).toMatchObject({ panelSize: 3, disputeType: "Experimental/Investigational" });
    expect(page.data.deadlines.map((row: { text: string }) => row.text)).toContainEqual(expect.stringMatching(/^Reviewers' opinions/));
  });

  it("counts the running clocks again when the track is corrected to expedited", async () => {
    const kase = await acceptedCase();
    await correct(kase, { disputeType: "MEDICAL_NECESSITY", track: "EXPEDITED", reason: "The treating physician's certification arrived." });
    const now = await clocks(kase.id);
    // Expedited: the plan's case file 24 hours, the decision 72 hours, from acceptance.
    expect(now.PLAN_CASE_FILE?.dueAt.toISOString()).toBe("2026-11-03T15:00:00.000Z");
    expect(now.DECISION?.dueAt.toISOString()).toBe("2026-11-05T15:00:00.000Z");
    expect(now.DECISION?.atRiskAt.toISOString()).toBe(new Date(ACCEPTED.getTime() + 0.8 * 72 * 3_600_000).toISOString());
  });

  it("before acceptance, only changes what acceptance will use", async () => {
    const kase = await createFiledCase({ applicantId: applicant.id, planId: plan.id, details: { disputeType: "MEDICAL_NECESSITY" } });
    const eligibility = (await clocks(kase.id)).ELIGIBILITY;
    await correct(kase, { disputeType: "EXPERIMENTAL_INVESTIGATIONAL", track: "STANDARD", reason: "Filed under the wrong type." });
    expect((await clocks(kase.id)).ELIGIBILITY?.dueAt).toEqual(eligibility?.dueAt);
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({ disputeType: "EXPERIMENTAL_INVESTIGATIONAL" });
  });
});

describe("a correction refused", () => {
  it("without a reason, or with nothing changed, next to the field", async () => {
    const kase = await acceptedCase();
    const noReason = await correct(kase, { disputeType: "EXPERIMENTAL_INVESTIGATIONAL", track: "STANDARD", reason: "" });
    expect(noReason.status).toBe(400);
    expect(noReason.data.fieldErrors).toMatchObject({ reason: "Say why the dispute type or the track is corrected." });
    const unchanged = await correct(kase, { disputeType: "MEDICAL_NECESSITY", track: "STANDARD", reason: "Checking." });
    expect(unchanged.status).toBe(400);
    expect(unchanged.data.fieldErrors).toMatchObject({ disputeType: expect.stringContaining("already has this dispute type and track") });
    expect(await db.caseEvent.count({ where: { caseId: kase.id, type: "classification_corrected" } })).toBe(0);
  });

  it("when the panel would shrink below the reviewers already on it", async () => {
    const kase = await acceptedCase({ disputeType: "EXPERIMENTAL_INVESTIGATIONAL" });
    // Acceptance fixed the panel at three (createAcceptedCase moves the status only).
    await db.case.update({ where: { id: kase.id }, data: { panelSize: 3 } });
    for (let i = 0; i < 2; i++)
      await createAssignment({ caseId: kase.id, reviewerId: (await createUser({ roles: ["REVIEWER"] })).id, status: "ACCEPTED", attested: true });
    const refused = await correct(kase, { disputeType: "MEDICAL_NECESSITY", track: "STANDARD", reason: "Not experimental after all." });
    expect(refused.status).toBe(409);
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({ disputeType: "EXPERIMENTAL_INVESTIGATIONAL", panelSize: 3 });
  });

  it("once every reviewer has submitted", async () => {
    const kase = await acceptedCase();
    await db.case.update({ where: { id: kase.id }, data: { status: "DETERMINED" } });
    const refused = await correct(kase, { disputeType: "EXPERIMENTAL_INVESTIGATIONAL", track: "STANDARD", reason: "Too late." });
    expect(refused.status).toBe(409);
  });
});
