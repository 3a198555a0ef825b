import { describe, expect, it } from "vitest";
import { timelineLabel } from "~/components/case-timeline";
import { CASE_STATUSES } from "~/domain/case-status";
import { casePagePath, caseLinkPath } from "~/domain/case-paths";
import { deadlineItems, deadlineLine, nextStepText, responsibleWords, type OpenClock, type Viewer } from "~/domain/next-steps";
import { ANSWER_REQUIRED_MESSAGE, answerInformationSchema, withdrawSchema } from "~/schemas/case-actions";

const NEW_YORK = "America/New_York";
// End of Tuesday 1 December 2026 in New York (EST, UTC-5).
const TUE_1_DEC_END = new Date("2026-12-02T04:59:59Z");
// End of Friday 8 January 2027 in New York.
const FRI_8_JAN_END = new Date("2027-01-09T04:59:59Z");
// Monday 23 November 2026, 10:00 in New York.
const MON_23_NOV = new Date("2026-11-23T15:00:00Z");

const clock = (kind: OpenClock["kind"], dueAt: Date, responsible: OpenClock["responsible"] = "ORGANIZATION"): OpenClock => ({ kind, dueAt, responsible });

describe("what happens next, in plain words", () => {
  it("tells the applicant a coordinator is checking eligibility, and by when", () => {
    expect(
      nextStepText({
        status: "ELIGIBILITY_REVIEW",
        viewer: "APPLICANT",
        openClocks: [clock("eligibility", TUE_1_DEC_END)],
        timeZone: NEW_YORK,
        now: MON_23_NOV,
      }),
    ).toBe("A coordinator is checking that your request can be reviewed. We will tell you by Tue 1 Dec 2026, 11:59 PM ET.");
    expect(
      nextStepText({ status: "SUBMITTED", viewer: "APPLICANT", openClocks: [clock("eligibility", TUE_1_DEC_END)], timeZone: NEW_YORK, now: MON_23_NOV }),
    ).toBe("We received your request. A coordinator will check that it can be reviewed. We will tell you by Tue 1 Dec 2026, 11:59 PM ET.");
  });

  it("gives the decision's due time once the request is accepted, from the earliest decision clock", () => {
    const text = nextStepText({
      status: "ACCEPTED",
      viewer: "APPLICANT",
      openClocks: [clock("decision", new Date("2027-02-01T04:59:59Z")), clock("assignment", TUE_1_DEC_END), clock("decision", FRI_8_JAN_END)],
      timeZone: NEW_YORK,
      now: MON_23_NOV,
    });
    expect(text).toMatch(/^Your request was accepted\. /);
    expect(text).toMatch(/The decision is due by Fri 8 Jan 2027, 11:59 PM ET\.$/);
    // The organization's own assignment clock is not the applicant's business.
    expect(text).not.toContain("Tue 1 Dec");
  });

  it("puts the applicant's own request for information first, and ignores one addressed to the plan", () => {
    const openClocks = [clock("eligibility", TUE_1_DEC_END), clock("applicantInformation", new Date("2026-11-30T04:59:59Z"), "APPLICANT")];
    expect(nextStepText({ status: "ELIGIBILITY_REVIEW", viewer: "APPLICANT", openClocks, timeZone: NEW_YORK, now: MON_23_NOV })).toBe(
      "We need more information from you: answer our request below by Sun 29 Nov 2026, 11:59 PM ET. A coordinator is checking that your request can be reviewed. We will tell you by Tue 1 Dec 2026, 11:59 PM ET.",
    );
    const toPlan = [clock("eligibility", TUE_1_DEC_END), clock("applicantInformation", new Date("2026-11-30T04:59:59Z"), "PLAN")];
    expect(nextStepText({ status: "ELIGIBILITY_REVIEW", viewer: "APPLICANT", openClocks: toPlan, timeZone: NEW_YORK, now: MON_23_NOV })).not.toContain(
      "more information",
    );
    expect(nextStepText({ status: "ELIGIBILITY_REVIEW", viewer: "PLAN", openClocks: toPlan, timeZone: NEW_YORK, now: MON_23_NOV })).toMatch(
      /^The review organization asked you for information: answer by Sun 29 Nov 2026, 11:59 PM ET\./,
    );
  });

  it("says a clock that has run out is late rather than promising a time already past", () => {
    const now = new Date("2027-01-11T15:00:00Z"); // Mon 11 Jan, 2 days and 10 hours after the end of Fri 8 Jan
    expect(nextStepText({ status: "IN_REVIEW", viewer: "APPLICANT", openClocks: [clock("decision", FRI_8_JAN_END)], timeZone: NEW_YORK, now })).toBe(
      "An independent doctor is reviewing your case. Decision was due by Fri 8 Jan 2027, 11:59 PM ET and is late (overdue by 2 days).",
    );
  });

  it("leaves out the time when no clock of that kind is running", () => {
    expect(nextStepText({ status: "IN_REVIEW", viewer: "APPLICANT", openClocks: [], timeZone: NEW_YORK, now: MON_23_NOV })).toBe(
      "An independent doctor is reviewing your case.",
    );
  });

  it("explains the outcome of the decision and the plan's compliance time", () => {
    const text = nextStepText({
      status: "DECIDED",
      viewer: "APPLICANT",
      openClocks: [clock("compliance", FRI_8_JAN_END, "PLAN")],
      outcome: "OVERTURNED",
      timeZone: NEW_YORK,
      now: MON_23_NOV,
    });
    expect(text).toBe(
      "The decision was issued; the letter is below. The denial is overturned: your health plan must approve or pay for the service. Your plan must confirm it did so by Fri 8 Jan 2027, 11:59 PM ET.",
    );
    expect(nextStepText({ status: "CLOSED", viewer: "APPLICANT", openClocks: [], outcome: "UPHELD", timeZone: NEW_YORK, now: MON_23_NOV })).toContain(
      "The denial is upheld",
    );
  });

  it("tells a withdrawn applicant that nothing more is due", () => {
    expect(nextStepText({ status: "WITHDRAWN", viewer: "APPLICANT", openClocks: [], timeZone: NEW_YORK, now: MON_23_NOV })).toBe(
      "You withdrew this request. The review has stopped and nothing more is due.",
    );
  });

  it("tells each party their own next step", () => {
    const accepted = [clock("assignment", TUE_1_DEC_END), clock("decision", FRI_8_JAN_END), clock("planCaseFile", TUE_1_DEC_END, "PLAN")];
    const args = { status: "ACCEPTED" as const, openClocks: accepted, timeZone: NEW_YORK, now: MON_23_NOV };
    expect(nextStepText({ ...args, viewer: "COORDINATOR" })).toBe(
      "Offer the case to a qualified reviewer. Assign a reviewer by Tue 1 Dec 2026, 11:59 PM ET. The decision is due by Fri 8 Jan 2027, 11:59 PM ET.",
    );
    expect(nextStepText({ ...args, viewer: "PLAN" })).toBe(
      "The request was accepted for review: upload your case file. Your case file is due by Tue 1 Dec 2026, 11:59 PM ET. The decision is due by Fri 8 Jan 2027, 11:59 PM ET.",
    );
    expect(nextStepText({ ...args, viewer: "REVIEWER", openClocks: [...accepted, clock("offerResponse", TUE_1_DEC_END, "REVIEWER")] })).toBe(
      "You were offered this case. Accept or decline by Tue 1 Dec 2026, 11:59 PM ET.",
    );
  });

  it("has a sentence for every status and every party", () => {
    const viewers: Viewer[] = ["APPLICANT", "COORDINATOR", "REVIEWER", "PLAN"];
    for (const viewer of viewers) {
      for (const status of CASE_STATUSES) {
        const text = nextStepText({ status, viewer, openClocks: [], timeZone: NEW_YORK, now: MON_23_NOV });
        expect(text, `${viewer} ${status}`).toMatch(/^[A-Z].*\.$/);
        expect(text).not.toMatch(/undefined|null/);
      }
    }
  });
});

