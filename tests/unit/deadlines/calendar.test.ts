import { describe, expect, it } from "vitest";
import type { RuleDuration } from "~/domain/rule-profiles";
import {
  addBusinessDays,
  addMonthsClamped,
  addRuleDuration,
  endOfLocalDate,
  endOfLocalDay,
  isBusinessDay,
  type DeadlineCalendar,
} from "~/domain/deadlines/calendar";
import { formatOffsetIso } from "~/domain/deadlines/time-zone";

const NY = "America/New_York";
const NONE: ReadonlySet<string> = new Set();
const d = (amount: number, unit: RuleDuration["unit"]): RuleDuration => ({ amount, unit });

function due(start: string, duration: RuleDuration, calendar: DeadlineCalendar): string {
  return formatOffsetIso(addRuleDuration(new Date(start), duration, calendar), calendar.timeZone);
}

describe("isBusinessDay", () => {
  it("is Monday to Friday minus holidays", () => {
    const holidays = new Set(["2026-07-03"]);
    expect(isBusinessDay("2026-07-02", holidays)).toBe(true); // Thursday
    expect(isBusinessDay("2026-07-03", holidays)).toBe(false); // Friday, observed July 4
    expect(isBusinessDay("2026-07-04", holidays)).toBe(false); // Saturday
    expect(isBusinessDay("2026-07-05", holidays)).toBe(false); // Sunday
    expect(isBusinessDay("2026-07-06", holidays)).toBe(true); // Monday
  });
});

describe("a holiday on each weekday inside a 5-business-day span", () => {
  // Start Fri 2026-04-10 (no federal holidays in April). Without holidays the
  // 5 business days are Mon 13 … Fri 17; one weekday holiday pushes the end to Mon 20.
  const start = "2026-04-10T12:00:00-04:00";
  it("without holidays ends Fri Apr 17", () => {
    expect(due(start, d(5, "business_days"), { timeZone: NY, holidays: NONE })).toBe("2026-04-17T23:59:59-04:00");
  });
  for (const [weekday, date] of [
    ["Monday", "2026-04-13"],
    ["Tuesday", "2026-04-14"],
    ["Wednesday", "2026-04-15"],
    ["Thursday", "2026-04-16"],
    ["Friday", "2026-04-17"],
  ] as const) {
    it(`a ${weekday} holiday (${date}) moves the end to Mon Apr 20`, () => {
      expect(due(start, d(5, "business_days"), { timeZone: NY, holidays: new Set([date]) })).toBe("2026-04-20T23:59:59-04:00");
    });
  }
  it("a holiday on the weekend changes nothing (Sat Apr 11)", () => {
    expect(due(start, d(5, "business_days"), { timeZone: NY, holidays: new Set(["2026-04-11"]) })).toBe("2026-04-17T23:59:59-04:00");
  });
  it("a holiday an admin adds (the day after Thanksgiving) counts like any other", () => {
    // Wed 2026-11-25 + 2: Thu 26 and Fri 27 closed → Mon 30 (1), Tue Dec 1 (2).
    const holidays = new Set(["2026-11-26", "2026-11-27"]);
    expect(due("2026-11-25T10:00:00-05:00", d(2, "business_days"), { timeZone: NY, holidays })).toBe("2026-12-01T23:59:59-05:00");
  });
});

