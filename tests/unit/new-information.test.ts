import { describe, expect, it } from "vitest";
import type { DeadlineCalendar } from "~/domain/deadlines/calendar";
import { federalHolidayDates } from "~/domain/deadlines/holidays";
import { formatOffsetIso } from "~/domain/deadlines/time-zone";
import { applicantDocumentWindow, describeWindow, isNewInformation, windowIsOpen, type WindowFacts } from "~/domain/documents/new-information";
import { INITIAL_RULE_PROFILES, type RuleProfileCode } from "~/domain/rule-profiles";

const NY = "America/New_York";
const calendar: DeadlineCalendar = { timeZone: NY, holidays: federalHolidayDates(2025, 2028) };
const rule = (code: RuleProfileCode) => INITIAL_RULE_PROFILES.find((profile) => profile.code === code)!.rules.applicantInformation;

const FILED = new Date("2026-11-16T10:00:00-05:00");
// Wednesday before Thanksgiving (Thu 26 Nov 2026).
const ASSIGNED = new Date("2026-11-25T15:00:00-05:00");
const facts = (status: WindowFacts["status"], assignedAt: Date | null = null, code: RuleProfileCode = "naic"): WindowFacts => ({
  status,
  filedAt: FILED,
  assignedAt,
  rule: rule(code),
});

describe("the applicant's window to add documents", () => {
  it("lets documents join a filed request before acceptance, without sending them to the plan", () => {
    for (const status of ["SUBMITTED", "ELIGIBILITY_REVIEW"] as const) {
      const window = applicantDocumentWindow(facts(status), calendar, new Date("2026-11-17T09:00:00-05:00"));
      expect(window).toEqual({ state: "joins_case", opensAt: FILED });
      expect(windowIsOpen(window)).toBe(true);
      expect(isNewInformation(window)).toBe(false);
      expect(describeWindow(window, rule("naic"), NY).closes).toBe("5 business days after a reviewer is assigned (your request is not accepted yet)");
    }
  });

  it("makes every document after acceptance new information, open until a reviewer is assigned", () => {
    const window = applicantDocumentWindow(facts("ACCEPTED"), calendar, new Date("2027-03-01T09:00:00-05:00"));
    expect(window).toEqual({ state: "new_information", opensAt: FILED, closesAt: null });
    expect(isNewInformation(window)).toBe(true);
    const text = describeWindow(window, rule("naic"), NY);
    expect(text.opens).toBe("Mon 16 Nov 2026, 10:00 AM ET");
    expect(text.closes).toBe("5 business days after a reviewer is assigned (no reviewer is assigned yet)");
    expect(text.explanation).toContain("We send it to your health plan within 1 business day");
  });

  it("closes NAIC's 5 business days after the assignment, skipping Thanksgiving; the closing second still counts", () => {
    // Fri 27, Mon 30, Tue 1, Wed 2, Thu 3 December.
    const lastSecond = new Date("2026-12-03T23:59:59-05:00");
    const open = applicantDocumentWindow(facts("IN_REVIEW", ASSIGNED), calendar, lastSecond);
    expect(open.state).toBe("new_information");
    expect(open.state === "new_information" && open.closesAt && formatOffsetIso(open.closesAt, NY)).toBe("2026-12-03T23:59:59-05:00");
    expect(describeWindow(open, rule("naic"), NY).closes).toBe("Thu 3 Dec 2026, 11:59 PM ET");

    const closed = applicantDocumentWindow(facts("IN_REVIEW", ASSIGNED), calendar, new Date(lastSecond.getTime() + 1000));
    expect(closed).toEqual({ state: "closed", opensAt: FILED, closesAt: lastSecond });
    expect(windowIsOpen(closed)).toBe(false);
    // An answer to the organization's own request, accepted after the window, still goes to the plan.
    expect(isNewInformation(closed)).toBe(true);
    expect(describeWindow(closed, rule("naic"), NY).explanation).toBe(
      "The window to add documents closed on Thu 3 Dec 2026, 11:59 PM ET, 5 business days after a reviewer was assigned. If the review organization asks you for information, answer its request; otherwise contact the review organization.",
    );
  });

  it("gives the federal profile 10 business days and California 5", () => {
    const closesAt = (code: RuleProfileCode) => {
      const window = applicantDocumentWindow(facts("DETERMINED", ASSIGNED, code), calendar, ASSIGNED);
      return window.state === "new_information" && window.closesAt ? formatOffsetIso(window.closesAt, NY) : null;
    };
    // Fri 27 Nov … Thu 10 Dec: ten business days with Thanksgiving skipped.
    expect(closesAt("federal")).toBe("2026-12-10T23:59:59-05:00");
    expect(closesAt("california")).toBe("2026-12-03T23:59:59-05:00");
  });

  it("is over once the review ends, whatever the time", () => {
    for (const status of ["DECIDED", "CLOSED", "WITHDRAWN", "INELIGIBLE", "REVERSED_BY_PLAN"] as const) {
      const window = applicantDocumentWindow(facts(status, ASSIGNED), calendar, ASSIGNED);
      expect(window).toEqual({ state: "review_over", status });
      expect(isNewInformation(window)).toBe(false);
      const text = describeWindow(window, rule("naic"), NY);
      expect(text.opens).toBeNull();
      expect(text.explanation).toMatch(/documents can no longer be added/);
    }
  });
});
