import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import * as coordinatorCaseRoute from "~/routes/iro/case";
import { loader as workloadCsvLoader } from "~/routes/iro/reports.reviewer-workload.csv";
import * as reviewRoute from "~/routes/review/case";
import { db } from "~/server/db.server";
import { reviewerWorkloadReport } from "~/server/reports/reviewer-workload-report.server";
import { changeTimeEntry, logTime, removeTimeEntry } from "~/server/reviewers/log-time.server";
import { actorFor, createPlan, createReviewer, createUser, sessionUserOf } from "#tests/support/factories";
import { createCaseInReview } from "#tests/support/case-factories";
import { call, request, withSession, type RouteFunction, type LoaderData } from "#tests/support/routes";

type Person = { id: string; email: string; name: string; roles: Role[]; planId: string | null; cookie: string };
type ReviewerPage = Extract<LoaderData<typeof reviewRoute.loader>, { view: "case" }>;
type CoordinatorPage = LoaderData<typeof coordinatorCaseRoute.loader>;

let plan: { id: string };
let applicant: Person;
let coordinator: Person;

beforeAll(async () => {
  plan = await createPlan();
  applicant = await withSession(await createUser({ roles: ["APPLICANT"] }));
  coordinator = await withSession(await createUser({ roles: ["COORDINATOR"], name: "Casey Billing" }));
});

const reviewer = async (name: string) => withSession(await createReviewer({ name }));
const caseFor = (reviewers: Person[]) => createCaseInReview({ applicantId: applicant.id, planId: plan.id, reviewerIds: reviewers.map((r) => r.id) });
const post = (person: Person, caseId: string, form: [string, string][]) =>
  call(reviewRoute.action as RouteFunction, request(`/review/cases/${caseId}`, person, form), { caseId });
const openPage = (person: Person, caseId: string) =>
  call<ReviewerPage>(reviewRoute.loader as RouteFunction, request(`/review/cases/${caseId}`, person), { caseId });
const acting = (person: Person, caseId: string) => ({ user: sessionUserOf(person), actor: actorFor(person), caseId });
const minutesOn = async (caseId: string) => (await db.timeEntry.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } })).map((entry) => entry.minutes);

