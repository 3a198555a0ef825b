import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import * as byReferenceRoute from "~/routes/cases/by-reference";
import * as answerRoute from "~/routes/requests/answer-information";
import * as caseRoute from "~/routes/requests/case";
import * as withdrawRoute from "~/routes/requests/withdraw";
import { ANSWER_REQUIRED_MESSAGE } from "~/schemas/case-actions";
import { changeCase } from "~/server/cases/change-case.server";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { STALE_CASE_MESSAGE } from "~/server/requests/case-page.server";
import { clockStartsAt, INSTANTS } from "#tests/support/clock";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";
import { createAcceptedCase, createFiledCase, createInformationRequest } from "#tests/support/case-factories";
import { actorFor, createAssignment as assignReviewer, createCase, createPlan, createUser } from "#tests/support/factories";

const DAY = 86_400_000;

// The applicant's 7 calendar days end before the plan's 5 business days only
// on some weekdays: the file runs from a Monday morning.
clockStartsAt(INSTANTS.mondayBeforeThanksgiving);

type Person = Awaited<ReturnType<typeof person>>;

async function person(roles: Role[], options: { name?: string; planId?: string } = {}) {
  return withSession(await createUser({ roles, name: options.name, planId: options.planId ?? null }));
}

const as = (user: Person) => ({ ...actorFor(user), roles: user.roles });

type CasePage = Extract<Awaited<ReturnType<typeof caseRoute.loader>>, { reference: string }>;

let applicant: Person;
let otherApplicant: Person;
let coordinator: Person;
let secondCoordinator: Person;
let reviewer: Person;
let planUser: Person;
let plan: { id: string; contactEmail: string };

beforeAll(async () => {
  await ensureReferenceData(); // federal holidays and America/New_York
  forgetOrganizationCalendar();
  plan = await createPlan();
  applicant = await person(["APPLICANT"]);
  otherApplicant = await person(["APPLICANT"]);
  coordinator = await person(["COORDINATOR"], { name: "Dana Coordinator" });
  secondCoordinator = await person(["COORDINATOR"]);
  reviewer = await person(["REVIEWER"], { name: "Dr Secret Reviewer" });
  planUser = await person(["PLAN"], { planId: plan.id });
});

/** A case filed by `applicant` through the real transitions, so its clocks are the real ones. */
async function filedCase(options: { accepted?: boolean; coordinatorId?: string } = {}) {
  const parties = { applicantId: applicant.id, planId: plan.id, coordinatorId: options.coordinatorId };
  return options.accepted ? createAcceptedCase({ ...parties, acceptedBy: coordinator.id }) : createFiledCase(parties);
}

const clocksOf = (caseId: string) => db.caseDeadline.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } });
const emailsAbout = (caseId: string) => db.outboxMessage.findMany({ where: { caseId, template: "case-update" }, orderBy: { toAddress: "asc" } });

