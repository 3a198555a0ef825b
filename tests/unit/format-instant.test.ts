import { describe, expect, it } from "vitest";
import { formatInstant } from "~/domain/format-instant";

describe("formatInstant", () => {
  const at = new Date("2026-12-05T19:04:31Z");

  it("shows the instant in the organization's zone, naming the zone whenever a time is shown", () => {
    expect(formatInstant(at, "America/New_York")).toBe("Dec 5, 2026, 2:04 PM EST");
    expect(formatInstant(at, "America/Los_Angeles")).toBe("Dec 5, 2026, 11:04 AM PST");
    expect(formatInstant(at, "America/New_York", "dateTimeSeconds")).toBe("Dec 5, 2026, 2:04:31 PM EST");
  });

  it("gives the date of the zone, which is not always the date in UTC", () => {
    const lateEvening = new Date("2026-12-06T03:30:00Z");
    expect(formatInstant(lateEvening, "America/New_York", "date")).toBe("Dec 5, 2026");
    expect(formatInstant(lateEvening, "UTC", "date")).toBe("Dec 6, 2026");
  });

  it("follows daylight saving time", () => {
    expect(formatInstant("2026-07-04T16:00:00Z", "America/New_York")).toBe("Jul 4, 2026, 12:00 PM EDT");
  });
});
