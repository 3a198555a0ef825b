import { beforeEach, describe, expect, it } from "vitest";
import { CASE_ACTION_NAMES, CASE_ACTIONS, type CaseAction } from "~/domain/case-actions";
import { CASE_STATUSES } from "~/domain/case-status";
import type { Role } from "~/domain/roles";
import { changeCase, type CaseChange, type CaseSnapshot } from "~/server/cases/change-case.server";
import { db } from "~/server/db.server";
import { actorFor, createCase, createPlan, createUser } from "#tests/support/factories";
import { refusal } from "#tests/support/refusal";

type Person = Awaited<ReturnType<typeof createUser>>;
let applicant: Person;
let coordinator: Person;
let reviewer: Person;
let caseId: string;
let reference: string;

beforeEach(async () => {
  const plan = await createPlan();
  applicant = await createUser({ roles: ["APPLICANT"] });
  coordinator = await createUser({ roles: ["COORDINATOR"] });
  reviewer = await createUser({ roles: ["REVIEWER"] });
  const row = await createCase({ applicantId: applicant.id, planId: plan.id, status: "SUBMITTED", version: 3 });
  caseId = row.id;
  reference = row.reference!;
});

const as = (person: Person, roles: Role[] = person.roles) => ({ ...actorFor(person, "198.51.100.4"), roles });

const caseUpdateEmail = (to: string, headline: string) => (before: CaseSnapshot) => [
  {
    template: "case-update" as const,
    to,
    props: { organizationName: "IRO", reference: before.reference ?? "", headline, action: "Nothing to do.", link: `http://portal.test/requests/${before.id}` },
  },
];

/** Everything a change leaves behind for the case. */
async function traces(id = caseId) {
  const [row, events, audits, emails] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, acceptedAt: true } }),
    db.caseEvent.findMany({ where: { caseId: id }, orderBy: { createdAt: "asc" } }),
    db.auditLog.findMany({ where: { objectType: "Case", objectId: id }, orderBy: { id: "asc" } }),
    db.outboxMessage.findMany({ where: { caseId: id }, orderBy: { createdAt: "asc" } }),
  ]);
  return { ...row, events, audits, emails };
}

const refusedChange = <T>(change: CaseChange<T>) => refusal(changeCase(change));

