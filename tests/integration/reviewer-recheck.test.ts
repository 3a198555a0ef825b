// Issue 18, items 2–4: reviewers checked again at acceptance and after a roster change, the next suggestion offered automatically, and who changes credentials.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as settingsRoute from "~/routes/admin/settings";
import * as rosterRoute from "~/routes/iro/roster";
import * as editorRoute from "~/routes/iro/roster.reviewer";
import * as profileRoute from "~/routes/review/profile";
import { acceptOffer, declineOffer } from "~/server/assignment/answer-offer.server";
import { assignPage } from "~/server/assignment/assign-page.server";
import { expireLapsedOffers } from "~/server/assignment/expire-offers.server";
import { offerCase } from "~/server/assignment/offer-case.server";
import { offerPage } from "~/server/assignment/offer-page.server";
import { matchCase } from "~/server/assignment/roster-snapshot.server";
import { caseAccessWhere } from "~/server/cases/case-access.server";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { applyDeadlineEffects } from "~/server/deadlines/case-clocks.server";
import { coordinatorCasePage } from "~/server/intake/coordinator-case-page.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { ensureSpecialties } from "~/server/reviewers/specialties.server";
import { clockStartsAt, INSTANTS } from "#tests/support/clock";
import { actorFor, createCase, createPlan, createUser, sessionUserOf } from "#tests/support/factories";
import { refusal } from "#tests/support/refusal";
import { createQualifiedReviewer } from "#tests/support/roster-factories";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";

// Monday 23 November 2026, 10:00 in New York. Roster pages read the clock themselves, so it starts there.
const T0 = INSTANTS.mondayBeforeThanksgiving;
const HOUR = 3_600_000;
const later = (hours: number) => new Date(T0.getTime() + hours * HOUR);
clockStartsAt(T0);

type Person = Awaited<ReturnType<typeof createUser>>;
let coordinator: Person;
let admin: Person;
let applicant: Person;
let plan: Awaited<ReturnType<typeof createPlan>>;

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
  await ensureSpecialties();
  plan = await createPlan();
  coordinator = await createUser({ roles: ["COORDINATOR"], name: "Dana Coordinator" });
  admin = await createUser({ roles: ["ADMIN"], name: "Ada Administrator" });
  applicant = await createUser({ roles: ["APPLICANT"], name: "Maria Applicant" });
});

// The setting is the organization's: each test that turns it on leaves it off again.
afterEach(async () => {
  await db.setting.deleteMany({ where: { key: "autoOfferNext" } });
});

const as = (person: Person) => ({ user: sessionUserOf(person), actor: actorFor(person) });
const reviewer = (name: string, specialty: string) => createQualifiedReviewer({ name, specialty, at: T0 });

async function acceptedCase(specialty: string) {
  const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status: "ACCEPTED", coordinatorId: coordinator.id });
  await db.case.update({
    where: { id: kase.id },
    data: { acceptedAt: T0, panelSize: 1, patientName: "Pat Example", specialtyNeeded: specialty, providerName: "Dr. Ann Lee", providerFacility: "Riverside" },
  });
  await db.$transaction((tx) => applyDeadlineEffects(tx, kase.id, { start: ["decision", "assignment"] }, T0));
  return kase;
}

async function offer(caseId: string, reviewerId: string, at = T0) {
  const { version } = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
  await offerCase({ ...as(coordinator), caseId, expectedVersion: version, reviewerIds: [reviewerId], at });
  return db.reviewerAssignment.findFirstOrThrow({ where: { caseId, reviewerId } });
}

async function canRead(person: Person, caseId: string): Promise<boolean> {
  return (await db.case.count({ where: { AND: [{ id: caseId }, caseAccessWhere(sessionUserOf(person), "case:read")] } })) === 1;
}

/** The roster page's form, posted by `by` (signed in for it). */
async function rosterPost(by: Person, reviewerId: string, form: Record<string, string>) {
  const { cookie } = await withSession(by);
  return call(editorRoute.action as RouteFunction, request(`/iro/roster/${reviewerId}`, cookie, form), { reviewerId });
}

const practice = (openDisciplinaryAction: string) => ({
  intent: "save-practice",
  credentials: "MD, test reviewer",
  yearsInPractice: "10",
  credentialsVerifiedOn: "2026-10-24",
  openDisciplinaryAction,
});

