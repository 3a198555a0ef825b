import { describe, expect, it } from "vitest";
import {
  type DecidedCase,
  elapsedDays,
  lastFullMonth,
  median,
  percentile,
  roundToTenth,
  timelinessByGroup,
  timelinessCsv,
  timelinessFigures,
  yearToDate,
} from "~/domain/reports/timeliness";

const DAY = 86_400_000;
const T0 = new Date("2026-03-02T15:00:00Z");
const after = (days: number) => new Date(T0.getTime() + days * DAY);

function decided(days: number | null, clock: DecidedCase["decisionClock"], group: Partial<DecidedCase> = {}): DecidedCase {
  return {
    profileCode: "naic",
    track: "STANDARD",
    disputeType: "MEDICAL_NECESSITY",
    clockStartedAt: days === null ? null : T0,
    decidedAt: after(days ?? 0),
    decisionClock: clock,
    ...group,
  };
}

describe("median and 95th percentile", () => {
  it("interpolate between the nearest ranks, as PostgreSQL's percentile_cont does", () => {
    // [1 2 3 4]: the median sits halfway between 2 and 3; p95 at rank 0.95 × 3 = 2.85, 85% of the way from 3 to 4.
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 10);
    // Unsorted input [10 1 4 2 8] sorts to [1 2 4 8 10]: median is the middle value; p95 at rank 3.8 is 8 + 0.8 × 2.
    expect(median([10, 1, 4, 2, 8])).toBe(4);
    expect(percentile([10, 1, 4, 2, 8], 0.95)).toBeCloseTo(9.6, 10);
    // 1..20: p95 at rank 18.05, between 19 and 20.
    expect(
      percentile(
        Array.from({ length: 20 }, (_, i) => i + 1),
        0.95,
      ),
    ).toBeCloseTo(19.05, 10);
  });

  it("take the only value of a single case, and nothing of no cases", () => {
    expect(median([7])).toBe(7);
    expect(percentile([7], 0.95)).toBe(7);
    expect(median([])).toBeNull();
    expect(percentile([], 0.95)).toBeNull();
  });

  it("leave the caller's values in their order", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it("refuse a share outside 0 to 1", () => {
    expect(() => percentile([1], 95)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe("days", () => {
  it("count elapsed 24-hour periods and round to one decimal", () => {
    expect(elapsedDays(T0, new Date(T0.getTime() + 36 * 3_600_000))).toBe(1.5);
    expect(roundToTenth(19.96)).toBe(20);
    expect(roundToTenth(2.04)).toBe(2);
    expect(roundToTenth(2.06)).toBe(2.1);
  });
});

describe("the default ranges", () => {
  it("the last full month is the calendar month before today, across a new year and a leap February", () => {
    expect(lastFullMonth("2026-01-15")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(lastFullMonth("2024-03-01")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(lastFullMonth("2026-07-31")).toEqual({ from: "2026-06-01", to: "2026-06-30" });
  });

  it("year to date runs from 1 January to today", () => {
    expect(yearToDate("2026-05-09")).toEqual({ from: "2026-01-01", to: "2026-05-09" });
  });
});

describe("timeliness figures", () => {
  it("count on time and late by the decision clock, and measure days from its start", () => {
    const figures = timelinessFigures([decided(10, "MET"), decided(20, "MET"), decided(30, "MISSED"), decided(null, null)]);
    // 2 of the 3 measured cases on time; days [10 20 30]: median 20, p95 at rank 1.9 = 20 + 0.9 × 10.
    expect(figures).toEqual({ decided: 4, onTime: 2, late: 1, onTimePercent: 66.7, medianDays: 20, p95Days: 29 });
  });

  it("have no share or days when nothing was measured", () => {
    expect(timelinessFigures([])).toEqual({ decided: 0, onTime: 0, late: 0, onTimePercent: null, medianDays: null, p95Days: null });
  });

  it("group by rule profile, then track, then type of dispute, an unrecorded type last", () => {
    const groups = timelinessByGroup([
      decided(3, "MET", { profileCode: "naic", track: "EXPEDITED", disputeType: "URGENT_CARE" }),
      decided(40, "MISSED", { profileCode: "naic", disputeType: null }),
      decided(20, "MET", { profileCode: "california" }),
      decided(30, "MET", { profileCode: "naic" }),
      decided(44, "MISSED", { profileCode: "naic" }),
      decided(2, "MET", { profileCode: "naic", disputeType: "EXPERIMENTAL_INVESTIGATIONAL" }),
    ]);
    expect(groups.map((group) => [group.profileCode, group.track, group.disputeType, group.decided, group.onTimePercent, group.medianDays])).toEqual([
      ["california", "STANDARD", "MEDICAL_NECESSITY", 1, 100, 20],
      ["naic", "STANDARD", "MEDICAL_NECESSITY", 2, 50, 37],
      ["naic", "STANDARD", "EXPERIMENTAL_INVESTIGATIONAL", 1, 100, 2],
      ["naic", "STANDARD", null, 1, 0, 40],
      ["naic", "EXPEDITED", "URGENT_CARE", 1, 100, 3],
    ]);
  });

  it("download as CSV with a header row and days to one decimal", () => {
    const [group] = timelinessByGroup([decided(10, "MET"), decided(31, "MISSED")]);
    const csv = timelinessCsv([{ ...group!, profileName: "NAIC model, 2024" }]);
    expect(csv.split("\r\n")).toEqual([
      "Rule profile code,Rule profile,Track,Dispute type,Decided,Decided on time,Decided late,On time (%),Median days,95th percentile days",
      // Median of [10 31] is 20.5; p95 is 10 + 0.95 × 21 = 29.95, shown as 30.0.
      'naic,"NAIC model, 2024",Standard,Medical necessity,2,1,1,50.0,20.5,30.0',
      "",
    ]);
  });
});