describe("only the applicant reaches their case", () => {
  it("answers 404 to another applicant, and to staff, for the pages and the actions", async () => {
    const kase = await filedCase();
    const info = await createInformationRequest({ caseId: kase.id });
    const params = { caseId: kase.id, requestId: info.id };
    for (const intruder of [otherApplicant, coordinator, planUser]) {
      expect((await call(caseRoute.loader as RouteFunction, request(`/requests/${kase.id}`, intruder.cookie), params)).status).toBe(404);
      expect((await call(answerRoute.loader as RouteFunction, request(`/requests/${kase.id}/information/${info.id}`, intruder.cookie), params)).status).toBe(
        404,
      );
      expect((await call(withdrawRoute.loader as RouteFunction, request(`/requests/${kase.id}/withdraw`, intruder.cookie), params)).status).toBe(404);
      const answer = await call(
        answerRoute.action as RouteFunction,
        request(`/requests/${kase.id}/information/${info.id}`, intruder.cookie, { version: String(kase.version), answer: "Not mine" }),
        params,
      );
      expect(answer.status).toBe(404);
      const withdraw = await call(
        withdrawRoute.action as RouteFunction,
        request(`/requests/${kase.id}/withdraw`, intruder.cookie, { version: String(kase.version) }),
        params,
      );
      expect(withdraw.status).toBe(404);
    }
    // Nothing changed.
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({ status: "SUBMITTED", version: kase.version });
    expect(await db.informationRequest.findUniqueOrThrow({ where: { id: info.id } })).toMatchObject({ answeredAt: null });
    // A made-up id is a 404 too, not an error.
    expect((await call(caseRoute.loader as RouteFunction, request("/requests/not-a-case", applicant.cookie), { caseId: "not-a-case" })).status).toBe(404);
  });

  it("sends a signed-out visitor to the login page, and a draft's owner back to the request form", async () => {
    const kase = await filedCase();
    expect(await call(caseRoute.loader as RouteFunction, request(`/requests/${kase.id}`, null), { caseId: kase.id })).toMatchObject({
      status: 302,
      location: `/login?redirectTo=${encodeURIComponent(`/requests/${kase.id}`)}`,
    });
    const draft = await createCase({ applicantId: applicant.id, planId: plan.id, status: "DRAFT" });
    expect((await call(caseRoute.loader as RouteFunction, request(`/requests/${draft.id}`, applicant.cookie), { caseId: draft.id })).location).toBe(
      `/requests/${draft.id}/edit/filer`,
    );
    await db.case.update({ where: { id: draft.id }, data: { draftStep: "denial" } });
    expect((await call(caseRoute.loader as RouteFunction, request(`/requests/${draft.id}`, applicant.cookie), { caseId: draft.id })).location).toBe(
      `/requests/${draft.id}/edit/denial`,
    );
  });
});

describe("the case page", () => {
  it("says where the request stands, its deadlines and its history in the applicant's words, never naming the reviewer", async () => {
    const kase = await filedCase({ accepted: true });
    await createAssignment(kase.id);
    await changeCase({ caseId: kase.id, expectedVersion: 2, actor: as(reviewer), action: "acceptOffer", event: { type: "review_started" } });
    await changeCase({ caseId: kase.id, expectedVersion: 3, actor: as(coordinator), action: "lookAfterCase", event: { type: "deadline_missed" } });
    const info = await createInformationRequest({ caseId: kase.id, question: "When did the pain start?" });

    const page = await call<CasePage>(caseRoute.loader as RouteFunction, request(`/requests/${kase.id}`, applicant.cookie), { caseId: kase.id });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ reference: kase.reference, status: "IN_REVIEW", canWithdraw: true, canAnswer: true });
    expect(page.data.nextStep).toMatch(
      /^We need more information from you: answer our request below by .+\. An independent doctor is reviewing your case\. The decision is due by /,
    );
    expect(page.data.deadlines[0]).toMatchObject({ responsible: "You", state: "on_track" });
    expect(page.data.deadlines[0]?.text).toMatch(/^Additional information due by \w{3} \d{1,2} \w{3} \d{4}, \d{1,2}:\d{2} [AP]M ET — 6 days left$/);
    expect(page.data.deadlines.map((row) => row.text)).toContainEqual(expect.stringMatching(/^Eligibility decision met on /));
    expect(page.data.informationRequests).toEqual([
      expect.objectContaining({
        id: info.id,
        question: "When did the pain start?",
        answered: false,
        dueText: expect.stringMatching(/^Answer due by .+ — 6 days left$/),
      }),
    ]);
    const timeline = page.data.timeline.map((item) => [item.type, item.actor]);
    expect(timeline).toEqual([
      ["submitted", "You"],
      ["accepted", "A coordinator"],
      ["review_started", "The reviewer"],
    ]);
    expect(JSON.stringify(page.data)).not.toContain(reviewer.name);
    expect(JSON.stringify(page.data)).not.toContain(coordinator.name);

    const viewed = await db.auditLog.findFirst({ where: { action: "case.viewed", objectId: kase.id, actorId: applicant.id } });
    expect(viewed).not.toBeNull();
  });

  it("shows the decision in plain words with its letter once issued", async () => {
    const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status: "DECIDED" });
    await db.case.update({ where: { id: kase.id }, data: { outcome: "OVERTURNED", decidedAt: new Date() } });
    const letter = await db.document.create({
      data: {
        caseId: kase.id,
        kind: "DECISION_LETTER",
        fileName: "decision-letter.pdf",
        contentType: "application/pdf",
        sizeBytes: 2048n,
        sha256: "0".repeat(64),
        storageKey: crypto.randomUUID(),
      },
    });
    const page = await call<CasePage>(caseRoute.loader as RouteFunction, request(`/requests/${kase.id}`, applicant.cookie), { caseId: kase.id });
    expect(page.data.decision).toMatchObject({
      result: {
        outcome: "OVERTURNED",
        headline: "Denial overturned",
        meaning: "The denial is overturned: your health plan must approve or pay for the service.",
      },
      letters: [expect.objectContaining({ id: letter.id, fileName: "decision-letter.pdf", kind: "DECISION_LETTER" })],
    });
    expect(page.data.documents.others).toEqual([]);
    expect(page.data.canWithdraw).toBe(false);
  });
});

