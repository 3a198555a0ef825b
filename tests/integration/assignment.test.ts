import { beforeAll, describe, expect, it } from "vitest";
import * as assignRoute from "~/routes/iro/assign";
import { CONFLICT_MESSAGE } from "~/schemas/intake";
import { acceptOffer, declineOffer } from "~/server/assignment/answer-offer.server";
import { assignPage } from "~/server/assignment/assign-page.server";
import { expireLapsedOffers } from "~/server/assignment/expire-offers.server";
import { offerCase } from "~/server/assignment/offer-case.server";
import { offerPage } from "~/server/assignment/offer-page.server";
import { replaceReviewer } from "~/server/assignment/replace-reviewer.server";
import { matchCase } from "~/server/assignment/roster-snapshot.server";
import { saveMatchingFacts } from "~/server/assignment/save-matching-facts.server";
import { caseAccessWhere } from "~/server/cases/case-access.server";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { applyDeadlineEffects } from "~/server/deadlines/case-clocks.server";
import { AppError } from "~/server/errors.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { ensureSpecialties } from "~/server/reviewers/specialties.server";
import { clockStartsAt, INSTANTS } from "#tests/support/clock";
import { createQualifiedReviewer } from "#tests/support/roster-factories";
import { actorFor, createCase, createPlan, createUser, sessionUserOf } from "#tests/support/factories";
import { call, request, withSession } from "#tests/support/routes";
import { refusal } from "#tests/support/refusal";

// Monday 23 November 2026, 10:00 in New York (EST, UTC-5).
const T0 = INSTANTS.mondayBeforeThanksgiving;
const HOUR = 3_600_000;
const later = (hours: number) => new Date(T0.getTime() + hours * HOUR);
// The assign page's action reads the clock itself: it runs on T0's day, as the factories' data does.
clockStartsAt(T0);

const FACILITY = "Riverside Medical Center";

type Person = Awaited<ReturnType<typeof createUser>>;
let coordinator: Person;
let otherCoordinator: Person;
let applicant: Person;
let plan: Awaited<ReturnType<typeof createPlan>>;

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
  await ensureSpecialties();
  plan = await createPlan();
  coordinator = await createUser({ roles: ["COORDINATOR"], name: "Dana Coordinator" });
  otherCoordinator = await createUser({ roles: ["COORDINATOR"], name: "Marcus Coordinator" });
  applicant = await createUser({ roles: ["APPLICANT"], name: "Maria Applicant" });
});

const as = (person: Person) => ({ user: sessionUserOf(person), actor: actorFor(person) });

/** A reviewer who qualifies on T0. Each test uses its own specialty, so the roster it matches over is its own reviewers. */
const reviewer = (name: string, specialty: string, extra: Omit<Parameters<typeof createQualifiedReviewer>[0], "name" | "specialty"> = {}) =>
  createQualifiedReviewer({ name, specialty, at: T0, ...extra });

/** A case accepted for review on T0, its decision and assignment clocks running, its matching facts recorded. */
async function acceptedCase(options: {
  specialty: string;
  track?: "STANDARD" | "EXPEDITED";
  disputeType?: "MEDICAL_NECESSITY" | "EXPERIMENTAL_INVESTIGATIONAL";
  panelSize?: number;
}) {
  const kase = await createCase({
    applicantId: applicant.id,
    planId: plan.id,
    status: "ACCEPTED",
    track: options.track,
    disputeType: options.disputeType,
    coordinatorId: coordinator.id,
  });
  await db.case.update({
    where: { id: kase.id },
    data: {
      acceptedAt: T0,
      panelSize: options.panelSize ?? 1,
      patientName: "Pat Example",
      specialtyNeeded: options.specialty,
      providerName: "Dr. Ann Lee",
      providerFacility: FACILITY,
    },
  });
  await db.$transaction((tx) => applyDeadlineEffects(tx, kase.id, { start: ["decision", "assignment"] }, T0));
  return kase;
}

