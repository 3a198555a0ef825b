import { describe, expect, it } from "vitest";
import { isPastRetention, retainedUntil } from "~/domain/retention";

describe("record retention", () => {
  it("keeps records the profile's years or months after the case ended, to the same date", () => {
    expect(retainedUntil("2023-03-15", { amount: 3, unit: "years" })).toBe("2026-03-15");
    expect(retainedUntil("2020-11-30", { amount: 6, unit: "years" })).toBe("2026-11-30");
    expect(retainedUntil("2026-01-31", { amount: 1, unit: "months" })).toBe("2026-02-28");
    // Ended on 29 February: kept to 28 February three years on.
    expect(retainedUntil("2024-02-29", { amount: 3, unit: "years" })).toBe("2027-02-28");
  });

  it("is past from the day after the last day kept", () => {
    expect(isPastRetention("2026-03-15", "2026-03-15")).toBe(false);
    expect(isPastRetention("2026-03-15", "2026-03-16")).toBe(true);
  });

  it("refuses a retention in days or hours", () => {
    expect(() => retainedUntil("2026-01-01", { amount: 30, unit: "calendar_days" })).toThrow(RangeError);
  });
});
