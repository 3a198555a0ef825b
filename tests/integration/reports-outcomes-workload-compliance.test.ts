/**
 * Finding 12: the outcomes, reviewer workload and turnaround, and plan
 * compliance reports. Each test computes the figures from its own list of
 * cases, apart from the report's code, and compares the page's figures and
 * its CSV with them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loader as complianceCsvLoader } from "~/routes/iro/reports.plan-compliance.csv";
import { loader as outcomesCsvLoader } from "~/routes/iro/reports.outcomes.csv";
import { loader as outcomesLoader } from "~/routes/iro/reports.outcomes";
import { loader as workloadCsvLoader } from "~/routes/iro/reports.reviewer-workload.csv";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { outcomesReport } from "~/server/reports/outcomes-report.server";
import { planComplianceReport } from "~/server/reports/plan-compliance-report.server";
import { reviewerWorkloadReport } from "~/server/reports/reviewer-workload-report.server";
import { createCase, createPlan, createReviewer, createUser } from "#tests/support/factories";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";

// New York. The reports cover March 2026; "now" is 10 April 2026.
const MARCH = { from: "2026-03-01", to: "2026-03-31" };
const NOW = new Date("2026-04-10T15:00:00Z");
const DAY = 86_400_000;
const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const inMarch = (date: Date) => date >= at("2026-03-01T05:00:00Z") && date < at("2026-04-01T04:00:00Z");

type Outcome = "UPHELD" | "OVERTURNED" | "OVERTURNED_IN_PART";
interface Decided {
  plan: "evergreen" | "pacific";
  decidedAt: Date;
  outcome: Outcome;
  disputeType: "MEDICAL_NECESSITY" | "EXPERIMENTAL_INVESTIGATIONAL" | "URGENT_CARE";
  diagnosis: string | null;
  treatment: string | null;
  /** For an overturn: when compliance was due, and when (if) the plan confirmed. */
  complianceDue?: Date;
  confirmedAt?: Date;
}

const DECIDED: Decided[] = [
  {
    plan: "evergreen",
    decidedAt: at("2026-03-02T15:00:00Z"),
    outcome: "UPHELD",
    disputeType: "MEDICAL_NECESSITY",
    diagnosis: "Cancer",
    treatment: "Cancer care",
  },
  {
    plan: "evergreen",
    decidedAt: at("2026-03-05T15:00:00Z"),
    outcome: "OVERTURNED",
    disputeType: "MEDICAL_NECESSITY",
    diagnosis: "Cancer",
    treatment: "Pharmacy/prescription drugs",
    complianceDue: at("2026-03-07T04:59:59Z"),
    confirmedAt: at("2026-03-06T15:00:00Z"),
  },
  {
    plan: "evergreen",
    decidedAt: at("2026-03-10T15:00:00Z"),
    outcome: "OVERTURNED_IN_PART",
    disputeType: "EXPERIMENTAL_INVESTIGATIONAL",
    diagnosis: "Cancer",
    treatment: "Cancer care",
    complianceDue: at("2026-03-12T03:59:59Z"),
    confirmedAt: at("2026-03-15T15:00:00Z"),
  },
  {
    plan: "pacific",
    decidedAt: at("2026-03-12T15:00:00Z"),
    outcome: "OVERTURNED",
    disputeType: "MEDICAL_NECESSITY",
    diagnosis: "Orthopedic/Musculoskeletal",
    treatment: "Orthopedic procedure",
    complianceDue: at("2026-03-20T03:59:59Z"),
  },
  {
    plan: "pacific",
    decidedAt: at("2026-03-30T15:00:00Z"),
    outcome: "OVERTURNED",
    disputeType: "URGENT_CARE",
    diagnosis: null,
    treatment: null,
    complianceDue: at("2026-04-20T03:59:59Z"),
  },
  {
    plan: "pacific",
    decidedAt: at("2026-03-31T15:00:00Z"),
    outcome: "UPHELD",
    disputeType: "MEDICAL_NECESSITY",
    diagnosis: "Orthopedic/Musculoskeletal",
    treatment: null,
  },
  // Outside March: counted nowhere.
  { plan: "pacific", decidedAt: at("2026-04-02T15:00:00Z"), outcome: "OVERTURNED", disputeType: "URGENT_CARE", diagnosis: "Cancer", treatment: "Cancer care" },
];