async function version(caseId: string): Promise<number> {
  return (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
}

async function offer(caseId: string, reviewerIds: string[], at = T0, by = coordinator) {
  return offerCase({ ...as(by), caseId, expectedVersion: await version(caseId), reviewerIds, at });
}

async function clock(caseId: string, kind: "ASSIGNMENT" | "DECISION" | "OFFER_RESPONSE") {
  return db.caseDeadline.findFirstOrThrow({ where: { caseId, kind }, orderBy: { createdAt: "desc" } });
}

/** Whether the case's records are open to the person (the check every case page and download makes). */
async function canRead(person: Person, caseId: string): Promise<boolean> {
  return (await db.case.count({ where: { AND: [{ id: caseId }, caseAccessWhere(sessionUserOf(person), "case:read")] } })) === 1;
}

/** The assign page's action, posted by a coordinator signed in for it. */
async function assignAction(caseId: string, form: Record<string, string>) {
  const route = await withSession(await createUser({ roles: ["COORDINATOR"], name: "Route Coordinator" }));
  const answer = await call(assignRoute.action, request(`/iro/cases/${caseId}/assign`, route, form), { caseId });
  return { status: answer.status, formError: answer.data?.formError, location: answer.location };
}

describe("the matching facts", () => {
  it("are recorded on the case with what changed on the timeline, and only from the specialty list", async () => {
    const kase = await acceptedCase({ specialty: "dermatology" });
    const facts = {
      specialtyNeeded: "dermatopathology",
      providerName: "Dr. Ann Lee",
      providerNpi: "1234567893",
      treatingGroupName: "Lee Skin Clinic",
      treatingGroupIdentifier: "12-3456789",
      providerFacility: FACILITY,
      facilityIdentifier: null,
      manufacturerName: "Northwind Biologics, Inc.",
      manufacturerIdentifier: null,
    };
    await saveMatchingFacts({ ...as(coordinator), caseId: kase.id, expectedVersion: await version(kase.id), facts });
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject(facts);
    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId: kase.id, type: "matching_facts_recorded" } });
    expect(event.data).toEqual({
      changed: {
        specialtyNeeded: { from: "dermatology", to: "dermatopathology" },
        providerNpi: { from: null, to: "1234567893" },
        treatingGroupName: { from: null, to: "Lee Skin Clinic" },
        treatingGroupIdentifier: { from: null, to: "12-3456789" },
        manufacturerName: { from: null, to: "Northwind Biologics, Inc." },
      },
    });

    const unknown = await refusal(
      saveMatchingFacts({ ...as(coordinator), caseId: kase.id, expectedVersion: await version(kase.id), facts: { ...facts, specialtyNeeded: "astrology" } }),
    );
    expect(unknown).toMatchObject({ code: "BAD_REQUEST", detail: { field: "specialtyNeeded" } });
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).specialtyNeeded).toBe("dermatopathology");
  });
});

describe("offering a case", () => {
  it("refuses a reviewer the filters exclude, with every reason, whatever the request says", async () => {
    const kase = await acceptedCase({ specialty: "ophthalmology" });
    const qualified = await reviewer("Dr. Olive Qualified", "ophthalmology");
    const tied = await reviewer("Dr. Oscar Tied", "ophthalmology", { affiliations: [{ kind: "FACILITY", name: "Riverside  medical center" }] });
    const expired = await reviewer("Dr. Otto Expired", "ophthalmology", { licenseExpiresOn: "2026-10-01" });
    const notAReviewer = await createUser({ roles: ["APPLICANT"] });
    const before = await version(kase.id);

    const match = await matchCase(db, kase.id, T0);
    expect(match?.suggested.map((row) => row.reviewerId)).toEqual([qualified.id]);
    expect(match?.excluded).toEqual([
      { reviewerId: tied.id, name: "Dr. Oscar Tied", reasons: [`affiliated with Riverside medical center`], ofSpecialty: true },
      { reviewerId: expired.id, name: "Dr. Otto Expired", reasons: ["license in CA expired 2026-10-01"], ofSpecialty: true },
    ]);

    const toTied = await refusal(offer(kase.id, [tied.id]));
    expect(toTied).toMatchObject({ code: "BAD_REQUEST", detail: { reviewerId: tied.id } });
    expect(toTied.message).toBe("Dr. Oscar Tied cannot be offered this case: affiliated with Riverside medical center.");
    const lapsed = await refusal(offer(kase.id, [expired.id]));
    expect(lapsed.message).toBe("Dr. Otto Expired cannot be offered this case: license in CA expired 2026-10-01.");
    expect((await refusal(offer(kase.id, [notAReviewer.id]))).message).toContain("not on the reviewer roster");

    expect(await db.reviewerAssignment.count({ where: { caseId: kase.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { caseId: kase.id, template: "review-offer" } })).toBe(0);
    expect(await version(kase.id)).toBe(before);

    // The same forced offer through the page's form: refused with the reasons, nothing sent.
    const answer = await assignAction(kase.id, { intent: "offer", version: String(before), reviewerIds: tied.id });
    expect(answer).toMatchObject({ status: 400, formError: "Dr. Oscar Tied cannot be offered this case: affiliated with Riverside medical center." });
    expect(await db.reviewerAssignment.count({ where: { caseId: kase.id } })).toBe(0);
  });

  it("gives the reviewer 24 hours on a standard case and 4 on an expedited one, or the admin's settings", async () => {
    const standard = await acceptedCase({ specialty: "nephrology" });
    const expedited = await acceptedCase({ specialty: "nephrology", track: "EXPEDITED" });
    const first = await reviewer("Dr. Nora First", "nephrology");
    const second = await reviewer("Dr. Ned Second", "nephrology");
    await offer(standard.id, [first.id]);
    await offer(expedited.id, [second.id]);
    expect((await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: standard.id } })).offerDueAt).toEqual(later(24));
    expect((await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: expedited.id } })).offerDueAt).toEqual(later(4));
    expect(await clock(expedited.id, "OFFER_RESPONSE")).toMatchObject({
      status: "OPEN",
      responsible: "REVIEWER",
      responsibleUserId: second.id,
      dueAt: later(4),
    });

    await db.setting.create({ data: { key: "offerHoursExpedited", value: 2 } });
    try {
      const third = await reviewer("Dr. Nell Third", "nephrology");
      const another = await acceptedCase({ specialty: "nephrology", track: "EXPEDITED" });
      await offer(another.id, [third.id]);
      expect((await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: another.id } })).offerDueAt).toEqual(later(2));
    } finally {
      await db.setting.delete({ where: { key: "offerHoursExpedited" } });
    }
  });
});