describe("a case's deadlines, one line each", () => {
  const base = { responsible: "ORGANIZATION" as const, startedAt: new Date("2026-11-22T15:00:00Z"), closedAt: null };

  it("reads a running clock with its due time and the time left", () => {
    const decision = { ...base, kind: "decision" as const, status: "OPEN" as const, dueAt: new Date("2027-01-07T04:59:59Z") };
    expect(deadlineLine(decision, new Date("2026-12-25T12:00:00Z"), NEW_YORK)).toEqual({
      label: "Decision",
      text: "Decision due by Wed 6 Jan 2027, 11:59 PM ET — 12 days left",
      parts: ["Decision due by ", { at: decision.dueAt }, " — 12 days left"],
      state: "on_track",
    });
    // Under a fifth of the time left: due soon. Past it: overdue.
    expect(deadlineLine(decision, new Date("2027-01-03T12:00:00Z"), NEW_YORK).state).toBe("at_risk");
    expect(deadlineLine(decision, new Date("2027-01-08T12:00:00Z"), NEW_YORK)).toMatchObject({
      text: "Decision due by Wed 6 Jan 2027, 11:59 PM ET — overdue by 1 day",
      state: "overdue",
    });
  });

  it("reads ended clocks as met, missed or stopped, with when", () => {
    const now = new Date("2027-01-20T12:00:00Z");
    const dueAt = TUE_1_DEC_END;
    expect(deadlineLine({ ...base, kind: "eligibility", status: "MET", dueAt, closedAt: new Date("2026-11-24T14:00:00Z") }, now, NEW_YORK)).toEqual({
      label: "Eligibility decision",
      text: "Eligibility decision met on Tue 24 Nov 2026, 9:00 AM ET (due by Tue 1 Dec 2026, 11:59 PM ET)",
      parts: ["Eligibility decision met on ", { at: new Date("2026-11-24T14:00:00Z") }, " (due by ", { at: dueAt }, ")"],
      state: "met",
    });
    expect(deadlineLine({ ...base, kind: "planCaseFile", status: "MISSED", dueAt, closedAt: new Date("2026-12-03T17:30:00Z") }, now, NEW_YORK)).toMatchObject({
      text: "Plan case file missed: due by Tue 1 Dec 2026, 11:59 PM ET, done on Thu 3 Dec 2026, 12:30 PM ET",
      state: "missed",
    });
    expect(deadlineLine({ ...base, kind: "decision", status: "STOPPED", dueAt, closedAt: new Date("2026-11-25T20:05:00Z") }, now, NEW_YORK)).toMatchObject({
      text: "Decision stopped on Wed 25 Nov 2026, 3:05 PM ET when the review ended",
      state: "stopped",
    });
  });

  it("lists running clocks by due time, then ended ones latest first, saying who acts in the viewer's words", () => {
    const now = MON_23_NOV;
    const rows = [
      { ...base, id: "met-early", kind: "eligibility" as const, status: "MET" as const, dueAt: TUE_1_DEC_END, closedAt: new Date("2026-11-20T15:00:00Z") },
      { ...base, id: "decision", kind: "decision" as const, status: "OPEN" as const, dueAt: FRI_8_JAN_END },
      {
        ...base,
        id: "stopped-late",
        kind: "assignment" as const,
        status: "STOPPED" as const,
        dueAt: TUE_1_DEC_END,
        closedAt: new Date("2026-11-22T15:00:00Z"),
      },
      { ...base, id: "information", kind: "applicantInformation" as const, status: "OPEN" as const, responsible: "APPLICANT" as const, dueAt: TUE_1_DEC_END },
      { ...base, id: "file", kind: "planCaseFile" as const, status: "OPEN" as const, responsible: "PLAN" as const, dueAt: new Date("2026-12-20T04:59:59Z") },
    ];
    const items = deadlineItems(rows, "APPLICANT", now, NEW_YORK);
    expect(items.map((item) => item.id)).toEqual(["information", "file", "decision", "stopped-late", "met-early"]);
    expect(items.map((item) => item.responsible)).toEqual([
      "You",
      "Your health plan",
      "The review organization",
      "The review organization",
      "The review organization",
    ]);
    expect(items[0]).toMatchObject({ text: "Additional information due by Tue 1 Dec 2026, 11:59 PM ET — 8 days left", state: "on_track" });
  });

  it("names the responsible party for each viewer", () => {
    expect(responsibleWords("PLAN", "PLAN")).toBe("You");
    expect(responsibleWords("PLAN", "COORDINATOR")).toBe("The health plan");
    expect(responsibleWords("APPLICANT", "COORDINATOR")).toBe("The applicant");
    expect(responsibleWords("REVIEWER", "APPLICANT")).toBe("The reviewer");
    expect(responsibleWords("ORGANIZATION", "COORDINATOR")).toBe("Coordinators");
  });
});

