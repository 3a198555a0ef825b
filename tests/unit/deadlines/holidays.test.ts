import { describe, expect, it } from "vitest";
import { addBusinessDays } from "~/domain/deadlines/calendar";
import {
  federalHolidayDates,
  federalHolidayOn,
  federalHolidays,
  federalHolidaysBetween,
  isFederalHoliday,
  organizationHolidays,
} from "~/domain/deadlines/holidays";

// Expected lists worked out by hand from the weekday of Jan 1 and month lengths
// (2021 and 2027 both start on a Friday, 2022 on a Saturday, 2026 on a Thursday).
const H = (date: string, actualDate: string, name: string) => ({ date, actualDate, name });

describe("federal holidays", () => {
  it("2021: Juneteenth's first year, observed Fri Jun 18 (19th a Saturday); July 4 a Sunday → Mon Jul 5; Christmas a Saturday → Fri Dec 24", () => {
    expect(federalHolidays(2021)).toEqual([
      H("2021-01-01", "2021-01-01", "New Year's Day"), // Friday
      H("2021-01-18", "2021-01-18", "Birthday of Martin Luther King, Jr."), // Mondays 4, 11, 18
      H("2021-02-15", "2021-02-15", "Washington's Birthday"), // Feb 1 a Monday: 1, 8, 15
      H("2021-05-31", "2021-05-31", "Memorial Day"), // May 1 a Saturday, last Monday the 31st
      H("2021-06-18", "2021-06-19", "Juneteenth National Independence Day"),
      H("2021-07-05", "2021-07-04", "Independence Day"),
      H("2021-09-06", "2021-09-06", "Labor Day"), // Sep 1 a Wednesday
      H("2021-10-11", "2021-10-11", "Columbus Day"), // Oct 1 a Friday: Mondays 4, 11
      H("2021-11-11", "2021-11-11", "Veterans Day"), // Thursday
      H("2021-11-25", "2021-11-25", "Thanksgiving Day"), // Thursdays 4, 11, 18, 25
      H("2021-12-24", "2021-12-25", "Christmas Day"),
    ]);
  });

  it("2022: New Year's Day on a Saturday is observed Fri 2021-12-31; Juneteenth and Christmas on Sundays move to Monday", () => {
    expect(federalHolidays(2022)).toEqual([
      H("2021-12-31", "2022-01-01", "New Year's Day"),
      H("2022-01-17", "2022-01-17", "Birthday of Martin Luther King, Jr."), // Mondays 3, 10, 17
      H("2022-02-21", "2022-02-21", "Washington's Birthday"), // Feb 1 a Tuesday: Mondays 7, 14, 21
      H("2022-05-30", "2022-05-30", "Memorial Day"), // May 31 a Tuesday
      H("2022-06-20", "2022-06-19", "Juneteenth National Independence Day"),
      H("2022-07-04", "2022-07-04", "Independence Day"), // Monday
      H("2022-09-05", "2022-09-05", "Labor Day"), // Sep 1 a Thursday
      H("2022-10-10", "2022-10-10", "Columbus Day"), // Oct 1 a Saturday: Mondays 3, 10
      H("2022-11-11", "2022-11-11", "Veterans Day"), // Friday
      H("2022-11-24", "2022-11-24", "Thanksgiving Day"), // Nov 1 a Tuesday: Thursdays 3, 10, 17, 24
      H("2022-12-26", "2022-12-25", "Christmas Day"),
    ]);
  });

  it("2026: July 4 on a Saturday is observed Fri Jul 3; the rest fall on weekdays", () => {
    expect(federalHolidays(2026)).toEqual([
      H("2026-01-01", "2026-01-01", "New Year's Day"), // Thursday
      H("2026-01-19", "2026-01-19", "Birthday of Martin Luther King, Jr."), // Mondays 5, 12, 19
      H("2026-02-16", "2026-02-16", "Washington's Birthday"), // Feb 1 a Sunday: Mondays 2, 9, 16
      H("2026-05-25", "2026-05-25", "Memorial Day"), // May 1 a Friday, May 31 a Sunday
      H("2026-06-19", "2026-06-19", "Juneteenth National Independence Day"), // Friday
      H("2026-07-03", "2026-07-04", "Independence Day"),
      H("2026-09-07", "2026-09-07", "Labor Day"), // Sep 1 a Tuesday
      H("2026-10-12", "2026-10-12", "Columbus Day"), // Oct 1 a Thursday: Mondays 5, 12
      H("2026-11-11", "2026-11-11", "Veterans Day"), // Wednesday
      H("2026-11-26", "2026-11-26", "Thanksgiving Day"), // Nov 1 a Sunday: Thursdays 5, 12, 19, 26
      H("2026-12-25", "2026-12-25", "Christmas Day"), // Friday
    ]);
  });

  it("2027: Juneteenth and Christmas on Saturdays → Fridays (Jun 18, Dec 24); July 4 a Sunday → Mon Jul 5", () => {
    expect(federalHolidays(2027)).toEqual([
      H("2027-01-01", "2027-01-01", "New Year's Day"), // Friday
      H("2027-01-18", "2027-01-18", "Birthday of Martin Luther King, Jr."),
      H("2027-02-15", "2027-02-15", "Washington's Birthday"),
      H("2027-05-31", "2027-05-31", "Memorial Day"),
      H("2027-06-18", "2027-06-19", "Juneteenth National Independence Day"),
      H("2027-07-05", "2027-07-04", "Independence Day"),
      H("2027-09-06", "2027-09-06", "Labor Day"),
      H("2027-10-11", "2027-10-11", "Columbus Day"),
      H("2027-11-11", "2027-11-11", "Veterans Day"), // Thursday
      H("2027-11-25", "2027-11-25", "Thanksgiving Day"),
      H("2027-12-24", "2027-12-25", "Christmas Day"),
    ]);
  });

  it("New Year's Day 2028 (a Saturday) is observed Fri 2027-12-31, listed under 2028", () => {
    expect(federalHolidays(2028)[0]).toEqual(H("2027-12-31", "2028-01-01", "New Year's Day"));
  });

  it("has no Juneteenth before 2021, and 10 holidays then, 11 from 2021", () => {
    const y2020 = federalHolidays(2020);
    expect(y2020).toHaveLength(10);
    expect(y2020.some((h) => h.name.startsWith("Juneteenth"))).toBe(false);
    expect(federalHolidays(2021)).toHaveLength(11);
  });

  it("2020: July 4 on a Saturday → Fri Jul 3; Memorial Day is the last Monday (May 25)", () => {
    const y2020 = federalHolidays(2020);
    expect(y2020.find((h) => h.name === "Independence Day")?.date).toBe("2020-07-03");
    expect(y2020.find((h) => h.name === "Memorial Day")?.date).toBe("2020-05-25");
  });

  it("lists a range of years in observed-date order, with both of 2021's late-December closures", () => {
    const list = federalHolidaysBetween(2021, 2022);
    expect(list).toHaveLength(22);
    const dates = list.map((h) => h.date);
    expect([...dates].sort()).toEqual(dates);
    expect(dates).toContain("2021-12-24");
    expect(dates).toContain("2021-12-31");
  });

  it("gives the observed dates as a set for the calendar", () => {
    const dates = federalHolidayDates(2026, 2027);
    expect(dates.has("2026-07-03")).toBe(true);
    expect(dates.has("2026-07-04")).toBe(false);
    expect(dates.has("2027-12-24")).toBe(true);
    expect(dates.size).toBe(22);
  });

  it("refuses nonsense years", () => {
    expect(() => federalHolidays(2026.5)).toThrow(RangeError);
    expect(() => federalHolidaysBetween(2027, 2026)).toThrow(RangeError);
  });
});