describe("the reviewer's answer", () => {
  it("accepted with the signed attestation: the records open, the case is in review and the assignment clock is met", async () => {
    const kase = await acceptedCase({ specialty: "rheumatology" });
    const chosen = await reviewer("Dr. Rosa Rheum", "rheumatology");
    await offer(kase.id, [chosen.id]);
    const assignment = await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: kase.id } });
    expect(assignment).toMatchObject({ reviewerId: chosen.id, status: "OFFERED", offeredById: coordinator.id, offerDueAt: later(24) });

    const email = await db.outboxMessage.findFirstOrThrow({ where: { caseId: kase.id, template: "review-offer" } });
    expect(email.toAddress).toBe(chosen.email);
    expect(email.props).toMatchObject({ reference: kase.reference, link: `http://portal.test/review/offers/${assignment.id}` });
    expect(JSON.stringify(email)).not.toContain("Pat Example");

    // Before the attestation: the offer's summary and the parties to attest about (the patient among them), never the records.
    expect(await canRead(chosen, kase.id)).toBe(false);
    const page = await offerPage(sessionUserOf(chosen), assignment.id, actorFor(chosen), later(1));
    expect(page).toMatchObject({ reference: kase.reference, state: "open", specialty: "Rheumatology", caseLink: null });
    expect(page.attestation.statements.join(" ")).toContain(FACILITY);
    expect(page.attestation.statements.join(" ")).toContain("the patient (Pat Example)");
    // Nobody else finds the offer.
    const other = await reviewer("Dr. Rex Other", "rheumatology");
    expect(await refusal(offerPage(sessionUserOf(other), assignment.id, actorFor(other)))).toMatchObject({ code: "NOT_FOUND" });
    // Both the reading and the refused attempt are in the audit log.
    expect(
      await db.auditLog.count({ where: { action: "case.viewed", actorId: chosen.id, objectId: kase.id, detail: { path: ["page"], equals: "offer" } } }),
    ).toBe(1);
    expect(await db.auditLog.count({ where: { action: "access.denied", actorId: other.id, objectType: "ReviewerAssignment", objectId: null } })).toBe(1);

    const unsigned = await refusal(acceptOffer({ ...as(chosen), assignmentId: assignment.id, signature: "Someone Else", at: later(2) }));
    expect(unsigned).toMatchObject({ code: "BAD_REQUEST", detail: { field: "signature" } });
    expect(await canRead(chosen, kase.id)).toBe(false);

    await acceptOffer({ ...as(chosen), assignmentId: assignment.id, signature: "rosa rheum", at: later(2) });
    const accepted = await db.reviewerAssignment.findUniqueOrThrow({ where: { id: assignment.id } });
    expect(accepted).toMatchObject({ status: "ACCEPTED", respondedAt: later(2), attestedAt: later(2) });
    expect(accepted.attestation).toContain(`No-conflict attestation for case ${kase.reference}`);
    expect(accepted.attestation).toContain(`Signed by typing my name: rosa rheum, on ${later(2).toISOString()}.`);

    const after = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(after.status).toBe("IN_REVIEW");
    expect(await clock(kase.id, "ASSIGNMENT")).toMatchObject({ status: "MET", closedAt: later(2) });
    expect(await clock(kase.id, "OFFER_RESPONSE")).toMatchObject({ status: "MET", closedAt: later(2) });
    expect(await clock(kase.id, "DECISION")).toMatchObject({ status: "OPEN", startedAt: T0 });
    expect(await db.caseEvent.findFirst({ where: { caseId: kase.id, type: "offer_accepted" } })).toMatchObject({
      fromStatus: "ACCEPTED",
      toStatus: "IN_REVIEW",
      actorId: chosen.id,
    });
    expect(await canRead(chosen, kase.id)).toBe(true);
    expect(await offerPage(sessionUserOf(chosen), assignment.id, actorFor(chosen), later(3))).toMatchObject({
      state: "accepted",
      caseLink: `/review/cases/${kase.id}`,
    });

    // Answered once: a second answer is refused.
    const again = await refusal(declineOffer({ ...as(chosen), assignmentId: assignment.id, reason: "Changed my mind", at: later(3) }));
    expect(again).toMatchObject({ code: "CONFLICT", message: "You accepted this offer and signed the no-conflict attestation." });
  });

  it("on a panel case, offers up to three; the first acceptance starts the review and the others join it", async () => {
    const kase = await acceptedCase({ specialty: "infectious-disease", disputeType: "EXPERIMENTAL_INVESTIGATIONAL", panelSize: 3 });
    const panel = [];
    for (const name of ["Dr. Ida One", "Dr. Ian Two", "Dr. Ivy Three", "Dr. Isa Four"]) panel.push(await reviewer(name, "infectious-disease"));
    const tooMany = await refusal(
      offer(
        kase.id,
        panel.map((person) => person.id),
      ),
    );
    expect(tooMany).toMatchObject({ code: "BAD_REQUEST", message: "This case needs 3 more reviewers: choose at most 3." });

    await offer(
      kase.id,
      panel.slice(0, 3).map((person) => person.id),
    );
    const offers = await db.reviewerAssignment.findMany({ where: { caseId: kase.id }, orderBy: { reviewer: { name: "asc" } } });
    expect(offers).toHaveLength(3);
    expect(await db.outboxMessage.count({ where: { caseId: kase.id, template: "review-offer" } })).toBe(3);
    const full = await refusal(offer(kase.id, [panel[3]!.id]));
    expect(full.message).toMatch(/^This case has all the reviewers it needs/);

    const [first, second] = [panel[0]!, panel[1]!];
    const offerOf = (person: Person) => offers.find((row) => row.reviewerId === person.id)!.id;
    await acceptOffer({ ...as(first), assignmentId: offerOf(first), signature: first.name, at: later(1) });
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).status).toBe("IN_REVIEW");
    await acceptOffer({ ...as(second), assignmentId: offerOf(second), signature: second.name, at: later(2) });
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).status).toBe("IN_REVIEW");
    expect(await db.reviewerAssignment.count({ where: { caseId: kase.id, status: "ACCEPTED" } })).toBe(2);
    expect(await canRead(second, kase.id)).toBe(true);
    expect(await canRead(panel[2]!, kase.id)).toBe(false);
  });

  it("declined with a reason: the coordinator is emailed with the next suggestion ready", async () => {
    const kase = await acceptedCase({ specialty: "allergy-and-immunology" });
    const aaron = await reviewer("Dr. Aaron Allergy", "allergy-and-immunology");
    const betty = await reviewer("Dr. Betty Allergy", "allergy-and-immunology");
    expect((await matchCase(db, kase.id, T0))?.suggested.map((row) => row.name)).toEqual(["Dr. Aaron Allergy", "Dr. Betty Allergy"]);
    await offer(kase.id, [aaron.id]);
    const assignment = await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: kase.id } });

    const blank = await refusal(declineOffer({ ...as(aaron), assignmentId: assignment.id, reason: "   ", at: later(1) }));
    expect(blank).toMatchObject({ code: "BAD_REQUEST", detail: { field: "reason" } });

    await declineOffer({ ...as(aaron), assignmentId: assignment.id, reason: "I trained at Riverside.", at: later(1) });
    expect(await db.reviewerAssignment.findUniqueOrThrow({ where: { id: assignment.id } })).toMatchObject({
      status: "DECLINED",
      reason: "I trained at Riverside.",
      respondedAt: later(1),
      endedAt: later(1),
    });
    expect(await clock(kase.id, "OFFER_RESPONSE")).toMatchObject({ status: "MET", closedAt: later(1) });
    expect(await clock(kase.id, "ASSIGNMENT")).toMatchObject({ status: "OPEN" });
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).status).toBe("ACCEPTED");
    expect(await canRead(aaron, kase.id)).toBe(false);

    const emails = await db.outboxMessage.findMany({ where: { caseId: kase.id, template: "offer-declined" } });
    expect(emails.map((email) => email.toAddress)).toEqual([coordinator.email]);
    expect(emails[0]?.props).toMatchObject({
      reviewerName: "Dr. Aaron Allergy",
      ending: "declined",
      next: "The next suggestion is Dr. Betty Allergy: offer the case from its assignment page.",
      link: `http://portal.test/iro/cases/${kase.id}/assign`,
    });
    expect(emails[0]?.subject).toContain("offer declined");

    // The assignment page: the decline on the history, Betty first, Aaron left out as already involved.
    const page = await assignPage(sessionUserOf(coordinator), kase.id, actorFor(coordinator), later(1));
    expect(page.history).toEqual([expect.objectContaining({ name: "Dr. Aaron Allergy", outcome: "Declined", reason: "I trained at Riverside." })]);
    expect(page.suggested?.map((row) => row.id)).toEqual([betty.id]);
    expect(page.excluded?.reviewers.find((row) => row.id === aaron.id)).toEqual({
      id: aaron.id,
      name: "Dr. Aaron Allergy",
      reasons: ["already involved in this case (declined the offer on 2026-11-23)"],
      ofSpecialty: true,
    });
    expect(page.seatsOpen).toBe(1);
  });

  it("left unanswered past its time: the sweep expires it and the coordinator is emailed with the next suggestion", async () => {
    const kase = await acceptedCase({ specialty: "emergency-medicine" });
    const slow = await reviewer("Dr. Sam Slow", "emergency-medicine");
    await reviewer("Dr. Tess Next", "emergency-medicine");
    await offer(kase.id, [slow.id]);
    const assignment = await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: kase.id } });

    // The sweep runs over every case: this file's other offers lapse with this one.
    await expireLapsedOffers(later(23));
    expect((await db.reviewerAssignment.findUniqueOrThrow({ where: { id: assignment.id } })).status).toBe("OFFERED");
    expect(await db.outboxMessage.count({ where: { caseId: kase.id, template: "offer-declined" } })).toBe(0);

    // Past its time but before the sweep: the offer can no longer be accepted.
    const late = await refusal(acceptOffer({ ...as(slow), assignmentId: assignment.id, signature: slow.name, at: later(24.5) }));
    expect(late).toMatchObject({ code: "CONFLICT", message: "The time to answer this offer has passed, so it went back to the coordinator." });

    expect((await expireLapsedOffers(later(25))).expired).toBeGreaterThanOrEqual(1);
    expect(await db.reviewerAssignment.findUniqueOrThrow({ where: { id: assignment.id } })).toMatchObject({ status: "EXPIRED", endedAt: later(24) });
    expect(await clock(kase.id, "OFFER_RESPONSE")).toMatchObject({ status: "MISSED", closedAt: later(25) });
    expect(await db.caseEvent.count({ where: { caseId: kase.id, type: "offer_expired" } })).toBe(1);
    const email = await db.outboxMessage.findFirstOrThrow({ where: { caseId: kase.id, template: "offer-declined" } });
    expect(email).toMatchObject({ toAddress: coordinator.email });
    expect(email.props).toMatchObject({ ending: "expired", next: "The next suggestion is Dr. Tess Next: offer the case from its assignment page." });
    expect(email.subject).toContain("not answered in time");

    // Idempotent: the next sweep expires nothing more here and sends nothing more.
    await expireLapsedOffers(later(26));
    expect(await db.caseEvent.count({ where: { caseId: kase.id, type: "offer_expired" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { caseId: kase.id, template: "offer-declined" } })).toBe(1);
    expect(await offerPage(sessionUserOf(slow), assignment.id, actorFor(slow), later(26))).toMatchObject({ state: "expired" });
  });
});