describe("the timeline's words", () => {
  it("labels known events, then by the status reached, then by the event's own name", () => {
    expect(timelineLabel("information_provided", null)).toBe("Requested information sent");
    expect(timelineLabel("withdrawn", "WITHDRAWN")).toBe("Request withdrawn");
    expect(timelineLabel("offer_accepted", "IN_REVIEW")).toBe("A reviewer accepted the case");
    // Every entry is past: none reads as where the case stands now.
    expect(timelineLabel("something_new", "IN_REVIEW")).toBe("Moved to: with the reviewer");
    expect(timelineLabel("plan_file_uploaded", null)).toBe("Plan file uploaded");
  });
});

describe("where each party looks at a case", () => {
  it("sends each role to its own case page, and emails to the reference link", () => {
    expect(casePagePath("APPLICANT", "c1")).toBe("/requests/c1");
    expect(casePagePath("COORDINATOR", "c1")).toBe("/iro/cases/c1");
    expect(casePagePath("REVIEWER", "c1")).toBe("/review/cases/c1");
    expect(casePagePath("PLAN", "c1")).toBe("/plan/cases/c1");
    expect(caseLinkPath("IMR-2026-000123")).toBe("/cases/IMR-2026-000123");
  });
});

describe("the applicant's forms", () => {
  it("needs an answer unless documents answer the request", () => {
    const empty = answerInformationSchema.safeParse({ version: "3", answer: "  " });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues).toEqual([expect.objectContaining({ path: ["answer"], message: ANSWER_REQUIRED_MESSAGE })]);
    expect(answerInformationSchema.parse({ version: "3", answer: "", documentCount: "2" })).toEqual({ version: 3, answer: "", documentCount: 2 });
    expect(answerInformationSchema.parse({ version: "3", answer: " The letter is attached. " }).answer).toBe("The letter is attached.");
    const long = answerInformationSchema.safeParse({ version: "3", answer: "x".repeat(10_001) });
    expect(long.error?.issues[0]?.message).toBe("Use at most 10,000 characters.");
  });

  it("takes an optional reason to withdraw and the version seen", () => {
    expect(withdrawSchema.parse({ version: "2", reason: "  " })).toEqual({ version: 2, reason: undefined });
    expect(withdrawSchema.parse({ version: "2", reason: "I got the treatment elsewhere" }).reason).toBe("I got the treatment elsewhere");
    expect(withdrawSchema.safeParse({ version: "x" }).success).toBe(false);
  });
});