describe("addRuleDuration basics", () => {
  const cal: DeadlineCalendar = { timeZone: NY, holidays: NONE };

  it("hours are elapsed time and keep the start's milliseconds", () => {
    const start = new Date("2026-03-07T12:00:00.250-05:00");
    expect(addRuleDuration(start, d(24, "hours"), cal).getTime() - start.getTime()).toBe(24 * 3_600_000);
    // Sat 12:00 EST + 24 h lands on Sunday 13:00 EDT: the wall clock gained the lost hour.
    expect(formatOffsetIso(addRuleDuration(start, d(24, "hours"), cal), NY)).toBe("2026-03-08T13:00:00.250-04:00");
  });

  it("day-based deadlines end at 23:59:59.000 local whatever the start's time", () => {
    const end = addRuleDuration(new Date("2026-01-05T10:11:12.345-05:00"), d(1, "calendar_days"), cal);
    expect(end.toISOString()).toBe("2026-01-07T04:59:59.000Z"); // Jan 6 23:59:59 EST
  });

  it("an amount of 0 is the end of the start's own local date (or the start itself for hours)", () => {
    expect(due("2026-01-10T10:00:00-05:00", d(0, "business_days"), cal)).toBe("2026-01-10T23:59:59-05:00");
    expect(due("2026-01-10T10:00:00-05:00", d(0, "calendar_days"), cal)).toBe("2026-01-10T23:59:59-05:00");
    expect(due("2026-01-10T10:00:00-05:00", d(0, "hours"), cal)).toBe("2026-01-10T10:00:00-05:00");
  });

  it("a business-day count starting on a weekend begins with Monday (Sat Jan 10 + 1 → Mon Jan 12)", () => {
    expect(due("2026-01-10T10:00:00-05:00", d(1, "business_days"), cal)).toBe("2026-01-12T23:59:59-05:00");
  });

  it("a business-day count from Friday 23:59:59 still skips the weekend (→ Mon)", () => {
    expect(due("2026-01-09T23:59:59-05:00", d(1, "business_days"), cal)).toBe("2026-01-12T23:59:59-05:00");
  });

  it("years land on Feb 28 from a leap day", () => {
    expect(due("2028-02-29T09:00:00-05:00", d(1, "years"), cal)).toBe("2029-02-28T23:59:59-05:00");
    expect(due("2028-02-29T09:00:00-05:00", d(4, "years"), cal)).toBe("2032-02-29T23:59:59-05:00");
  });

  it("refuses negative or fractional amounts, invalid dates and unknown zones", () => {
    expect(() => addRuleDuration(new Date(), d(-1, "calendar_days"), cal)).toThrow(RangeError);
    expect(() => addRuleDuration(new Date(), d(1.5, "hours"), cal)).toThrow(RangeError);
    expect(() => addRuleDuration(new Date(Number.NaN), d(1, "hours"), cal)).toThrow(RangeError);
    expect(() => addRuleDuration(new Date(), d(1, "calendar_days"), { timeZone: "Nowhere/Special", holidays: NONE })).toThrow(RangeError);
  });
});

describe("addBusinessDays and addMonthsClamped", () => {
  it("counts from the day after the date, skipping weekends and holidays", () => {
    expect(addBusinessDays("2026-12-30", 5, new Set(["2027-01-01"]))).toBe("2027-01-07"); // Thu 31, Mon 4, Tue 5, Wed 6, Thu 7
    expect(addBusinessDays("2026-01-05", 0, NONE)).toBe("2026-01-05");
  });

  it("clamps to the last day of a shorter month", () => {
    expect(addMonthsClamped("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonthsClamped("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonthsClamped("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonthsClamped("2026-05-31", 1)).toBe("2026-06-30");
    expect(addMonthsClamped("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonthsClamped("2026-03-31", -1)).toBe("2026-02-28");
  });
});

describe("end of a local day", () => {
  it("is the local date's 23:59:59 even when UTC is already the next day", () => {
    // 2026-11-24T04:30Z is 23:30 EST on the 23rd.
    expect(formatOffsetIso(endOfLocalDay(new Date("2026-11-24T04:30:00Z"), NY), NY)).toBe("2026-11-23T23:59:59-05:00");
    expect(formatOffsetIso(endOfLocalDay(new Date("2026-11-24T04:30:00Z"), "UTC"), "UTC")).toBe("2026-11-24T23:59:59+00:00");
  });

  it("carries the offset in force at the end of DST-change days (23-hour and 25-hour days)", () => {
    expect(formatOffsetIso(endOfLocalDate("2026-03-08", NY), NY)).toBe("2026-03-08T23:59:59-04:00");
    expect(formatOffsetIso(endOfLocalDate("2026-11-01", NY), NY)).toBe("2026-11-01T23:59:59-05:00");
    expect(formatOffsetIso(endOfLocalDate("2026-03-07", NY), NY)).toBe("2026-03-07T23:59:59-05:00");
    expect(formatOffsetIso(endOfLocalDate("2026-10-31", NY), NY)).toBe("2026-10-31T23:59:59-04:00");
  });

  it("is the true last second where DST changes at midnight (Santiago)", () => {
    // 2026-09-05 24:00 -04:00 becomes 01:00 -03:00: the day ends at 23:59:59 -04:00.
    expect(formatOffsetIso(endOfLocalDate("2026-09-05", "America/Santiago"), "America/Santiago")).toBe("2026-09-05T23:59:59-04:00");
    // 2026-04-04 24:00 -03:00 goes back to 23:00 -04:00, so 23:59:59 happens twice: the later one ends the day.
    expect(formatOffsetIso(endOfLocalDate("2026-04-04", "America/Santiago"), "America/Santiago")).toBe("2026-04-04T23:59:59-04:00");
  });
});
