import { beforeAll, describe, expect, it } from "vitest";
import type { CaseActionName } from "~/domain/case-actions";
import type { Role } from "~/domain/roles";
import { percentile } from "~/domain/reports/timeliness";
import { loader as exportLoader } from "~/routes/iro/reports.regulator-export.csv";
import { loader as reportsLoader } from "~/routes/iro/reports";
import { loader as timelinessLoader } from "~/routes/iro/reports.timeliness";
import { loader as timelinessCsvLoader } from "~/routes/iro/reports.timeliness.csv";
import { changeCase } from "~/server/cases/change-case.server";
import { db, type Prisma } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { exportYears, regulatorExport } from "~/server/reports/regulator-export.server";
import { timelinessReport } from "~/server/reports/timeliness-report.server";
import { startSession } from "~/server/session.server";
import { actorFor, createCase, createPlan, createUser, requestWithCookie } from "#tests/support/factories";
import { call, type RouteFunction } from "#tests/support/routes";

// The organization is in New York. The report covers March 2026; "now" is 10 April 2026.
const MARCH = { from: "2026-03-01", to: "2026-03-31" };
const NOW = new Date("2026-04-10T15:00:00Z");
const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

// What must never leave the portal in a report.
const PATIENT_NAME = "Zelda Quartermain";
const MEMBER_ID = "MBR-77-SECRET";
const APPLICANT_NAME = "Orlando Applicantson";

let coordinator: Awaited<ReturnType<typeof createUser>>;
let reviewer: Awaited<ReturnType<typeof createUser>>;
let planUser: Awaited<ReturnType<typeof createUser>>;
let applicant: Awaited<ReturnType<typeof createUser>>;
let planId: string;
const refs: Record<string, string> = {};

const as = (user: { id: string; email: string; roles: Role[] }) => ({ ...actorFor(user), roles: user.roles });

interface Story {
  profile?: "naic" | "california";
  track?: "STANDARD" | "EXPEDITED";
  disputeType?: "MEDICAL_NECESSITY" | "EXPERIMENTAL_INVESTIGATIONAL" | "URGENT_CARE";
  submitted: Date;
  accepted: Date;
  /** When the reviewers started (by default an hour after acceptance, meeting the assignment clock). */
  reviewStarted?: Date;
  decided?: Date;
  outcome?: "UPHELD" | "OVERTURNED" | "OVERTURNED_IN_PART";
  /** When the plan confirmed it complied with the overturn. */
  complied?: Date;
  details?: Prisma.CaseUpdateInput;
}

/** A case moved through the real transitions, back-dated, so its clocks are the ones the app keeps. */
async function tell(name: string, story: Story) {
  const kase = await createCase({
    applicantId: applicant.id,
    planId,
    status: "DRAFT",
    profile: story.profile,
    track: story.track,
    disputeType: story.disputeType,
  });
  await db.case.update({
    where: { id: kase.id },
    data: { patientName: PATIENT_NAME, memberId: MEMBER_ID, patientEmail: "zelda@example.test", patientAddress: "1 Private Lane", ...story.details },
  });
  let version = 0;
  const step = async (by: typeof coordinator, action: CaseActionName, when: Date, update: Prisma.CaseUpdateManyMutationInput = {}, start?: "compliance") => {
    const result = await changeCase({
      caseId: kase.id,
      expectedVersion: version,
      actor: as(by),
      action,
      event: { type: action },
      update,
      at: when,
      deadlines: start ? { start: [start] } : undefined,
    });
    version = result.version;
  };
  await step(applicant, "submit", story.submitted, { submittedAt: story.submitted, reference: `IMR-TEST-${name}` });
  await step(coordinator, "accept", story.accepted, { acceptedAt: story.accepted });
  await step(reviewer, "acceptOffer", story.reviewStarted ?? plus(story.accepted, HOUR));
  if (story.decided) {
    const determined = plus(story.decided, -HOUR);
    await step(reviewer, "determine", determined, { determinedAt: determined });
    const overturn = story.outcome !== undefined && story.outcome !== "UPHELD";
    await step(
      coordinator,
      "issueDecision",
      story.decided,
      { decidedAt: story.decided, outcome: story.outcome ?? "UPHELD" },
      overturn ? "compliance" : undefined,
    );
    if (story.complied) await step(planUser, "confirmCompliance", story.complied, { closedAt: story.complied });
  }
  refs[name] = `IMR-TEST-${name}`;
}