async function createAssignment(caseId: string) {
  return db.reviewerAssignment.create({ data: { caseId, reviewerId: reviewer.id, status: "ACCEPTED", respondedAt: new Date(), attestedAt: new Date() } });
}

describe("answering a request for information", () => {
  it("records the answer, meets that request's clock only, and writes the event, audit row and coordinator's email together", async () => {
    const kase = await filedCase({ coordinatorId: coordinator.id });
    const first = await createInformationRequest({ caseId: kase.id, question: "Send the appeal letter." });
    const second = await createInformationRequest({ caseId: kase.id, question: "Who is your doctor?" });
    const answered = await call(
      answerRoute.action as RouteFunction,
      request(`/requests/${kase.id}/information/${first.id}`, applicant.cookie, { version: String(kase.version), answer: "  It is attached to my request.  " }),
      { caseId: kase.id, requestId: first.id },
    );
    expect(answered).toMatchObject({ status: 302, location: `/requests/${kase.id}?done=answered` });

    expect(await db.informationRequest.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      answer: "It is attached to my request.",
      answeredById: applicant.id,
      answeredAt: expect.any(Date),
    });
    const clocks = await clocksOf(kase.id);
    expect(clocks.find((row) => row.subjectId === first.id)).toMatchObject({ status: "MET", closedAt: expect.any(Date) });
    expect(clocks.find((row) => row.subjectId === second.id)).toMatchObject({ status: "OPEN" });
    expect(clocks.find((row) => row.kind === "ELIGIBILITY")).toMatchObject({ status: "OPEN" });

    const after = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(after).toMatchObject({ status: "SUBMITTED", version: kase.version + 1 });
    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId: kase.id, type: "information_provided" } });
    expect(event).toMatchObject({ actorId: applicant.id, fromStatus: null, toStatus: null, data: { informationRequestId: first.id } });
    expect(await db.auditLog.count({ where: { action: "case.information_provided", objectId: kase.id, actorId: applicant.id } })).toBe(1);
    const emails = await emailsAbout(kase.id);
    expect(emails.map((email) => email.toAddress)).toEqual([coordinator.email]);
    expect(emails[0]?.props).toMatchObject({ reference: kase.reference, link: `http://portal.test/cases/${kase.reference}` });
    expect(JSON.stringify(emails[0]?.props)).not.toContain("attached to my request");

    // The page now shows it answered, and the clock met.
    const page = await call<CasePage>(caseRoute.loader as RouteFunction, request(`/requests/${kase.id}?done=answered`, applicant.cookie), { caseId: kase.id });
    expect(page.data.notice).toBe("Thank you. Your answer was sent to the review organization.");
    expect(page.data.informationRequests.find((item) => item.id === first.id)).toMatchObject({
      answered: true,
      dueText: expect.stringMatching(/^Answered on /),
    });
    expect(page.data.deadlines.map((row) => row.text)).toContainEqual(expect.stringMatching(/^Additional information met on /));
  });

  it("tells every coordinator when the case has none, and records a late answer's clock as missed", async () => {
    const kase = await filedCase();
    const late = await createInformationRequest({ caseId: kase.id, startedAt: new Date(Date.now() - 10 * DAY), dueAt: new Date(Date.now() - DAY) });
    await call(
      answerRoute.action as RouteFunction,
      request(`/requests/${kase.id}/information/${late.id}`, applicant.cookie, { version: String(kase.version), answer: "Sorry, I was in hospital." }),
      { caseId: kase.id, requestId: late.id },
    );
    expect((await clocksOf(kase.id)).find((row) => row.subjectId === late.id)?.status).toBe("MISSED");
    const everyCoordinator = await db.user.findMany({ where: { roles: { has: "COORDINATOR" }, disabledAt: null }, select: { email: true } });
    expect((await emailsAbout(kase.id)).map((email) => email.toAddress).sort()).toEqual(everyCoordinator.map((user) => user.email).sort());
    expect(everyCoordinator.map((user) => user.email)).toEqual(expect.arrayContaining([coordinator.email, secondCoordinator.email]));
  });

  it("needs text or a document, saying so next to the answer", async () => {
    const kase = await filedCase();
    const info = await createInformationRequest({ caseId: kase.id });
    const params = { caseId: kase.id, requestId: info.id };
    const path = `/requests/${kase.id}/information/${info.id}`;
    // The browser's count is not trusted: it says a document was added, but none was.
    const empty = await call(
      answerRoute.action as RouteFunction,
      request(path, applicant.cookie, { version: String(kase.version), answer: " ", documentCount: "1" }),
      params,
    );
    expect(empty.status).toBe(400);
    expect(empty.data.fieldErrors).toEqual({ answer: ANSWER_REQUIRED_MESSAGE });
    expect(await db.informationRequest.findUniqueOrThrow({ where: { id: info.id } })).toMatchObject({ answeredAt: null });
    expect(await db.caseEvent.count({ where: { caseId: kase.id, type: "information_provided" } })).toBe(0);

    await db.document.create({
      data: {
        caseId: kase.id,
        informationRequestId: info.id,
        kind: "PHYSICIAN_LETTER",
        fileName: "letter.pdf",
        contentType: "application/pdf",
        sizeBytes: 1000n,
        sha256: "1".repeat(64),
        storageKey: crypto.randomUUID(),
        uploadedById: applicant.id,
      },
    });
    const documentsOnly = await call(
      answerRoute.action as RouteFunction,
      request(path, applicant.cookie, { version: String(kase.version), answer: "", documentCount: "1" }),
      params,
    );
    expect(documentsOnly).toMatchObject({ status: 302 });
    expect(await db.informationRequest.findUniqueOrThrow({ where: { id: info.id } })).toMatchObject({ answer: null, answeredAt: expect.any(Date) });

    // Answered once: a second answer is refused and changes nothing.
    const again = await call(
      answerRoute.action as RouteFunction,
      request(path, applicant.cookie, { version: String(kase.version + 1), answer: "More" }),
      params,
    );
    expect(again.status).toBe(409);
    expect(again.data.formError).toBe("You already answered this request.");
    expect(await db.caseEvent.count({ where: { caseId: kase.id, type: "information_provided" } })).toBe(1);
  });

  it("keeps the typed answer and offers the latest version when someone changed the case meanwhile", async () => {
    const kase = await filedCase();
    const info = await createInformationRequest({ caseId: kase.id });
    const seen = kase.version;
    await changeCase({
      caseId: kase.id,
      expectedVersion: seen,
      actor: as(coordinator),
      action: "checkEligibility",
      event: { type: "eligibility_review_started" },
    });
    const path = `/requests/${kase.id}/information/${info.id}`;
    const stale = await call(answerRoute.action as RouteFunction, request(path, applicant.cookie, { version: String(seen), answer: "My typed answer" }), {
      caseId: kase.id,
      requestId: info.id,
    });
    expect(stale.status).toBe(409);
    expect(stale.data.formError).toBe(STALE_CASE_MESSAGE);
    expect(stale.data.values).toMatchObject({ answer: "My typed answer", version: String(seen + 1) });
    expect(await db.informationRequest.findUniqueOrThrow({ where: { id: info.id } })).toMatchObject({ answeredAt: null });
    expect((await clocksOf(kase.id)).find((row) => row.subjectId === info.id)?.status).toBe("OPEN");
    expect(await emailsAbout(kase.id)).toEqual([]);

    const retried = await call(answerRoute.action as RouteFunction, request(path, applicant.cookie, stale.data.values as Record<string, string>), {
      caseId: kase.id,
      requestId: info.id,
    });
    expect(retried.status).toBe(302);
  });
});