describe("replacing a reviewer", () => {
  it("needs a reason; the old reviewer loses access at once and the history keeps both", async () => {
    const kase = await acceptedCase({ specialty: "otolaryngology" });
    const first = await reviewer("Dr. Una First", "otolaryngology");
    const next = await reviewer("Dr. Vic Next", "otolaryngology");
    await offer(kase.id, [first.id]);
    const original = await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: kase.id } });
    await acceptOffer({ ...as(first), assignmentId: original.id, signature: first.name, at: later(1) });
    expect(await canRead(first, kase.id)).toBe(true);

    const replace = async (reason: string) =>
      replaceReviewer({ ...as(coordinator), caseId: kase.id, expectedVersion: await version(kase.id), assignmentId: original.id, reason, at: later(5) });
    const noReason = await refusal(replace("  "));
    expect(noReason).toMatchObject({ code: "BAD_REQUEST", detail: { field: "reason" } });
    expect(await canRead(first, kase.id)).toBe(true);

    await replace("Too slow to start the review.");
    expect(await canRead(first, kase.id)).toBe(false);
    expect(await db.reviewerAssignment.findUniqueOrThrow({ where: { id: original.id } })).toMatchObject({
      status: "REPLACED",
      endedAt: later(5),
      reason: "Too slow to start the review.",
    });
    const told = await db.outboxMessage.findFirstOrThrow({ where: { caseId: kase.id, toAddress: first.email, template: "case-update" } });
    expect(told.props).toMatchObject({ headline: "You are no longer reviewing this case" });
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).status).toBe("IN_REVIEW");

    // The replaced reviewer cannot be offered the case again, whatever the request says.
    const again = await refusal(offer(kase.id, [first.id], later(6)));
    expect(again.message).toContain("already involved in this case");

    await offer(kase.id, [next.id], later(6));
    const replacement = await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: kase.id, reviewerId: next.id } });
    expect((await db.reviewerAssignment.findUniqueOrThrow({ where: { id: original.id } })).replacedById).toBe(replacement.id);
    await acceptOffer({ ...as(next), assignmentId: replacement.id, signature: next.name, at: later(7) });
    expect(await canRead(next, kase.id)).toBe(true);
    expect(await canRead(first, kase.id)).toBe(false);

    const page = await assignPage(sessionUserOf(coordinator), kase.id, actorFor(coordinator), later(8));
    expect(page.current.map((row) => row.name)).toEqual(["Dr. Vic Next"]);
    expect(page.history).toEqual([
      expect.objectContaining({ name: "Dr. Una First", outcome: "Replaced", reason: "Too slow to start the review.", replacedBy: "Dr. Vic Next" }),
    ]);
  });
});