interface Offer {
  reviewer: "cardiology" | "oncology";
  offeredAt: Date;
  status: "OFFERED" | "ACCEPTED" | "DECLINED" | "EXPIRED" | "COMPLETED";
  respondedAt?: Date;
  submittedAt?: Date;
  /** The case is still open (the offer or the assignment counts as held now). */
  open?: boolean;
}

const OFFERS: Offer[] = [
  {
    reviewer: "cardiology",
    offeredAt: at("2026-03-02T15:00:00Z"),
    status: "COMPLETED",
    respondedAt: at("2026-03-02T19:00:00Z"),
    submittedAt: at("2026-03-12T19:00:00Z"),
  },
  { reviewer: "cardiology", offeredAt: at("2026-03-09T15:00:00Z"), status: "DECLINED", respondedAt: at("2026-03-09T16:00:00Z") },
  { reviewer: "cardiology", offeredAt: at("2026-03-20T15:00:00Z"), status: "ACCEPTED", respondedAt: at("2026-03-21T15:00:00Z"), open: true },
  // Offered in February, determined in March: a determination, not an offer, of March.
  {
    reviewer: "oncology",
    offeredAt: at("2026-02-20T15:00:00Z"),
    status: "COMPLETED",
    respondedAt: at("2026-02-20T17:00:00Z"),
    submittedAt: at("2026-03-03T17:00:00Z"),
  },
  { reviewer: "oncology", offeredAt: at("2026-03-04T15:00:00Z"), status: "EXPIRED" },
  {
    reviewer: "oncology",
    offeredAt: at("2026-03-05T15:00:00Z"),
    status: "COMPLETED",
    respondedAt: at("2026-03-06T15:00:00Z"),
    submittedAt: at("2026-03-26T15:00:00Z"),
  },
  { reviewer: "oncology", offeredAt: at("2026-04-03T15:00:00Z"), status: "OFFERED", open: true },
];

let coordinator: Awaited<ReturnType<typeof createUser>> & { cookie: string };
const plans: Record<Decided["plan"], { id: string; name: string }> = {} as never;
const reviewers: Record<Offer["reviewer"], { id: string; name: string }> = {} as never;

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
  coordinator = await withSession(await createUser({ roles: ["COORDINATOR"] }));
  const applicant = await createUser({ roles: ["APPLICANT"] });
  plans.evergreen = await createPlan("Evergreen Reports Plan");
  plans.pacific = await createPlan("Pacific Reports Plan");
  reviewers.cardiology = await createReviewer({ name: "Dr. Ada Cardio", specialty: "Cardiology" });
  reviewers.oncology = await createReviewer({ name: "Dr. Omar Onco", specialty: "Medical Oncology" });

  for (const story of DECIDED) {
    const kase = await createCase({
      applicantId: applicant.id,
      planId: plans[story.plan].id,
      status: story.confirmedAt ? "CLOSED" : "DECIDED",
      disputeType: story.disputeType,
    });
    await db.case.update({
      where: { id: kase.id },
      data: { decidedAt: story.decidedAt, outcome: story.outcome, diagnosisCategory: story.diagnosis, treatmentCategory: story.treatment },
    });
    if (story.complianceDue) {
      await db.caseDeadline.create({
        data: {
          caseId: kase.id,
          kind: "COMPLIANCE",
          responsible: "PLAN",
          status: story.confirmedAt ? (story.confirmedAt > story.complianceDue ? "MISSED" : "MET") : "OPEN",
          startedAt: story.decidedAt,
          dueAt: story.complianceDue,
          atRiskAt: story.complianceDue,
          closedAt: story.confirmedAt ?? null,
        },
      });
    }
    if (story.confirmedAt) {
      await db.complianceConfirmation.create({
        data: {
          caseId: kase.id,
          implementedOn: story.confirmedAt,
          authorizationNumber: "AUTH-1",
          confirmedAt: story.confirmedAt,
          late: story.confirmedAt > story.complianceDue!,
        },
      });
    }
  }

  for (const offer of OFFERS) {
    const kase = await createCase({ applicantId: applicant.id, status: offer.open ? "IN_REVIEW" : "DECIDED" });
    const accepted = ["ACCEPTED", "COMPLETED"].includes(offer.status);
    const assignment = await db.reviewerAssignment.create({
      data: {
        caseId: kase.id,
        reviewerId: reviewers[offer.reviewer].id,
        status: offer.status,
        offeredAt: offer.offeredAt,
        respondedAt: offer.respondedAt ?? null,
        attestedAt: accepted ? offer.respondedAt! : null,
      },
    });
    if (offer.submittedAt) {
      await db.determination.create({
        data: { caseId: kase.id, assignmentId: assignment.id, status: "SUBMITTED", outcome: "UPHELD", submittedAt: offer.submittedAt },
      });
    }
  }
});