describe("logging time on a case", () => {
  it("the reviewer logs 45 minutes with what they did: listed with the total on their page, audited, and not on the timeline", async () => {
    const author = await reviewer("Dr. Time Logger");
    const kase = await caseFor([author]);
    const events = await db.caseEvent.count({ where: { caseId: kase.id } });

    const logged = await post(author, kase.id, [
      ["intent", "logTime"],
      ["minutes", " 45 "],
      ["activity", "records review"],
    ]);
    expect(logged).toMatchObject({ status: 302, location: `/review/cases/${kase.id}?done=timeLogged#time-heading` });
    const page = await openPage(author, kase.id);
    expect(page.data.timeLogOpen).toBe(true);
    expect(page.data.timeLog).toMatchObject({ totalMinutes: 45, total: "45 minutes", entries: [{ minutes: 45, activity: "records review" }] });
    const row = await db.timeEntry.findFirstOrThrow({ where: { caseId: kase.id } });
    expect(row).toMatchObject({ reviewerId: author.id, assignmentId: kase.assignments[0]!.id, minutes: 45, activity: "records review" });
    const audited = await db.auditLog.findFirstOrThrow({ where: { action: "time_entry.logged", objectId: row.id } });
    expect(audited).toMatchObject({ actorId: author.id, detail: { caseId: kase.id, minutes: 45 } });
    expect(await db.caseEvent.count({ where: { caseId: kase.id } })).toBe(events);

    // The coordinator sees the total per reviewer on the case page.
    const coordinatorPage = await call<CoordinatorPage>(coordinatorCaseRoute.loader as RouteFunction, request(`/iro/cases/${kase.id}`, coordinator), {
      caseId: kase.id,
    });
    expect(coordinatorPage.data.reviewerTime).toEqual([{ reviewerId: author.id, name: "Dr. Time Logger", minutes: 45, entries: 1, total: "45 minutes" }]);
  });

  it("refuses an entry outside 1 to 600 minutes, and one that takes the case past 100 hours, next to the minutes", async () => {
    const author = await reviewer("Dr. Over Logger");
    const kase = await caseFor([author]);
    for (const [minutes, message] of [
      ["", "Enter the minutes you spent."],
      ["0", "Enter whole minutes from 1 to 600 (10 hours) for one entry."],
      ["601", "Enter whole minutes from 1 to 600 (10 hours) for one entry."],
      ["1.5", "Enter whole minutes, like 45."],
      ["an hour", "Enter whole minutes, like 45."],
    ]) {
      const answer = await post(author, kase.id, [
        ["intent", "logTime"],
        ["minutes", minutes!],
      ]);
      expect([answer.status, answer.data.fieldErrors], minutes).toEqual([400, { minutes: message }]);
    }
    for (let entry = 0; entry < 10; entry += 1) await logTime({ ...acting(author, kase.id), minutes: 595, activity: null });
    const over = await post(author, kase.id, [
      ["intent", "logTime"],
      ["minutes", "60"],
    ]);
    expect([over.status, over.data.fieldErrors]).toEqual([
      400,
      { minutes: "This would bring your time on the case past 100 hours: you can log 50 minutes more. Ask the coordinator if the case needed more." },
    ]);
    expect((await minutesOn(kase.id)).reduce((sum, minutes) => sum + minutes, 0)).toBe(5_950);
  });

  it("the reviewer changes and removes their own entries only; a panel colleague, another reviewer or the coordinator cannot", async () => {
    const author = await reviewer("Dr. Entry Owner");
    const colleague = await reviewer("Dr. Entry Colleague");
    const outsider = await reviewer("Dr. Entry Outsider");
    const kase = await caseFor([author, colleague]);
    const { entryId } = await logTime({ ...acting(author, kase.id), minutes: 30, activity: "reading" });

    const changed = await post(author, kase.id, [
      ["intent", "changeTime"],
      ["entryId", entryId],
      ["minutes", "50"],
      ["activity", "writing"],
    ]);
    expect(changed).toMatchObject({ status: 302, location: `/review/cases/${kase.id}?done=timeChanged#time-heading` });
    expect(await db.timeEntry.findUniqueOrThrow({ where: { id: entryId } })).toMatchObject({ minutes: 50, activity: "writing" });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "time_entry.changed", objectId: entryId } })).toMatchObject({
      detail: { caseId: kase.id, minutes: 50, previousMinutes: 30 },
    });

    const theirs = await post(colleague, kase.id, [
      ["intent", "removeTime"],
      ["entryId", entryId],
    ]);
    expect([theirs.status, theirs.data.formError]).toEqual([409, "This entry is no longer on the case. Reload the page to see your time log."]);
    for (const person of [outsider, coordinator, applicant]) {
      const answer = await post(person, kase.id, [
        ["intent", "logTime"],
        ["minutes", "10"],
      ]);
      expect(answer.status, person.name).toBe(404);
    }

    const removed = await post(author, kase.id, [
      ["intent", "removeTime"],
      ["entryId", entryId],
    ]);
    expect(removed).toMatchObject({ status: 302, location: `/review/cases/${kase.id}?done=timeRemoved#time-heading` });
    expect(await minutesOn(kase.id)).toEqual([]);
    expect(await db.auditLog.count({ where: { action: "time_entry.removed", objectId: entryId } })).toBe(1);
  });

  it("locks the entries for billing once the decision is issued: nothing is logged, changed or removed", async () => {
    const author = await reviewer("Dr. Locked Logger");
    const kase = await caseFor([author]);
    const { entryId } = await logTime({ ...acting(author, kase.id), minutes: 90, activity: "records review" });
    await db.case.update({ where: { id: kase.id }, data: { status: "DECIDED", decidedAt: new Date() } });
    await db.reviewerAssignment.update({ where: { id: kase.assignments[0]!.id }, data: { status: "COMPLETED", endedAt: new Date() } });

    const locked = "The decision has been issued: the time logged on this case is locked for billing.";
    await expect(logTime({ ...acting(author, kase.id), minutes: 10, activity: null })).rejects.toThrow(locked);
    await expect(changeTimeEntry({ ...acting(author, kase.id), entryId, minutes: 10, activity: null })).rejects.toThrow(locked);
    const removal = await post(author, kase.id, [
      ["intent", "removeTime"],
      ["entryId", entryId],
    ]);
    expect([removal.status, removal.data.formError]).toEqual([409, locked]);
    await expect(removeTimeEntry({ ...acting(author, kase.id), entryId })).rejects.toThrow(locked);
    expect(await minutesOn(kase.id)).toEqual([90]);

    const page = await call<{ view: string; timeLog: { total: string } }>(reviewRoute.loader as RouteFunction, request(`/review/cases/${kase.id}`, author), {
      caseId: kase.id,
    });
    expect(page.data).toMatchObject({ view: "outcome", timeLog: { total: "1 hour 30 minutes" } });
  });
});

describe("the reviewer workload report's minutes logged", () => {
  it("adds up each reviewer's minutes logged in the range, on every case, for billing, in the page and the CSV", async () => {
    const billed = await reviewer("Dr. Billed Hours");
    const first = await caseFor([billed]);
    const second = await caseFor([billed]);
    await logTime({ ...acting(billed, first.id), minutes: 45, activity: "records review", at: new Date("2026-02-02T15:00:00Z") });
    await logTime({ ...acting(billed, second.id), minutes: 120, activity: "writing", at: new Date("2026-02-27T20:00:00Z") });
    // Logged on 1 March, New York time: the next month's bill.
    await logTime({ ...acting(billed, second.id), minutes: 30, activity: "writing", at: new Date("2026-03-01T06:00:00Z") });

    const february = { from: "2026-02-01", to: "2026-02-28" };
    const report = await reviewerWorkloadReport(february, new Date("2026-03-10T15:00:00Z"));
    expect(report.reviewers.find((row) => row.reviewerId === billed.id)).toMatchObject({ minutesLogged: 165 });

    const csv = await call<Response>(
      workloadCsvLoader as RouteFunction,
      request("/iro/reports/reviewer-workload.csv?from=2026-02-01&to=2026-02-28", coordinator),
    );
    const lines = (await (csv.response as Response).text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/,Minutes logged$/);
    expect(lines.find((line) => line.startsWith("Dr. Billed Hours,"))).toMatch(/,165$/);
  });
});