describe("two coordinators at once", () => {
  it("cannot both offer the case: one wins, the other is told the case changed", async () => {
    const kase = await acceptedCase({ specialty: "anesthesiology" });
    const picked = [await reviewer("Dr. Wes One", "anesthesiology"), await reviewer("Dr. Xia Two", "anesthesiology")];
    const seen = await version(kase.id);
    const outcomes = await Promise.allSettled([
      offerCase({ ...as(coordinator), caseId: kase.id, expectedVersion: seen, reviewerIds: [picked[0]!.id], at: T0 }),
      offerCase({ ...as(otherCoordinator), caseId: kase.id, expectedVersion: seen, reviewerIds: [picked[1]!.id], at: T0 }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const lost = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(AppError);
    expect(lost.reason).toMatchObject({ code: "CONFLICT", message: CONFLICT_MESSAGE });
    expect(await db.reviewerAssignment.count({ where: { caseId: kase.id } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { caseId: kase.id, template: "review-offer" } })).toBe(1);
    expect(await version(kase.id)).toBe(seen + 1);

    // The page's form with the version the second coordinator saw: the message, nothing offered.
    const answer = await assignAction(kase.id, { intent: "offer", version: String(seen), reviewerIds: picked[1]!.id });
    expect(answer).toMatchObject({ status: 409, formError: CONFLICT_MESSAGE });
    expect(await db.reviewerAssignment.count({ where: { caseId: kase.id } })).toBe(1);
  });
});