beforeAll(async () => {
  await ensureReferenceData();
  forgetOrganizationCalendar();
  coordinator = await createUser({ roles: ["COORDINATOR"] });
  applicant = await createUser({ roles: ["APPLICANT"], name: APPLICANT_NAME });
  planId = (await createPlan()).id;
  reviewer = await createUser({ roles: ["REVIEWER"] });
  planUser = await createUser({ roles: ["PLAN"], planId });

  // NAIC, standard, medical necessity: 45 calendar days to decide.
  await tell("a-10-days", { submitted: at("2026-03-01T15:00:00Z"), accepted: at("2026-03-02T15:00:00Z"), decided: at("2026-03-12T15:00:00Z") });
  await tell("b-30-days", { submitted: at("2026-02-08T15:00:00Z"), accepted: at("2026-02-09T15:00:00Z"), decided: at("2026-03-11T15:00:00Z") });
  // Decided after 74 days: late. Its missed decision clock was due in February, outside the range.
  await tell("c-late-overturn", {
    submitted: at("2026-01-04T15:00:00Z"),
    accepted: at("2026-01-05T15:00:00Z"),
    decided: at("2026-03-20T15:00:00Z"),
    outcome: "OVERTURNED_IN_PART",
    complied: at("2026-03-23T14:00:00Z"),
    details: {
      patientBirthDate: new Date("1961-04-20T00:00:00Z"),
      patientSex: "Female",
      diagnosisCategory: "Cancer",
      diagnosisSubcategory: "Brain",
      treatmentCategory: "Radiation therapy",
      treatmentSubcategory: "Proton beam",
      findings: 'The "experimental" label is not supported, in part.',
    },
  });
  // NAIC, expedited, urgent care: 72 hours; decided in a day and a half.
  await tell("d-expedited", {
    track: "EXPEDITED",
    disputeType: "URGENT_CARE",
    submitted: at("2026-03-04T20:00:00Z"),
    accepted: at("2026-03-05T15:00:00Z"),
    decided: at("2026-03-07T03:00:00Z"),
  });
  // California, standard: 30 days.
  await tell("e-california", {
    profile: "california",
    submitted: at("2026-02-28T15:00:00Z"),
    accepted: at("2026-03-01T15:00:00Z"),
    decided: at("2026-03-25T15:00:00Z"),
  });
  // Decided outside March: in April, and on 1 January at 00:30 in New York.
  await tell("f-april", { submitted: at("2026-03-19T15:00:00Z"), accepted: at("2026-03-20T15:00:00Z"), decided: at("2026-04-02T15:00:00Z") });
  await tell("g-new-year", { submitted: at("2025-11-30T15:00:00Z"), accepted: at("2025-12-01T15:00:00Z"), decided: at("2026-01-01T05:30:00Z") });
  // 23:30 on New Year's Eve in New York: already 2026 in UTC, but a 2025 decision.
  await tell("z-old-year", { submitted: at("2025-11-30T15:00:00Z"), accepted: at("2025-12-01T15:00:00Z"), decided: at("2026-01-01T04:30:00Z") });
  // Still in review: eligibility decided late (due Mon 9 March), reviewer assigned late (due Tue 17 March),
  // and the plan's case file (due Mon 23 March) never came.
  await tell("h-in-review", { submitted: at("2026-03-02T15:00:00Z"), accepted: at("2026-03-16T15:00:00Z"), reviewStarted: at("2026-03-20T15:00:00Z") });
});