describe("the organization's holidays, by rule for any year", () => {
  const federalOnly = organizationHolidays([], []);

  it("2 Jul 2036 + 5 business days is Thu 10 Jul: Independence Day (Fri 4 Jul) is skipped, with no table", () => {
    expect(addBusinessDays("2036-07-02", 5, federalOnly)).toBe("2036-07-10");
  });

  it("observes a Saturday holiday on the Friday before and a Sunday one on the Monday after, in years no table listed", () => {
    // 4 July 2037 is a Saturday, 4 July 2038 a Sunday; Christmas 2038 a Saturday, 2039 a Sunday.
    expect(["2037-07-03", "2038-07-05", "2038-12-24", "2039-12-26"].map((date) => federalOnly.has(date))).toEqual([true, true, true, true]);
    expect(["2037-07-04", "2038-07-04", "2038-12-25", "2039-12-25"].map((date) => federalOnly.has(date))).toEqual([false, false, false, false]);
    // New Year's Day 2039 is a Saturday: observed on Fri 31 Dec 2038.
    expect(isFederalHoliday("2038-12-31")).toBe(true);
    expect(federalHolidayOn("2038-12-31")).toEqual({ date: "2038-12-31", actualDate: "2039-01-01", name: "New Year's Day" });
    // Juneteenth 2039 is a Sunday: Monday 20 June.
    expect(isFederalHoliday("2039-06-20")).toBe(true);
  });

  it("counts Juneteenth from 2021 only", () => {
    expect(isFederalHoliday("2020-06-19")).toBe(false); // a Friday, not yet a holiday
    expect(isFederalHoliday("2021-06-18")).toBe(true); // observed the Friday before the Saturday
  });

  it("finds the floating holidays of a far year: Thanksgiving 2061 is Thu 24 Nov, Memorial Day 2061 Mon 30 May", () => {
    expect(isFederalHoliday("2061-11-24")).toBe(true);
    expect(isFederalHoliday("2061-05-30")).toBe(true);
    expect(isFederalHoliday("2061-11-25")).toBe(false);
  });

  it("adds the administrator's days and leaves out the federal days they removed", () => {
    const edited = organizationHolidays(["2036-11-28"], ["2036-11-11"]);
    expect(edited.has("2036-11-28")).toBe(true); // the day after Thanksgiving, added
    expect(edited.has("2036-11-11")).toBe(false); // Veterans Day, removed
    expect(edited.has("2036-11-27")).toBe(true); // Thanksgiving, by rule
    expect(addBusinessDays("2036-11-26", 2, edited)).toBe("2036-12-02");
  });

  it("answers no for a date outside the years the rule covers, without failing", () => {
    expect(isFederalHoliday("0000-01-01")).toBe(false);
    expect(isFederalHoliday("not a date")).toBe(false);
  });
});
