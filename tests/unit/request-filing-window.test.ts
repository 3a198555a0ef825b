import { describe, expect, it } from "vitest";
import { isFiledLate, lastDayToFile } from "~/domain/requests/filing-window";

const months = (amount: number) => ({ amount, unit: "months" as const });

describe("the last day to file after a final denial", () => {
  it.each([
    ["2026-03-14", 4, "2026-07-14"],
    // Month ends: there is no 31 February, 30 February or 31 June.
    ["2025-10-31", 4, "2026-02-28"],
    ["2027-10-31", 4, "2028-02-29"],
    ["2026-08-31", 6, "2027-02-28"],
    ["2026-02-28", 4, "2026-06-28"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2026-03-31", 3, "2026-06-30"],
    ["2026-12-31", 6, "2027-06-30"],
    ["2023-08-30", 6, "2024-02-29"],
  ])("a denial of %s with a %i-month window may be filed until %s", (denial, amount, last) => {
    expect(lastDayToFile(denial, months(amount))).toBe(last);
  });

  it("counts years as twelve months, so 29 February becomes 28 February", () => {
    expect(lastDayToFile("2028-02-29", { amount: 1, unit: "years" })).toBe("2029-02-28");
  });

  it("counts calendar days and business days (skipping weekends and holidays)", () => {
    expect(lastDayToFile("2026-12-30", { amount: 5, unit: "calendar_days" })).toBe("2027-01-04");
    // Friday 2 January 2026 + 3 business days, Monday 5 January a holiday: Thursday 8 January.
    expect(lastDayToFile("2026-01-02", { amount: 3, unit: "business_days" }, new Set(["2026-01-05"]))).toBe("2026-01-08");
  });
});

describe("a request filed late", () => {
  it("is in time up to and including the window's last day, and late the day after", () => {
    expect(isFiledLate("2025-10-31", "2026-02-28", months(4))).toBe(false);
    expect(isFiledLate("2025-10-31", "2026-03-01", months(4))).toBe(true);
    expect(isFiledLate("2026-03-14", "2026-03-14", months(4))).toBe(false);
  });

  it("depends on the profile: the same denial is late under 4 months and in time under 6", () => {
    expect(isFiledLate("2026-01-15", "2026-06-01", months(4))).toBe(true);
    expect(isFiledLate("2026-01-15", "2026-06-01", months(6))).toBe(false);
  });
});
