import { describe, expect, it } from "vitest";
import { isPastRetention, mayConfirmPurge, mayPurge, retainedUntil, retentionStage, type RetentionFacts } from "~/domain/retention";

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

describe("purging after retention", () => {
  const archived: RetentionFacts = { keptUntil: "2026-03-15", archived: true, held: false, purgeConfirmed: false };

  it("is due for purge once archived past retention, awaiting an administrator's confirmation", () => {
    expect(retentionStage({ ...archived, archived: false }, "2026-03-16")).toBe("due-to-archive");
    expect(retentionStage(archived, "2026-03-16")).toBe("due-for-purge");
    expect(mayConfirmPurge(archived, "2026-03-16")).toBe(true);
    expect(mayPurge(archived, "2026-03-16")).toBe(false);
  });

  it("purges only what was confirmed, once, and never before the retention ran out", () => {
    const confirmed = { ...archived, purgeConfirmed: true };
    expect(retentionStage(confirmed, "2026-03-16")).toBe("purge-confirmed");
    expect(mayPurge(confirmed, "2026-03-16")).toBe(true);
    expect(mayConfirmPurge(confirmed, "2026-03-16")).toBe(false);
    // On the last day kept, nothing may go, whatever was recorded.
    expect(retentionStage(confirmed, "2026-03-15")).toBe("kept");
    expect(mayPurge(confirmed, "2026-03-15")).toBe(false);
    expect(mayConfirmPurge({ ...archived, archived: false }, "2026-03-16")).toBe(false);
  });

  it("purges nothing under a legal hold, even one placed after the confirmation", () => {
    const held = { ...archived, purgeConfirmed: true, held: true };
    expect(retentionStage(held, "2030-01-01")).toBe("held");
    expect(mayPurge(held, "2030-01-01")).toBe(false);
    expect(mayConfirmPurge({ ...archived, held: true }, "2030-01-01")).toBe(false);
  });
});