const marchCases = () => DECIDED.filter((story) => inMarch(story.decidedAt));
const isOverturn = (outcome: Outcome) => outcome !== "UPHELD";
const rate = (stories: Decided[]) => Math.round((1000 * stories.filter((story) => isOverturn(story.outcome)).length) / stories.length) / 10;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return (sorted[Math.floor(middle)]! + sorted[Math.ceil(middle)]!) / 2;
};
const csvOf = async (loader: unknown, path: string) => {
  const answer = await call<Response>(loader as RouteFunction, request(path, coordinator));
  expect(answer.status).toBe(200);
  return (answer.response as Response).text();
};

describe("the outcomes report", () => {
  it("counts upheld and overturned decisions overall and by type, diagnosis, treatment and plan", async () => {
    const report = await outcomesReport(MARCH, NOW);
    const march = marchCases();
    expect(report.overall).toEqual({
      decided: march.length,
      upheld: march.filter((story) => story.outcome === "UPHELD").length,
      overturned: march.filter((story) => story.outcome === "OVERTURNED").length,
      overturnedInPart: march.filter((story) => story.outcome === "OVERTURNED_IN_PART").length,
      overturnPercent: rate(march),
    });
    expect(report.overall).toMatchObject({ decided: 6, upheld: 2, overturnPercent: 66.7 });

    const section = (dimension: string) => report.sections.find((entry) => entry.dimension === dimension)!.groups;
    const expectGroups = (dimension: string, key: (story: Decided) => string) => {
      const names = [...new Set(march.map(key))];
      for (const name of names) {
        const members = march.filter((story) => key(story) === name);
        expect(
          section(dimension).find((group) => group.group === name),
          `${dimension}: ${name}`,
        ).toMatchObject({
          decided: members.length,
          overturnPercent: rate(members),
        });
      }
      expect(section(dimension)).toHaveLength(names.length);
    };
    expectGroups("diagnosisCategory", (story) => story.diagnosis ?? "Not recorded");
    expectGroups("treatmentCategory", (story) => story.treatment ?? "Not recorded");
    expectGroups("plan", (story) => plans[story.plan].name);
    expectGroups(
      "disputeType",
      (story) =>
        ({ MEDICAL_NECESSITY: "Medical necessity", EXPERIMENTAL_INVESTIGATIONAL: "Experimental/Investigational", URGENT_CARE: "Urgent care" })[
          story.disputeType
        ],
    );
    // Most decisions first; what was never recorded comes last.
    expect(section("diagnosisCategory").map((group) => group.group)).toEqual(["Cancer", "Orthopedic/Musculoskeletal", "Not recorded"]);
  });

  it("shows on its page and in its CSV", async () => {
    const page = await call<{ report: { overall: { decided: number } } }>(
      outcomesLoader as RouteFunction,
      request("/iro/reports/outcomes?from=2026-03-01&to=2026-03-31", coordinator),
    );
    expect(page.data.report.overall.decided).toBe(6);
    const lines = (await csvOf(outcomesCsvLoader, "/iro/reports/outcomes.csv?from=2026-03-01&to=2026-03-31")).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Grouped by,Group,Decided,Upheld,Overturned,Overturned in part,Overturned wholly or in part (%)");
    expect(lines[1]).toBe("All decisions,All,6,2,3,1,66.7");
    expect(lines).toContain("Diagnosis category,Cancer,3,1,1,1,66.7");
    expect(lines).toContain("Health plan,Pacific Reports Plan,3,1,2,0,66.7");
  });
});