describe("withdrawing a request", () => {
  it("stops every clock, records the reason, and tells the applicant, the plan and the coordinators", async () => {
    const kase = await filedCase({ accepted: true });
    const info = await createInformationRequest({ caseId: kase.id });
    const confirm = await call<Awaited<ReturnType<typeof withdrawRoute.loader>>>(
      withdrawRoute.loader as RouteFunction,
      request(`/requests/${kase.id}/withdraw`, applicant.cookie),
      { caseId: kase.id },
    );
    expect(confirm.data).toMatchObject({ reference: kase.reference, version: kase.version, refusal: null });

    const done = await call(
      withdrawRoute.action as RouteFunction,
      request(`/requests/${kase.id}/withdraw`, applicant.cookie, { version: String(kase.version), reason: "My surgeon found another treatment." }),
      { caseId: kase.id },
    );
    expect(done).toMatchObject({ status: 302, location: `/requests/${kase.id}?done=withdrawn` });

    const after = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(after).toMatchObject({ status: "WITHDRAWN", version: kase.version + 1, nextDeadlineDueAt: null, withdrawnAt: expect.any(Date) });
    const clocks = await clocksOf(kase.id);
    expect(clocks.filter((row) => row.status === "OPEN")).toEqual([]);
    expect(clocks.find((row) => row.kind === "ELIGIBILITY")?.status).toBe("MET");
    for (const kind of ["DECISION", "PLAN_CASE_FILE", "ASSIGNMENT"] as const) expect(clocks.find((row) => row.kind === kind)?.status).toBe("STOPPED");
    expect(clocks.find((row) => row.subjectId === info.id)?.status).toBe("STOPPED");

    expect(await db.caseEvent.findFirstOrThrow({ where: { caseId: kase.id, type: "withdrawn" } })).toMatchObject({
      fromStatus: "ACCEPTED",
      toStatus: "WITHDRAWN",
      actorId: applicant.id,
      note: "My surgeon found another treatment.",
    });
    expect(await db.auditLog.count({ where: { action: "case.withdrawn", objectId: kase.id } })).toBe(1);

    const everyCoordinator = (await db.user.findMany({ where: { roles: { has: "COORDINATOR" }, disabledAt: null }, select: { email: true } })).map(
      (u) => u.email,
    );
    const emails = await emailsAbout(kase.id);
    expect(emails.map((email) => email.toAddress).sort()).toEqual([applicant.email, plan.contactEmail, planUser.email, ...everyCoordinator].sort());
    expect(emails.find((email) => email.toAddress === applicant.email)?.subject).toBe(`${kase.reference}: Your request was withdrawn`);
    expect(emails.find((email) => email.toAddress === plan.contactEmail)?.subject).toBe(`${kase.reference}: The applicant withdrew the request`);
    for (const email of emails) expect(JSON.stringify(email.props)).not.toContain("surgeon");

    const page = await call<CasePage>(caseRoute.loader as RouteFunction, request(`/requests/${kase.id}?done=withdrawn`, applicant.cookie), { caseId: kase.id });
    expect(page.data).toMatchObject({ status: "WITHDRAWN", canWithdraw: false, canAnswer: false });
    expect(page.data.nextStep).toBe("You withdrew this request. The review has stopped and nothing more is due.");
    expect(page.data.timeline.at(-1)).toMatchObject({ type: "withdrawn", actor: "You", note: "My surgeon found another treatment." });
  });

  it("ends the reviewers' offer and assignment and tells the reviewers and the plan's users", async () => {
    const kase = await filedCase({ accepted: true });
    const offeredReviewer = await person(["REVIEWER"]);
    const working = await assignReviewer({ caseId: kase.id, reviewerId: reviewer.id, status: "ACCEPTED", attested: true });
    const offer = await assignReviewer({ caseId: kase.id, reviewerId: offeredReviewer.id, status: "OFFERED" });
    const done = await call(
      withdrawRoute.action as RouteFunction,
      request(`/requests/${kase.id}/withdraw`, applicant.cookie, { version: String(kase.version) }),
      { caseId: kase.id },
    );
    expect(done.status).toBe(302);
    const withdrawnAt = (await db.case.findUniqueOrThrow({ where: { id: kase.id } })).withdrawnAt;
    const ended = { status: "CANCELLED", endedAt: withdrawnAt, reason: "The applicant withdrew the request: the review ended." };
    expect(await db.reviewerAssignment.findUniqueOrThrow({ where: { id: working.id } })).toMatchObject(ended);
    expect(await db.reviewerAssignment.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject(ended);

    const emails = await emailsAbout(kase.id);
    for (const to of [reviewer.email, offeredReviewer.email]) {
      expect(emails.find((email) => email.toAddress === to)?.subject).toBe(`${kase.reference}: The review of this case has ended`);
    }
    expect(emails.find((email) => email.toAddress === planUser.email)?.subject).toBe(`${kase.reference}: The applicant withdrew the request`);
  });

  it("cannot withdraw a withdrawn request again", async () => {
    const kase = await filedCase();
    await call(withdrawRoute.action as RouteFunction, request(`/requests/${kase.id}/withdraw`, applicant.cookie, { version: String(kase.version) }), {
      caseId: kase.id,
    });
    const messages = await db.outboxMessage.count({ where: { caseId: kase.id } });
    const again = await call(
      withdrawRoute.action as RouteFunction,
      request(`/requests/${kase.id}/withdraw`, applicant.cookie, { version: String(kase.version + 1), reason: "Twice" }),
      { caseId: kase.id },
    );
    expect(again.status).toBe(409);
    expect(again.data.formError).toBe("This request is already withdrawn.");
    expect(await db.caseEvent.count({ where: { caseId: kase.id, type: "withdrawn" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { caseId: kase.id } })).toBe(messages);
    const confirm = await call<{ refusal: string | null }>(withdrawRoute.loader as RouteFunction, request(`/requests/${kase.id}/withdraw`, applicant.cookie), {
      caseId: kase.id,
    });
    expect(confirm.data.refusal).toBe("This request is already withdrawn.");
  });

  it("cannot withdraw a decided request", async () => {
    const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status: "DECIDED", version: 7 });
    const attempt = await call(withdrawRoute.action as RouteFunction, request(`/requests/${kase.id}/withdraw`, applicant.cookie, { version: "7" }), {
      caseId: kase.id,
    });
    expect(attempt.status).toBe(409);
    expect(attempt.data.formError).toBe("This request can no longer be withdrawn: the decision has been issued.");
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({ status: "DECIDED", version: 7, withdrawnAt: null });
    expect(await db.outboxMessage.count({ where: { caseId: kase.id } })).toBe(0);
  });
});

describe("links in emails: /cases/<reference>", () => {
  it("sends each party to their own page for the case, and anyone else to a 404", async () => {
    const kase = await filedCase();
    const params = { reference: kase.reference! };
    const path = `/cases/${kase.reference}`;
    const go = (cookie: string | null) => call(byReferenceRoute.loader as RouteFunction, request(path, cookie), params);
    expect(await go(applicant.cookie)).toMatchObject({ status: 302, location: `/requests/${kase.id}` });
    expect(await go(coordinator.cookie)).toMatchObject({ status: 302, location: `/iro/cases/${kase.id}` });
    expect(await go(planUser.cookie)).toMatchObject({ status: 302, location: `/plan/cases/${kase.id}` });
    expect((await go(otherApplicant.cookie)).status).toBe(404);
    // The reviewer reads it only once assigned and attested.
    expect((await go(reviewer.cookie)).status).toBe(404);
    await createAssignment(kase.id);
    expect(await go(reviewer.cookie)).toMatchObject({ status: 302, location: `/review/cases/${kase.id}` });
    expect(await go(null)).toMatchObject({ status: 302, location: `/login?redirectTo=${encodeURIComponent(path)}` });
  });
});