async function turnAutoOfferOn() {
  const { cookie } = await withSession(admin);
  const saved = await call(settingsRoute.action as RouteFunction, request("/admin/settings", cookie, { intent: "auto-offer", autoOfferNext: "on" }));
  expect(saved).toMatchObject({ status: 302, location: "/admin/settings?saved=auto-offer" });
}

describe("acceptance checks every rule again", () => {
  it("refuses an offer accepted after an open disciplinary action was recorded, with the reason; nothing opens and the coordinator is told", async () => {
    const kase = await acceptedCase("pulmonary-disease");
    const hannah = await reviewer("Dr. Hannah Brooks", "pulmonary-disease");
    const assignment = await offer(kase.id, hannah.id);
    // Recorded straight in the table, as on the build the auditor used: no roster change ran.
    await db.reviewerProfile.update({ where: { userId: hannah.id }, data: { openDisciplinaryAction: "Medical board accusation, hearing pending" } });

    const refused = await refusal(acceptOffer({ ...as(hannah), assignmentId: assignment.id, signature: hannah.name, at: later(1) }));
    expect(refused).toMatchObject({ code: "CONFLICT" });
    expect(refused.message).toBe("You can no longer accept this case: open disciplinary action. The offer is withdrawn and the coordinator told.");
    expect(await canRead(hannah, kase.id)).toBe(false);
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).status).toBe("ACCEPTED");
    expect(await db.reviewerAssignment.findUniqueOrThrow({ where: { id: assignment.id } })).toMatchObject({
      status: "REPLACED",
      attestedAt: null,
      reason: "No longer qualifies: open disciplinary action.",
    });
    expect(await db.caseEvent.count({ where: { caseId: kase.id, type: "offer_withdrawn" } })).toBe(1);
    const told = await db.outboxMessage.findFirstOrThrow({ where: { caseId: kase.id, template: "offer-declined" } });
    expect(told).toMatchObject({ toAddress: coordinator.email });
    expect(told.props).toMatchObject({ ending: "withdrawn", reviewerName: "Dr. Hannah Brooks" });
    expect(await offerPage(sessionUserOf(hannah), assignment.id, actorFor(hannah), later(2))).toMatchObject({ state: "withdrawn" });
  });

  it("accepts a reviewer who still meets every rule, their own offer counted neither as involvement nor as extra work", async () => {
    const kase = await acceptedCase("geriatric-medicine");
    const full = await createQualifiedReviewer({ name: "Dr. Full House", specialty: "geriatric-medicine", at: T0, capacity: 1 });
    const assignment = await offer(kase.id, full.id);
    await acceptOffer({ ...as(full), assignmentId: assignment.id, signature: full.name, at: later(1) });
    expect(await canRead(full, kase.id)).toBe(true);
  });
});

