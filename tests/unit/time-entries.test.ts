import { describe, expect, it } from "vitest";
import { CASE_STATUSES } from "~/domain/case-status";
import { entryRefusal, formatMinutes, TIME_LIMITS, timeLogOpen, timerMinutes, totalMinutes } from "~/domain/time-entries";

describe("when a reviewer's time on a case can be logged or changed", () => {
  it("while the case is in review or its determination in quality review, by the reviewer holding it; locked from the decision on", () => {
    const open = CASE_STATUSES.filter((status) => timeLogOpen(status, "ACCEPTED"));
    expect(open).toEqual(["IN_REVIEW", "DETERMINED"]);
    for (const status of ["DECIDED", "CLOSED"] as const) {
      expect(timeLogOpen(status, "ACCEPTED")).toBe(false);
      expect(timeLogOpen(status, "COMPLETED")).toBe(false);
    }
  });

  it("not by a reviewer who was replaced, whose offer is still open, or whose work ended", () => {
    for (const assignment of ["OFFERED", "REPLACED", "CANCELLED", "COMPLETED", "DECLINED", "EXPIRED"] as const) {
      expect(timeLogOpen("IN_REVIEW", assignment), assignment).toBe(false);
    }
  });
});

describe("the limits of an entry", () => {
  it("takes whole minutes from 1 to 600", () => {
    expect(entryRefusal(1, 0)).toBeNull();
    expect(entryRefusal(600, 0)).toBeNull();
    for (const minutes of [0, -5, 601, 12.5])
      expect(entryRefusal(minutes, 0), String(minutes)).toBe("Enter whole minutes from 1 to 600 (10 hours) for one entry.");
  });

  it("keeps the reviewer's total on one case within 100 hours, saying how much is left", () => {
    expect(TIME_LIMITS.caseMinutes).toBe(6_000);
    expect(entryRefusal(600, 5_400)).toBeNull();
    expect(entryRefusal(61, 5_940)).toBe(
      "This would bring your time on the case past 100 hours: you can log 1 hour more. Ask the coordinator if the case needed more.",
    );
    expect(entryRefusal(1, 6_000)).toMatch(/you can log 0 minutes more/);
  });
});

describe("minutes in words and the page's timer", () => {
  it("says the total as a person would", () => {
    expect([0, 1, 45, 60, 90, 125, 6_000].map(formatMinutes)).toEqual([
      "0 minutes",
      "1 minute",
      "45 minutes",
      "1 hour",
      "1 hour 30 minutes",
      "2 hours 5 minutes",
      "100 hours",
    ]);
    expect(totalMinutes([{ minutes: 45 }, { minutes: 30 }])).toBe(75);
  });

  it("offers the time the page was open rounded to the minute, within one entry's limits", () => {
    expect(timerMinutes(20_000)).toBe(1);
    expect(timerMinutes(44.6 * 60_000)).toBe(45);
    expect(timerMinutes(11 * 3_600_000)).toBe(600);
  });
});