describe("a case change that is allowed", () => {
  it("moves the status, bumps the version, and writes one event, one audit row and its emails", async () => {
    const outcome = await changeCase({
      caseId,
      expectedVersion: 3,
      actor: as(coordinator),
      action: "checkEligibility",
      event: { type: "eligibility_review_started", note: "Looking at it", data: { source: "test" } },
      emails: caseUpdateEmail(applicant.email, "We are checking eligibility"),
    });
    expect(outcome).toEqual({ result: undefined, status: "ELIGIBILITY_REVIEW", version: 4 });

    const after = await traces();
    expect(after).toMatchObject({ status: "ELIGIBILITY_REVIEW", version: 4 });
    expect(after.events).toHaveLength(1);
    expect(after.events[0]).toMatchObject({
      type: "eligibility_review_started",
      fromStatus: "SUBMITTED",
      toStatus: "ELIGIBILITY_REVIEW",
      actorId: coordinator.id,
      note: "Looking at it",
      data: { source: "test" },
    });
    expect(after.audits).toHaveLength(1);
    expect(after.audits[0]).toMatchObject({ action: "case.eligibility_review_started", actorId: coordinator.id, ip: "198.51.100.4" });
    expect(after.audits[0]?.detail).toMatchObject({ from: "SUBMITTED", to: "ELIGIBILITY_REVIEW", reference, source: "test" });
    expect(after.emails).toHaveLength(1);
    expect(after.emails[0]).toMatchObject({
      template: "case-update",
      toAddress: applicant.email,
      subject: `${reference}: We are checking eligibility`,
      status: "PENDING",
    });
  });

  it("sets the other columns it names and hands the work's result to the emails", async () => {
    const acceptedAt = new Date("2030-01-02T03:04:05.000Z");
    const outcome = await changeCase({
      caseId,
      expectedVersion: 3,
      actor: as(coordinator),
      action: "accept",
      event: { type: "accepted" },
      update: { acceptedAt },
      work: async (tx) => (await tx.reviewerAssignment.create({ data: { caseId, reviewerId: reviewer.id } })).id,
      emails: (before, assignmentId) => [
        ...caseUpdateEmail(applicant.email, "Accepted")(before),
        { ...caseUpdateEmail(reviewer.email, `Offer ${assignmentId}`)(before)[0]! },
      ],
    });
    expect(outcome.status).toBe("ACCEPTED");
    const after = await traces();
    expect(after).toMatchObject({ status: "ACCEPTED", version: 4, acceptedAt });
    expect(await db.reviewerAssignment.findUnique({ where: { id: outcome.result } })).toMatchObject({ caseId, status: "OFFERED" });
    expect(after.emails.map((email) => email.toAddress).sort()).toEqual([applicant.email, reviewer.email].sort());
    expect(after.emails.find((email) => email.toAddress === reviewer.email)?.subject).toContain(outcome.result);
  });

  it("can record an event that keeps the status, still bumping the version", async () => {
    const outcome = await changeCase({
      caseId,
      expectedVersion: 3,
      actor: as(coordinator),
      action: "lookAfterCase",
      event: { type: "note_added", note: "Called the plan" },
    });
    expect(outcome).toMatchObject({ status: "SUBMITTED", version: 4 });
    const after = await traces();
    expect(after).toMatchObject({ status: "SUBMITTED", version: 4 });
    expect(after.events).toMatchObject([{ type: "note_added", fromStatus: null, toStatus: null, note: "Called the plan" }]);
    expect(after.audits).toMatchObject([{ action: "case.note_added" }]);
    expect(after.emails).toEqual([]);
  });

  it("accepts a step that needs a reason when one is given", async () => {
    await changeCase({
      caseId,
      expectedVersion: 3,
      actor: as(coordinator),
      action: "findIneligible",
      event: { type: "found_ineligible", note: "Not a covered plan" },
    });
    const after = await traces();
    expect(after.status).toBe("INELIGIBLE");
    expect(after.events[0]).toMatchObject({ fromStatus: "SUBMITTED", toStatus: "INELIGIBLE", note: "Not a covered plan" });
  });
});

