import { describe, expect, it } from "vitest";
import { parseTimelinessQuery, regulatorExportQuerySchema } from "~/schemas/reports";

const query = (params: Record<string, string>) => parseTimelinessQuery(new URLSearchParams(params));

describe("the timeliness report's range", () => {
  it("takes two real dates in order, the same day included", () => {
    expect(query({ from: "2026-01-01", to: "2026-01-31" })).toEqual({ ok: true, range: { from: "2026-01-01", to: "2026-01-31" } });
    expect(query({ from: " 2026-02-28 ", to: "2026-02-28" })).toEqual({ ok: true, range: { from: "2026-02-28", to: "2026-02-28" } });
  });

  it("falls back to the default range only when no date was given at all", () => {
    expect(query({})).toEqual({ ok: true, range: undefined });
    expect(query({ from: "2026-01-01" })).toEqual({ ok: false, values: { from: "2026-01-01", to: "" }, fieldErrors: { to: "Enter the last day." } });
  });

  it("says which date is wrong, and keeps what was typed", () => {
    expect(query({ from: "2026-02-30", to: "2026-03-31" })).toEqual({
      ok: false,
      values: { from: "2026-02-30", to: "2026-03-31" },
      fieldErrors: { from: "Enter the first day as a real date, for example 2026-03-31." },
    });
    expect(query({ from: "1999-12-31", to: "2026-01-01" })).toMatchObject({ ok: false, fieldErrors: { from: "Enter a first day in 2000 or later." } });
  });

  it("refuses a last day before the first, next to the last day", () => {
    expect(query({ from: "2026-03-01", to: "2026-02-28" })).toEqual({
      ok: false,
      values: { from: "2026-03-01", to: "2026-02-28" },
      fieldErrors: { to: "The last day must be on or after the first day." },
    });
  });

  it("does not blame the last day when only the first is wrong", () => {
    expect(query({ from: "next tuesday", to: "2026-02-28" })).toEqual({
      ok: false,
      values: { from: "next tuesday", to: "2026-02-28" },
      fieldErrors: { from: "Enter the first day as a real date, for example 2026-03-31." },
    });
  });
});

describe("the regulator export's year", () => {
  it("takes a four-digit year from the query string", () => {
    expect(regulatorExportQuerySchema.parse({ year: "2025" })).toEqual({ year: 2025 });
  });

  it("refuses anything else with a message a person can act on", () => {
    for (const year of [undefined, "", "last", "1999", "2025.5", "3000"]) {
      const result = regulatorExportQuerySchema.safeParse({ year });
      expect(result.success, String(year)).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/^Choose (the year to export|a year from 2000 to 2100)/);
    }
  });
});