describe("a roster change that makes a reviewer ineligible", () => {
  it("withdraws their open offers and flags the case they accepted for replacement, in the change's transaction, with timeline, audit and emails", async () => {
    const offered = await acceptedCase("nephrology");
    const accepted = await acceptedCase("nephrology");
    const nora = await reviewer("Dr. Nora Kidney", "nephrology");
    const acceptedAssignment = await offer(accepted.id, nora.id);
    await acceptOffer({ ...as(nora), assignmentId: acceptedAssignment.id, signature: nora.name, at: later(0.1) });
    const openOffer = await offer(offered.id, nora.id, later(0.2));

    expect(await rosterPost(admin, nora.id, practice("Hospital privileges suspended"))).toMatchObject({ status: 302 });

    expect(await db.reviewerAssignment.findUniqueOrThrow({ where: { id: openOffer.id } })).toMatchObject({
      status: "REPLACED",
      reason: "No longer qualifies: open disciplinary action.",
    });
    expect(await db.caseDeadline.findFirstOrThrow({ where: { caseId: offered.id, kind: "OFFER_RESPONSE" } })).toMatchObject({ status: "STOPPED" });
    const withdrawal = await db.caseEvent.findFirstOrThrow({ where: { caseId: offered.id, type: "offer_withdrawn" } });
    expect(withdrawal).toMatchObject({ actorId: admin.id, note: "No longer qualifies: open disciplinary action." });
    expect(await db.auditLog.count({ where: { objectId: offered.id, action: "case.offer_withdrawn", actorId: admin.id } })).toBe(1);
    expect((await db.outboxMessage.findFirstOrThrow({ where: { caseId: offered.id, template: "offer-declined" } })).toAddress).toBe(coordinator.email);
    expect(await db.outboxMessage.count({ where: { caseId: offered.id, template: "case-update", toAddress: nora.email } })).toBe(1);

    // The accepted case keeps its reviewer until the coordinator replaces them, flagged on both of the coordinator's pages.
    expect(await db.reviewerAssignment.findUniqueOrThrow({ where: { id: acceptedAssignment.id } })).toMatchObject({
      status: "ACCEPTED",
      replacementReason: "No longer qualifies: open disciplinary action.",
    });
    expect(await db.caseEvent.count({ where: { caseId: accepted.id, type: "reviewer_flagged_for_replacement" } })).toBe(1);
    const assign = await assignPage(sessionUserOf(coordinator), accepted.id, actorFor(coordinator), later(1));
    expect(assign.current).toEqual([expect.objectContaining({ name: "Dr. Nora Kidney", replacementNeeded: "No longer qualifies: open disciplinary action." })]);
    const casePage = await coordinatorCasePage(sessionUserOf(coordinator), accepted.id, actorFor(coordinator), later(1));
    expect(casePage.replacementsNeeded).toEqual([
      { id: acceptedAssignment.id, name: "Dr. Nora Kidney", reason: "No longer qualifies: open disciplinary action." },
    ]);
    expect(await db.outboxMessage.count({ where: { caseId: accepted.id, template: "case-update", toAddress: coordinator.email } })).toBe(1);

    // Saved again, nothing is flagged or withdrawn twice.
    expect(await rosterPost(admin, nora.id, practice("Hospital privileges suspended, appeal filed"))).toMatchObject({ status: 302 });
    expect(await db.caseEvent.count({ where: { caseId: accepted.id, type: "reviewer_flagged_for_replacement" } })).toBe(1);
  });

  it("withdraws an offer when the reviewer declares a tie to a party themselves", async () => {
    const kase = await acceptedCase("rheumatology");
    const rita = await reviewer("Dr. Rita Joint", "rheumatology");
    const assignment = await offer(kase.id, rita.id);
    const { cookie } = await withSession(rita);
    const declared = await call(
      profileRoute.action as RouteFunction,
      request("/review/profile", cookie, { intent: "add-affiliation", kind: "FACILITY", name: "Riverside, Inc.", identifier: "", planId: "" }),
    );
    expect(declared).toMatchObject({ status: 302 });
    expect(await db.reviewerAssignment.findUniqueOrThrow({ where: { id: assignment.id } })).toMatchObject({
      status: "REPLACED",
      reason: "No longer qualifies: affiliated with Riverside, Inc.",
    });
  });
});