describe("a case change that is refused", () => {
  const nothingWritten = async () => {
    const after = await traces();
    expect(after).toMatchObject({ status: "SUBMITTED", version: 3, events: [], audits: [], emails: [] });
  };
  const eligibility = (overrides: Partial<CaseChange<void>> = {}): CaseChange<void> => ({
    caseId,
    expectedVersion: 3,
    actor: as(coordinator),
    action: "checkEligibility",
    event: { type: "eligibility_review_started" },
    emails: caseUpdateEmail(applicant.email, "Checking"),
    ...overrides,
  });

  it("is a conflict when someone else changed the case first (stale version)", async () => {
    const error = await refusedChange(eligibility({ expectedVersion: 2 }));
    expect(error.code).toBe("CONFLICT");
    await nothingWritten();
  });

  it("is forbidden for a role the step does not belong to", async () => {
    const error = await refusedChange(eligibility({ actor: as(applicant) }));
    expect(error.code).toBe("FORBIDDEN");
    await nothingWritten();
    expect((await refusedChange(eligibility({ actor: as(reviewer) }))).code).toBe("FORBIDDEN");
  });

  it("is a conflict when the case is not in a status the step starts from, saying why", async () => {
    const error = await refusedChange(eligibility({ action: "issueDecision", event: { type: "decision_issued" } }));
    expect(error).toMatchObject({
      code: "CONFLICT",
      message: "The decision can be issued once every reviewer has submitted and the determination is approved.",
    });
    await nothingWritten();
  });

  it("refuses every action of the state machine in every status it is not allowed in, whoever asks", async () => {
    const refused: string[] = [];
    for (const name of CASE_ACTION_NAMES) {
      const action: CaseAction = CASE_ACTIONS[name];
      for (const status of CASE_STATUSES.filter((status) => !action.moves[status])) {
        await db.case.update({ where: { id: caseId }, data: { status } });
        const error = await refusedChange({
          ...eligibility({ action: name, event: { type: name, note: "Because" } }),
          actor: { ...actorFor(coordinator), roles: action.roles },
        });
        expect(error).toMatchObject({ code: "CONFLICT", message: action.refusal(status) });
        refused.push(`${name} in ${status}`);
      }
    }
    expect(refused).toContain("submit in SUBMITTED");
    expect(refused).toContain("amendDecision in DETERMINED");
    await db.case.update({ where: { id: caseId }, data: { status: "SUBMITTED" } });
    await nothingWritten();
  });

  it("asks for a reason when the step needs one", async () => {
    for (const note of [undefined, null, "", "   "]) {
      const error = await refusedChange(eligibility({ action: "findIneligible", event: { type: "found_ineligible", note } }));
      expect(error).toMatchObject({ code: "BAD_REQUEST", detail: { field: "note" } });
    }
    await nothingWritten();
  });

  it("is not found for a case that does not exist", async () => {
    const error = await refusedChange(eligibility({ caseId: crypto.randomUUID() }));
    expect(error.code).toBe("NOT_FOUND");
    await nothingWritten();
  });
});

describe("a case change that fails part-way", () => {
  it("leaves nothing behind when its work throws: no event, no audit row, no email, no other rows", async () => {
    const failure = new Error("storage unavailable");
    const attempt = changeCase({
      caseId,
      expectedVersion: 3,
      actor: as(coordinator),
      action: "accept",
      event: { type: "accepted" },
      update: { acceptedAt: new Date() },
      work: async (tx) => {
        await tx.reviewerAssignment.create({ data: { caseId, reviewerId: reviewer.id } });
        throw failure;
      },
      emails: caseUpdateEmail(applicant.email, "Accepted"),
    });
    await expect(attempt).rejects.toBe(failure);
    const after = await traces();
    expect(after).toMatchObject({ status: "SUBMITTED", version: 3, acceptedAt: null, events: [], audits: [], emails: [] });
    expect(await db.reviewerAssignment.count({ where: { caseId } })).toBe(0);
  });

  it("leaves nothing behind when building its emails throws after the event and audit rows were written", async () => {
    const attempt = changeCase({
      caseId,
      expectedVersion: 3,
      actor: as(coordinator),
      action: "checkEligibility",
      event: { type: "eligibility_review_started" },
      emails: () => {
        throw new Error("template broke");
      },
    });
    await expect(attempt).rejects.toThrow("template broke");
    expect(await traces()).toMatchObject({ status: "SUBMITTED", version: 3, events: [], audits: [], emails: [] });
  });

  it("lets only one of two simultaneous changes from the same version through", async () => {
    const change = (type: string) =>
      changeCase({
        caseId,
        expectedVersion: 3,
        actor: as(coordinator),
        action: "checkEligibility",
        event: { type },
        emails: caseUpdateEmail(applicant.email, type),
      });
    const results = await Promise.allSettled([change("first"), change("second")]);
    const fulfilled = results.filter((result) => result.status === "fulfilled");
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({ code: "CONFLICT" });
    const after = await traces();
    expect(after).toMatchObject({ status: "ELIGIBILITY_REVIEW", version: 4 });
    expect(after.events).toHaveLength(1);
    expect(after.audits).toHaveLength(1);
    expect(after.emails).toHaveLength(1);
    expect(after.emails[0]!.subject).toContain(after.events[0]!.type);
  });
});