describe("the timeliness report", () => {
  it("counts the cases decided in the range, on time by their decision clock, per profile, track and type", async () => {
    const report = await timelinessReport(MARCH, NOW);
    expect(report.range).toEqual(MARCH);
    expect(report.groups).toEqual([
      {
        profileCode: "california",
        profileName: "California Knox-Keene Independent Medical Review (DMHC)",
        track: "STANDARD",
        disputeType: "MEDICAL_NECESSITY",
        decided: 1,
        onTime: 1,
        late: 0,
        onTimePercent: 100,
        medianDays: 24,
        p95Days: 24,
      },
      {
        profileCode: "naic",
        profileName: "NAIC Uniform Health Carrier External Review Model Act",
        track: "STANDARD",
        disputeType: "MEDICAL_NECESSITY",
        // Days [10 30 74]: median 30; p95 at rank 1.9 = 30 + 0.9 × 44.
        decided: 3,
        onTime: 2,
        late: 1,
        onTimePercent: 66.7,
        medianDays: 30,
        p95Days: 69.6,
      },
      {
        profileCode: "naic",
        profileName: "NAIC Uniform Health Carrier External Review Model Act",
        track: "EXPEDITED",
        disputeType: "URGENT_CARE",
        decided: 1,
        onTime: 1,
        late: 0,
        onTimePercent: 100,
        medianDays: 1.5,
        p95Days: 1.5,
      },
    ]);
    // All five: days [1.5 10 24 30 74]; median 24; p95 at rank 3.8 = 30 + 0.8 × 44.
    expect(report.overall).toEqual({ decided: 5, onTime: 4, late: 1, onTimePercent: 80, medianDays: 24, p95Days: 65.2 });
  });

  it("counts the deadlines due in the range that were missed or are overdue, by kind and who had to act", async () => {
    const report = await timelinessReport(MARCH, NOW);
    expect(report.missedDeadlines).toEqual([
      { deadline: "Eligibility decision", responsible: "Review organization", missed: 1, overdue: 0 },
      // No plan sent its case file: the four decided cases whose file was due in March (a, d, e and f) count
      // as missed although their clocks ended with the decision; the case still in review is overdue.
      { deadline: "Plan case file", responsible: "Health plan", missed: 4, overdue: 1 },
      { deadline: "Reviewer assignment", responsible: "Review organization", missed: 1, overdue: 0 },
    ]);
    // The late decision's clock was due in February.
    const february = await timelinessReport({ from: "2026-02-01", to: "2026-02-28" }, NOW);
    // So was b's plan case file (accepted 9 February, due on the 16th, never sent), missed when b was decided.
    expect(february.missedDeadlines).toEqual([
      { deadline: "Plan case file", responsible: "Health plan", missed: 1, overdue: 0 },
      { deadline: "Decision", responsible: "Review organization", missed: 1, overdue: 0 },
    ]);
    expect(february.overall.decided).toBe(0);
  });

  it("takes the range's days in the organization's time zone, both ends included", async () => {
    // 00:30 on 1 January in New York is in a range starting that day; 23:30 the evening before is not.
    const newYearsDay = await timelinessReport({ from: "2026-01-01", to: "2026-01-01" }, NOW);
    expect(newYearsDay.overall.decided).toBe(1);
    const newYearsEve = await timelinessReport({ from: "2025-12-31", to: "2025-12-31" }, NOW);
    expect(newYearsEve.overall.decided).toBe(1);
    const lastDay = await timelinessReport({ from: "2026-03-25", to: "2026-03-25" }, NOW);
    expect(lastDay.groups.map((group) => group.profileCode)).toEqual(["california"]);
  });

  it("covers the last full month by default", async () => {
    const report = await timelinessReport(undefined, NOW);
    expect(report.range).toEqual(MARCH);
    expect(report.overall.decided).toBe(5);
    expect(report.presets).toEqual({ lastFullMonth: MARCH, yearToDate: { from: "2026-01-01", to: "2026-04-10" } });
  });

  it("computes percentiles the way PostgreSQL's percentile_cont does", async () => {
    const values = [74, 1.5, 10, 30, 24, 3.25, 18];
    for (const p of [0.5, 0.95, 0.9, 0.1]) {
      const [row] = await db.$queryRaw<
        { value: number }[]
      >`SELECT percentile_cont(${p}::float8) WITHIN GROUP (ORDER BY v) AS value FROM unnest(${values}::float8[]) AS v`;
      expect(percentile(values, p)).toBeCloseTo(row!.value, 10);
    }
  });
});

describe("the regulator export", () => {
  it("has one row per case decided in the year, in New York time, with the published columns", async () => {
    const { fileName, csv } = await regulatorExport(2026, actorFor(coordinator));
    expect(fileName).toBe("imr-regulator-export-2026.csv");
    const [header, ...rows] = csv.trimEnd().split("\r\n");
    expect(header).toBe(
      "Reference ID,Year,Diagnosis category,Diagnosis subcategory,Treatment category,Treatment subcategory,Determination,Type,Age range,Gender,Expedited or standard,Days to review,Days to adopt,Findings",
    );
    // In order of decision; the 2025 New Year's Eve decision and the open case are not there.
    expect(rows.map((row) => row.split(",")[0])).toEqual([
      refs["g-new-year"],
      refs["d-expedited"],
      refs["b-30-days"],
      refs["a-10-days"],
      refs["c-late-overturn"],
      refs["e-california"],
      refs["f-april"],
    ]);
    // Filed 4 Jan, determined and decided 20 Mar (75 days; adopted the same day; the plan's compliance on 23 Mar is not counted); 64 years old when filing.
    expect(rows[4]).toBe(
      `${refs["c-late-overturn"]},2026,Cancer,Brain,Radiation therapy,Proton beam,Overturned in part,Medical necessity,51-64,Female,Standard,75,0,"The ""experimental"" label is not supported, in part."`,
    );
    // Upheld and expedited, no categories recorded. Filed Wed 4 Mar at 15:00 and determined Fri 6 Mar
    // at 21:00 in New York (already 7 Mar in UTC): 2 calendar days; decided an hour later, the same day.
    expect(rows[1]).toBe(`${refs["d-expedited"]},2026,,,,,Upheld,Urgent care,,,Expedited,2,0,`);
    const previous = await regulatorExport(2025, actorFor(coordinator));
    expect(
      previous.csv
        .trimEnd()
        .split("\r\n")
        .slice(1)
        .map((row) => row.split(",")[0]),
    ).toEqual([refs["z-old-year"]]);
  });

  it("offers the years from the first decision on record to this year, newest first", async () => {
    expect(await exportYears(NOW)).toEqual([2026, 2025]);
    expect(await exportYears(at("2028-06-01T12:00:00Z"))).toEqual([2028, 2027, 2026, 2025]);
  });

  it("never holds a name, a member ID or contact details", async () => {
    const { csv } = await regulatorExport(2026, actorFor(coordinator));
    for (const secret of [PATIENT_NAME, MEMBER_ID, APPLICANT_NAME, applicant.email, "zelda@example.test", "1 Private Lane", "1961-04-20"]) {
      expect(csv).not.toContain(secret);
    }
  });

  it("is recorded in the audit log, with who downloaded which year", async () => {
    await regulatorExport(2026, actorFor(coordinator));
    const entry = await db.auditLog.findFirst({ where: { action: "report.regulator_export.downloaded", actorId: coordinator.id }, orderBy: { id: "desc" } });
    expect(entry?.detail).toEqual({ year: 2026, cases: 7 });
  });
});

