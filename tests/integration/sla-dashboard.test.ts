import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db.server";
import { dashboardPage } from "~/server/dashboard/dashboard-page.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { dashboardFilterSchema } from "~/schemas/dashboard";
import { createCase, createPlan, createUser } from "#tests/support/factories";

const NOW = new Date("2026-11-23T15:00:00Z");
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);

const refs: Record<string, string> = {};
let planA: string;
let planB: string;
let dana: { id: string; name: string };

async function openCase(
  name: string,
  options: {
    track?: "STANDARD" | "EXPEDITED";
    dueIn?: number;
    riskIn?: number;
    planId: string;
    flagged?: boolean;
    coordinatorId?: string;
    status?: "SUBMITTED" | "IN_REVIEW";
  },
) {
  const applicant = await createUser({ roles: ["APPLICANT"] });
  const kase = await createCase({ applicantId: applicant.id, planId: options.planId, status: options.status ?? "SUBMITTED", track: options.track });
  await db.case.update({
    where: { id: kase.id },
    data: {
      nextDeadlineKind: options.dueIn === undefined ? null : "DECISION",
      nextDeadlineDueAt: options.dueIn === undefined ? null : hours(options.dueIn),
      nextDeadlineAtRiskAt: options.riskIn === undefined ? null : hours(options.riskIn),
      flaggedAt: options.flagged ? hours(-1) : null,
      coordinatorId: options.coordinatorId ?? null,
    },
  });
  refs[name] = kase.reference!;
}

beforeAll(async () => {
  await ensureReferenceData();
  planA = (await createPlan()).id;
  planB = (await createPlan()).id;
  const coordinator = await createUser({ roles: ["COORDINATOR"], name: "Dana Test" });
  dana = { id: coordinator.id, name: coordinator.name };
  await openCase("standard-later", { dueIn: 200, riskIn: 150, planId: planA });
  await openCase("standard-soon-at-risk", { dueIn: 10, riskIn: -5, planId: planA, coordinatorId: dana.id, status: "IN_REVIEW" });
  await openCase("standard-overdue", { dueIn: -3, riskIn: -20, planId: planB, flagged: true });
  await openCase("expedited-later", { track: "EXPEDITED", dueIn: 60, riskIn: 50, planId: planB });
  await openCase("expedited-soon", { track: "EXPEDITED", dueIn: 5, riskIn: -1, planId: planA });
  await openCase("no-clock", { planId: planA });
  const closed = await createCase({ applicantId: (await createUser()).id, planId: planA, status: "CLOSED" });
  await db.case.update({ where: { id: closed.id }, data: { nextDeadlineDueAt: hours(1), nextDeadlineKind: "DECISION", patientName: "Maria Lopez" } });
  refs.closed = closed.reference!;
  await db.case.update({
    where: { reference: refs["standard-later"] },
    data: { patientName: "Rosa Ortiz", memberId: "EVG-555120", planDenialReference: "CLM_100%" },
  });
  await db.case.update({ where: { reference: refs["expedited-later"] }, data: { patientName: "Ana Lopez", memberId: "PCH-0001" } });
});

const page = (query: Record<string, string>) => dashboardPage(dashboardFilterSchema.parse(query), NOW);
const order = (rows: { reference: string | null }[]) => rows.map((row) => Object.keys(refs).find((name) => refs[name] === row.reference));

describe("the SLA dashboard", () => {
  it("lists every open case, expedited first, then by time left, cases without a clock last", async () => {
    const result = await page({});
    expect(order(result.rows)).toEqual(["expedited-soon", "expedited-later", "standard-overdue", "standard-soon-at-risk", "standard-later", "no-clock"]);
  });

  it("counts each group of open cases, whatever the filters", async () => {
    const result = await page({ track: "EXPEDITED" });
    expect(result.counts).toEqual({ open: 6, expedited: 2, atRisk: 2, overdue: 1, flagged: 1 });
    expect(result.matching).toBe(2);
  });

  it("says where each clock stands in words, not only in colour", async () => {
    const rows = (await page({})).rows;
    const byName = (name: string) => rows.find((row) => row.reference === refs[name])!;
    expect(byName("standard-overdue")).toMatchObject({ state: "overdue", timeLeft: "overdue by 3 hours", deadline: "Decision" });
    expect(byName("standard-soon-at-risk")).toMatchObject({ state: "at_risk", timeLeft: "10 hours left", assignee: "Dana Test" });
    expect(byName("standard-later")).toMatchObject({ state: "on_track", timeLeft: "8 days left" });
    expect(byName("no-clock")).toMatchObject({ state: "none", timeLeft: null });
    expect(byName("expedited-soon").dueAt).toEqual(new Date("2026-11-23T20:00:00Z"));
  });

  it("filters by track, status, plan, coordinator, at risk, overdue and flagged", async () => {
    expect(order((await page({ status: "IN_REVIEW" })).rows)).toEqual(["standard-soon-at-risk"]);
    expect(order((await page({ plan: planB })).rows)).toEqual(["expedited-later", "standard-overdue"]);
    expect(order((await page({ assignee: dana.id })).rows)).toEqual(["standard-soon-at-risk"]);
    expect(order((await page({ assignee: "unassigned", track: "STANDARD" })).rows)).toEqual(["standard-overdue", "standard-later", "no-clock"]);
    expect(order((await page({ risk: "at_risk" })).rows)).toEqual(["expedited-soon", "standard-soon-at-risk"]);
    expect(order((await page({ risk: "overdue" })).rows)).toEqual(["standard-overdue"]);
    expect(order((await page({ risk: "flagged" })).rows)).toEqual(["standard-overdue"]);
  });

  it("searches by reference, patient name, member ID and the plan's claim number, closed cases too", async () => {
    expect(order((await page({ q: "lopez" })).rows)).toEqual(["expedited-later", "closed"]);
    expect(order((await page({ q: "  555120 " })).rows)).toEqual(["standard-later"]);
    expect(order((await page({ q: refs["expedited-soon"]!.slice(-6) })).rows)).toEqual(["expedited-soon"]);
    expect(order((await page({ q: "clm_100%" })).rows)).toEqual(["standard-later"]);
    // LIKE's wildcards are only characters: "%" does not stand for "_100".
    expect((await page({ q: "CLM%" })).rows).toEqual([]);
    expect(order((await page({ q: "lopez", status: "SUBMITTED" })).rows)).toEqual(["expedited-later"]);
    // The groups still count the open cases.
    expect((await page({ q: "lopez" })).counts.open).toBe(6);
  });

  it("ignores filter values that make no sense instead of failing", async () => {
    const result = await page({ track: "SIDEWAYS", plan: "not-a-uuid", page: "-4" });
    expect(result.rows).toHaveLength(6);
  });
});
