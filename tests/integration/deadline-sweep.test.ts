import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import { changeCase } from "~/server/cases/change-case.server";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { sweepDeadlines } from "~/server/deadlines/deadline-sweep.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { actorFor, createCase, createPlan, createUser } from "#tests/support/factories";

let coordinators: Awaited<ReturnType<typeof createUser>>[];
let applicant: Awaited<ReturnType<typeof createUser>>;
let plan: Awaited<ReturnType<typeof createPlan>>;
let planUser: Awaited<ReturnType<typeof createUser>>;

// Accepted Tue 24 Nov 2026, 9:00 EST: the plan's case file is due at the end
// of Wed 2 Dec (Thanksgiving skipped); half time is Sat 28 Nov 21:29:59.5Z,
// four fifths Tue 1 Dec 11:35:59.2Z, and the business-day-before reminder Tue 1 Dec 14:00Z.
const ACCEPTED = new Date("2026-11-24T14:00:00Z");
const DUE = new Date("2026-12-03T04:59:59Z");

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
  coordinators = [await createUser({ roles: ["COORDINATOR"] }), await createUser({ roles: ["COORDINATOR"] })];
  applicant = await createUser({ roles: ["APPLICANT"] });
  plan = await createPlan();
  planUser = await createUser({ roles: ["PLAN"], planId: plan.id });
});

const as = (user: { id: string; email: string; roles: Role[] }) => ({ ...actorFor(user), roles: user.roles });

let caseId: string;
beforeEach(async () => {
  // Earlier tests' clocks must not add to this test's counts.
  await db.caseDeadline.updateMany({ where: { status: "OPEN" }, data: { status: "STOPPED" } });
  const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status: "ACCEPTED" });
  caseId = kase.id;
  await changeCase({
    caseId,
    expectedVersion: 0,
    actor: as(coordinators[0]!),
    action: "lookAfterCase",
    event: { type: "case_file_requested" },
    deadlines: { start: ["planCaseFile"] },
    at: ACCEPTED,
  });
});

const emailsFor = (subject: RegExp) =>
  db.outboxMessage.findMany({ where: { caseId }, orderBy: { toAddress: "asc" } }).then((rows) => rows.filter((row) => subject.test(row.subject)));

describe("deadline reminders", () => {
  it("reminds the plan when half the time has gone, once, however often the sweep runs", async () => {
    expect(await sweepDeadlines(new Date("2026-11-28T21:00:00Z"))).toEqual({ reminded: 0, escalated: 0 });
    const halfTime = new Date("2026-11-28T22:00:00Z");
    expect(await sweepDeadlines(halfTime)).toEqual({ reminded: 1, escalated: 0 });
    expect(await sweepDeadlines(halfTime)).toEqual({ reminded: 0, escalated: 0 });
    const reminders = await emailsFor(/Reminder: plan case file due soon/);
    expect(reminders.map((email) => email.toAddress).sort()).toEqual([plan.contactEmail, planUser.email].sort());
    expect(JSON.stringify(reminders[0]?.props)).toContain("Plan case file due by Wed 2 Dec 2026, 11:59 PM ET");
  });

  it("after downtime sends only the latest reminder that passed", async () => {
    expect(await sweepDeadlines(new Date("2026-12-01T15:00:00Z"))).toEqual({ reminded: 1, escalated: 0 });
    const recorded = await db.deadlineReminder.findMany({ where: { deadline: { caseId } }, select: { kind: true } });
    expect(recorded.map((row) => row.kind).sort()).toEqual(["business-day-before", "four-fifths", "half"]);
    expect(await emailsFor(/Reminder/)).toHaveLength(2); // one sending: the plan's contact and its user
  });

  it("two workers sweeping at the same moment send each reminder once", async () => {
    const now = new Date("2026-11-29T00:00:00Z");
    const results = await Promise.all([sweepDeadlines(now), sweepDeadlines(now)]);
    expect(results.reduce((sum, result) => sum + result.reminded, 0)).toBe(1);
    expect(await emailsFor(/Reminder/)).toHaveLength(2);
  });

  it("reminds only the coordinator looking after the case, when there is one", async () => {
    await db.case.update({ where: { id: caseId }, data: { coordinatorId: coordinators[1]!.id } });
    const kase = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    await changeCase({
      caseId,
      expectedVersion: kase.version,
      actor: as(coordinators[1]!),
      action: "lookAfterCase",
      event: { type: "clock_started" },
      deadlines: { start: ["assignment"] },
      at: ACCEPTED,
    });
    // Assignment: 1 business day, due end of Wed 25 Nov; half time is Wed 25 Nov 9:29:59.5 EST.
    await sweepDeadlines(new Date("2026-11-25T15:00:00Z"));
    const reminders = await emailsFor(/Reminder: reviewer assignment/);
    expect(reminders.map((email) => email.toAddress)).toEqual([coordinators[1]!.email]);
  });
});

describe("a deadline that runs out", () => {
  it("flags the case, alerts every coordinator once, and keeps the clock open as overdue", async () => {
    const after = new Date(DUE.getTime() + 60_000);
    expect(await sweepDeadlines(after)).toMatchObject({ escalated: 1 });
    expect(await sweepDeadlines(new Date(after.getTime() + 3_600_000))).toMatchObject({ escalated: 0 });
    const kase = await db.case.findUniqueOrThrow({ where: { id: caseId }, include: { deadlines: true, events: true } });
    expect(kase.flaggedAt?.toISOString()).toBe(after.toISOString());
    expect(kase.deadlines[0]).toMatchObject({ kind: "PLAN_CASE_FILE", status: "OPEN" });
    expect(kase.events.filter((event) => event.type === "deadline_missed")).toHaveLength(1);
    expect(await db.auditLog.count({ where: { objectId: caseId, action: "case.deadline_missed" } })).toBe(1);
    const alerts = await emailsFor(/Deadline missed: plan case file/);
    expect(alerts.map((email) => email.toAddress).sort()).toEqual(
      (await db.user.findMany({ where: { roles: { has: "COORDINATOR" } }, select: { email: true } })).map((user) => user.email).sort(),
    );
  });
});