describe("who may read the reports", () => {
  async function signedIn(roles: Role[]) {
    const user = await createUser({ roles, planId: roles.includes("PLAN") ? planId : null });
    return startSession(user.id, requestWithCookie(null));
  }
  /** A route's answer: the Response it gave or refused with, or its data. */
  const open = async <T = Response>(loader: RouteFunction, cookie: string, path: string): Promise<T> => {
    const { response, data } = await call<T>(loader, requestWithCookie(cookie, path));
    return (response ?? data) as T;
  };
  const pages = {
    reports: (cookie: string) => open<{ years: number[] }>(reportsLoader, cookie, "/iro/reports"),
    timeliness: (cookie: string) => open(timelinessLoader, cookie, "/iro/reports/timeliness?from=2026-03-01&to=2026-03-31"),
    timelinessCsv: (cookie: string) => open(timelinessCsvLoader, cookie, "/iro/reports/timeliness.csv?from=2026-03-01&to=2026-03-31"),
    export: (cookie: string) => open(exportLoader, cookie, "/iro/reports/regulator-export.csv?year=2026"),
  };

  for (const role of ["REVIEWER", "PLAN", "APPLICANT"] as const) {
    it(`refuses a ${role.toLowerCase()} every report page and file`, async () => {
      const cookie = await signedIn([role]);
      for (const [name, page] of Object.entries(pages)) {
        const refusal = await page(cookie);
        expect(refusal, name).toBeInstanceOf(Response);
        expect((refusal as Response).status, name).toBe(403);
      }
    });
  }

  it("sends a signed-out visitor to sign in", async () => {
    const refusal = await pages.export("");
    expect(refusal.status).toBe(302);
    expect(refusal.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("lets coordinators and admins download the files, as attachments with a header row", async () => {
    for (const roles of [["COORDINATOR"], ["ADMIN"]] as Role[][]) {
      const cookie = await signedIn(roles);
      const timeliness = await pages.timelinessCsv(cookie);
      expect(timeliness.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      expect(timeliness.headers.get("Content-Disposition")).toBe('attachment; filename="imr-timeliness-2026-03-01-to-2026-03-31.csv"');
      expect((await timeliness.text()).split("\r\n")[0]).toBe(
        "Rule profile code,Rule profile,Track,Dispute type,Decided,Decided on time,Decided late,On time (%),Median days,95th percentile days",
      );
      const exported = await pages.export(cookie);
      expect(exported.headers.get("Content-Disposition")).toBe('attachment; filename="imr-regulator-export-2026.csv"');
      expect((await exported.text()).split("\r\n")).toHaveLength(1 + 7 + 1);
      expect((await pages.reports(cookie)).years).toContain(2025);
    }
  });

  it("answers a range that makes no sense with the reason, not a file", async () => {
    const cookie = await signedIn(["COORDINATOR"]);
    const refusal = await open(timelinessCsvLoader, cookie, "/iro/reports/timeliness.csv?from=2026-03-31&to=2026-03-01");
    expect(refusal.status).toBe(400);
    expect(await refusal.text()).toBe("The last day must be on or after the first day.");
    const yearRefusal = await open(exportLoader, cookie, "/iro/reports/regulator-export.csv?year=next");
    expect(yearRefusal.status).toBe(400);
  });
});