describe("the plan compliance report", () => {
  it("counts, per plan, the overturns confirmed on time, late, overdue and not yet due, with the median days to confirm", async () => {
    const report = await planComplianceReport(MARCH, NOW);
    for (const key of ["evergreen", "pacific"] as const) {
      const overturns = marchCases().filter((story) => story.plan === key && isOverturn(story.outcome));
      const onTime = overturns.filter((story) => story.confirmedAt && story.confirmedAt <= story.complianceDue!).length;
      const late = overturns.filter((story) => story.confirmedAt && story.confirmedAt > story.complianceDue!).length;
      const overdue = overturns.filter((story) => !story.confirmedAt && story.complianceDue! < NOW).length;
      const confirmDays = overturns.filter((story) => story.confirmedAt).map((story) => (story.confirmedAt!.getTime() - story.decidedAt.getTime()) / DAY);
      expect(report.plans.find((plan) => plan.planName === plans[key].name)).toEqual({
        planName: plans[key].name,
        overturns: overturns.length,
        confirmedOnTime: onTime,
        confirmedLate: late,
        overdue,
        awaiting: overturns.length - onTime - late - overdue,
        onTimePercent: onTime + late + overdue === 0 ? null : Math.round((1000 * onTime) / (onTime + late + overdue)) / 10,
        medianDaysToConfirm: confirmDays.length ? Math.round(10 * median(confirmDays)) / 10 : null,
      });
    }
    // Evergreen: one on time (1 day), one late (5 days); Pacific: one overdue since 20 March, one due after today.
    expect(report.overall).toMatchObject({
      overturns: 4,
      confirmedOnTime: 1,
      confirmedLate: 1,
      overdue: 1,
      awaiting: 1,
      onTimePercent: 33.3,
      medianDaysToConfirm: 3,
    });
  });

  it("gives the same figures in its CSV", async () => {
    const lines = (await csvOf(complianceCsvLoader, "/iro/reports/plan-compliance.csv?from=2026-03-01&to=2026-03-31")).trimEnd().split("\r\n");
    expect(lines).toEqual([
      'Health plan,Overturns,Confirmed on time,Confirmed late,"Overdue, not confirmed",Not due yet,On time (%),Median days to confirm',
      "Evergreen Reports Plan,2,1,1,0,0,50.0,3.0",
      // The report is read now, not on 10 April: the open clock due 20 April may be overdue by now, so only the first columns are fixed.
      expect.stringMatching(/^Pacific Reports Plan,2,0,0,/),
    ]);
  });
});

describe("the reviewer workload and turnaround report", () => {
  it("counts each reviewer's offers and answers in the range, the determinations submitted in it and their days, and what they hold now", async () => {
    const report = await reviewerWorkloadReport(MARCH, NOW);
    for (const key of ["cardiology", "oncology"] as const) {
      const mine = OFFERS.filter((offer) => offer.reviewer === key);
      const made = mine.filter((offer) => inMarch(offer.offeredAt));
      const determined = mine.filter((offer) => offer.submittedAt && inMarch(offer.submittedAt));
      const answered = made.filter((offer) => offer.respondedAt);
      expect(report.reviewers.find((row) => row.reviewerId === reviewers[key].id)).toMatchObject({
        name: reviewers[key].name,
        currentLoad: mine.filter((offer) => offer.open && ["OFFERED", "ACCEPTED"].includes(offer.status)).length,
        capacity: 3,
        offered: made.length,
        accepted: made.filter((offer) => ["ACCEPTED", "COMPLETED"].includes(offer.status)).length,
        declined: made.filter((offer) => offer.status === "DECLINED").length,
        lapsed: made.filter((offer) => offer.status === "EXPIRED").length,
        determinations: determined.length,
        medianDaysToDetermine: Math.round(10 * median(determined.map((offer) => (offer.submittedAt!.getTime() - offer.respondedAt!.getTime()) / DAY))) / 10,
        medianHoursToAnswer: Math.round(10 * median(answered.map((offer) => (offer.respondedAt!.getTime() - offer.offeredAt.getTime()) / HOUR))) / 10,
      });
    }
    expect(report.reviewers.find((row) => row.reviewerId === reviewers.oncology.id)).toMatchObject({
      offered: 2,
      determinations: 2,
      medianDaysToDetermine: 15.5,
    });
  });

  it("gives the same figures in its CSV", async () => {
    const lines = (await csvOf(workloadCsvLoader, "/iro/reports/reviewer-workload.csv?from=2026-03-01&to=2026-03-31")).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "Reviewer,Specialty,Cases held now,Capacity,Offered,Accepted,Declined,Lapsed,Determinations,Median days to determine,Median hours to answer an offer,Minutes logged",
    );
    // Cardiology: 3 offers (one declined), one determination 10 days after accepting; answers after 4, 1 and 24 hours.
    expect(lines).toContain("Dr. Ada Cardio,Cardiology,1,3,3,2,1,0,1,10.0,4.0,0");
    expect(lines).toContain("Dr. Omar Onco,Medical Oncology,1,3,2,1,0,1,2,15.5,24.0,0");
  });
});
