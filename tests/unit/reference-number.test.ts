import { expect, it } from "vitest";
import { formatReference, REFERENCE_PATTERN } from "~/domain/reference-number";

it("pads the yearly sequence to six digits", () => {
  expect(formatReference(2026, 1)).toBe("IMR-2026-000001");
  expect(formatReference(2027, 123456)).toBe("IMR-2027-123456");
  expect(REFERENCE_PATTERN.test(formatReference(2026, 42))).toBe(true);
});

it("refuses numbers a year cannot hold", () => {
  expect(() => formatReference(2026, 0)).toThrow(RangeError);
  expect(() => formatReference(2026, 1_000_000)).toThrow(RangeError);
});