describe("the next suggestion offered automatically", () => {
  it("is offered in the decline's transaction when the setting is on, and the coordinators are told who", async () => {
    await turnAutoOfferOn();
    const kase = await acceptedCase("infectious-disease");
    const first = await reviewer("Dr. Ann First", "infectious-disease");
    const second = await reviewer("Dr. Ben Second", "infectious-disease");
    const assignment = await offer(kase.id, first.id);
    await declineOffer({ ...as(first), assignmentId: assignment.id, reason: "Conflict with the facility.", at: later(1) });

    const next = await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: kase.id, reviewerId: second.id } });
    expect(next).toMatchObject({ status: "OFFERED", offeredAt: later(1), offeredById: null, offerDueAt: later(25) });
    expect(await db.outboxMessage.count({ where: { caseId: kase.id, template: "review-offer", toAddress: second.email } })).toBe(1);
    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId: kase.id, type: "reviewer_offered", createdAt: later(1) } });
    expect(event.data).toMatchObject({ reviewerIds: [second.id], automatic: true });
    const told = await db.outboxMessage.findFirstOrThrow({ where: { caseId: kase.id, template: "offer-declined" } });
    expect(told.props).toMatchObject({ next: "The case was offered automatically to the next suggestion, Dr. Ben Second." });
  });

  it("is offered when the expiry job lapses an offer, and the coordinators are told when no one is left", async () => {
    await turnAutoOfferOn();
    const kase = await acceptedCase("epilepsy");
    const slow = await reviewer("Dr. Sam Slow", "epilepsy");
    const next = await reviewer("Dr. Tess Next", "epilepsy");
    await offer(kase.id, slow.id);
    await expireLapsedOffers(later(25));
    const second = await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: kase.id, reviewerId: next.id } });
    expect(second).toMatchObject({ status: "OFFERED", offeredAt: later(25) });

    // Tess lets it lapse too: nobody qualified is left, and the coordinators hear so.
    await expireLapsedOffers(later(50));
    expect(await db.reviewerAssignment.count({ where: { caseId: kase.id, status: "OFFERED" } })).toBe(0);
    const emails = await db.outboxMessage.findMany({ where: { caseId: kase.id, template: "offer-declined" }, orderBy: { createdAt: "asc" } });
    expect(emails.map((email) => (email.props as { next: string }).next)).toEqual([
      "The case was offered automatically to the next suggestion, Dr. Tess Next.",
      expect.stringMatching(/^No qualified reviewer is left on the roster/),
    ]);
  });

  it("is not offered while the setting is off: the coordinator offers", async () => {
    const kase = await acceptedCase("neurotology");
    const first = await reviewer("Dr. Una Sleep", "neurotology");
    await reviewer("Dr. Vic Sleep", "neurotology");
    const assignment = await offer(kase.id, first.id);
    await declineOffer({ ...as(first), assignmentId: assignment.id, reason: "Away.", at: later(1) });
    expect(await db.reviewerAssignment.count({ where: { caseId: kase.id, status: "OFFERED" } })).toBe(0);
    const told = await db.outboxMessage.findFirstOrThrow({ where: { caseId: kase.id, template: "offer-declined" } });
    expect(told.props).toMatchObject({ next: "The next suggestion is Dr. Vic Sleep: offer the case from its assignment page." });
  });

  it("follows an offer withdrawn by a roster change", async () => {
    await turnAutoOfferOn();
    const kase = await acceptedCase("hand-surgery");
    const first = await reviewer("Dr. Wes Gone", "hand-surgery");
    const next = await reviewer("Dr. Xia Here", "hand-surgery");
    await offer(kase.id, first.id);
    expect(await rosterPost(admin, first.id, practice("License probation"))).toMatchObject({ status: 302 });
    expect(await db.reviewerAssignment.findFirstOrThrow({ where: { caseId: kase.id, reviewerId: next.id } })).toMatchObject({ status: "OFFERED" });
  });
});

describe("who changes credentials", () => {
  it("refuses coordinators credentials and discipline (403) but lets them keep capacity and leave; administrators change credentials", async () => {
    const kase = await acceptedCase("endocrinology-diabetes-and-metabolism");
    const eve = await reviewer("Dr. Eve Gland", "endocrinology-diabetes-and-metabolism");
    const forms: Record<string, string>[] = [
      practice(""),
      { intent: "add-license", state: "NY", number: "N1", licenseExpiresOn: "2030-01-01", status: "ACTIVE" },
      { intent: "add-certification", certificationSpecialtyCode: "internal-medicine", board: "", certifiedOn: "", certificationExpiresOn: "" },
      { intent: "remove-license", id: (await db.reviewerLicense.findFirstOrThrow({ where: { reviewerId: eve.id } })).id },
      { intent: "remove-certification", id: (await db.boardCertification.findFirstOrThrow({ where: { reviewerId: eve.id } })).id },
    ];
    for (const form of forms) expect(await rosterPost(coordinator, eve.id, form)).toMatchObject({ status: 403 });
    expect(await db.reviewerLicense.count({ where: { reviewerId: eve.id } })).toBe(1);
    expect(await db.boardCertification.count({ where: { reviewerId: eve.id } })).toBe(1);
    expect(await rosterPost(coordinator, eve.id, { intent: "save-capacity", capacity: "2" })).toMatchObject({ status: 302 });

    const { cookie } = await withSession(coordinator);
    const page = await call<Awaited<ReturnType<typeof editorRoute.loader>>>(editorRoute.loader as RouteFunction, request(`/iro/roster/${eve.id}`, cookie), {
      reviewerId: eve.id,
    });
    expect(page.data).toMatchObject({ credentialing: false, reviewer: { capacity: 2, licenses: [expect.objectContaining({ state: "CA" })] } });

    expect(await rosterPost(admin, eve.id, forms[1]!)).toMatchObject({ status: 302 });
    expect(await db.reviewerLicense.count({ where: { reviewerId: eve.id } })).toBe(2);
    expect(await db.auditLog.count({ where: { objectId: eve.id, action: "roster.license_added", actorId: admin.id } })).toBe(1);
    expect((await matchCase(db, kase.id, T0))?.suggested.map((row) => row.name)).toContain("Dr. Eve Gland");
  });

  it("makes a reviewer's removal of an affiliation a request: matching keeps excluding until an administrator approves", async () => {
    const kase = await acceptedCase("gastroenterology");
    const gus = await createQualifiedReviewer({
      name: "Dr. Gus Gut",
      specialty: "gastroenterology",
      at: T0,
      affiliations: [{ kind: "FACILITY", name: "Riverside" }],
    });
    const tie = await db.reviewerAffiliation.findFirstOrThrow({ where: { reviewerId: gus.id } });
    const excluded = async () => (await matchCase(db, kase.id, T0))?.excluded.find((row) => row.reviewerId === gus.id)?.reasons;
    expect(await excluded()).toEqual(["affiliated with Riverside"]);

    const { cookie } = await withSession(gus);
    const post = (form: Record<string, string>) => call(profileRoute.action as RouteFunction, request("/review/profile", cookie, form));
    // Deleting outright is no longer the reviewer's.
    expect(await post({ intent: "remove-affiliation", id: tie.id })).toMatchObject({ status: 403 });
    expect(await post({ intent: "request-affiliation-removal", id: tie.id })).toMatchObject({
      status: 302,
      location: expect.stringMatching(/^\/review\/profile\?done=request-affiliation-removal/),
    });
    expect(await excluded()).toEqual(["affiliated with Riverside"]);
    const mine = await call<Awaited<ReturnType<typeof profileRoute.loader>>>(profileRoute.loader as RouteFunction, request("/review/profile", cookie));
    expect(mine.data.reviewer.affiliations).toEqual([expect.objectContaining({ id: tie.id, removalRequested: true })]);

    // The roster lists it for the administrator; a coordinator sees it too but cannot settle it.
    const pending = await db.affiliationRemovalRequest.findFirstOrThrow({ where: { reviewerId: gus.id } });
    const roster = await call<Awaited<ReturnType<typeof rosterRoute.loader>>>(
      rosterRoute.loader as RouteFunction,
      request("/iro/roster", (await withSession(admin)).cookie),
    );
    expect(roster.data.removals.requests).toContainEqual(
      expect.objectContaining({ id: pending.id, reviewerId: gus.id, reviewerName: "Dr. Gus Gut", affiliation: "Riverside", requestedOn: "2026-11-23" }),
    );
    expect(await rosterPost(coordinator, gus.id, { intent: "approve-affiliation-removal", id: pending.id })).toMatchObject({ status: 403 });
    expect(await rosterPost(coordinator, gus.id, { intent: "remove-affiliation", id: tie.id })).toMatchObject({ status: 403 });
    expect(await excluded()).toEqual(["affiliated with Riverside"]);

    expect(await rosterPost(admin, gus.id, { intent: "approve-affiliation-removal", id: pending.id })).toMatchObject({ status: 302 });
    expect(await excluded()).toBeUndefined();
    expect(await db.affiliationRemovalRequest.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({
      status: "APPROVED",
      decidedById: admin.id,
      affiliationId: null,
      name: "Riverside",
    });
    const audits = await db.auditLog.findMany({ where: { objectId: gus.id, action: { startsWith: "roster.affiliation_removal" } }, orderBy: { id: "asc" } });
    expect(audits.map((row) => [row.action, row.actorId])).toEqual([
      ["roster.affiliation_removal_requested", gus.id],
      ["roster.affiliation_removal_approved", admin.id],
    ]);
  });

  it("keeps the affiliation when an administrator rejects the request", async () => {
    const ian = await createQualifiedReviewer({
      name: "Dr. Ian Kept",
      specialty: "hematology",
      at: T0,
      affiliations: [{ kind: "MANUFACTURER", name: "Acme Pharma" }],
    });
    const tie = await db.reviewerAffiliation.findFirstOrThrow({ where: { reviewerId: ian.id } });
    const { cookie } = await withSession(ian);
    await call(profileRoute.action as RouteFunction, request("/review/profile", cookie, { intent: "request-affiliation-removal", id: tie.id }));
    const pending = await db.affiliationRemovalRequest.findFirstOrThrow({ where: { reviewerId: ian.id } });
    expect(await rosterPost(admin, ian.id, { intent: "reject-affiliation-removal", id: pending.id })).toMatchObject({ status: 302 });
    expect(await db.reviewerAffiliation.count({ where: { id: tie.id } })).toBe(1);
    expect((await db.affiliationRemovalRequest.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("REJECTED");
  });
});
