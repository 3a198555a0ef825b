import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "~/domain/reports/csv";

describe("CSV cells", () => {
  it("leave plain text and numbers as they are, and write nothing for a missing value", () => {
    expect(csvCell("Medical necessity")).toBe("Medical necessity");
    expect(csvCell(12)).toBe("12");
    expect(csvCell(2.5)).toBe("2.5");
    expect(csvCell(null)).toBe("");
  });

  it("quote a field with a comma, a quote or a line break, doubling the quotes inside", () => {
    expect(csvCell("Spine, lumbar")).toBe('"Spine, lumbar"');
    expect(csvCell('The "standard of care"')).toBe('"The ""standard of care"""');
    expect(csvCell("First line\nsecond line")).toBe('"First line\nsecond line"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("quote a field with spaces at either end, which readers would otherwise trim", () => {
    expect(csvCell(" padded ")).toBe('" padded "');
  });

  it("keep text that starts like a formula from running in a spreadsheet", () => {
    expect(csvCell('=HYPERLINK("http://evil.test")')).toBe('"\'=HYPERLINK(""http://evil.test"")"');
    expect(csvCell("+1 555")).toBe("'+1 555");
    expect(csvCell("-2 days")).toBe("'-2 days");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    // A number is data, never a formula.
    expect(csvCell(-2)).toBe("-2");
  });

  it("refuse a number a file cannot hold", () => {
    expect(() => csvCell(Number.NaN)).toThrow(RangeError);
    expect(() => csvCell(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("CSV files", () => {
  it("start with the header row and end every line with CRLF", () => {
    expect(
      toCsv(
        ["Reference ID", "Findings"],
        [
          ["IMR-2026-000001", "Upheld, as the plan said"],
          ["IMR-2026-000002", null],
        ],
      ),
    ).toBe('Reference ID,Findings\r\nIMR-2026-000001,"Upheld, as the plan said"\r\nIMR-2026-000002,\r\n');
  });

  it("still have the header row when there are no rows", () => {
    expect(toCsv(["A", "B"], [])).toBe("A,B\r\n");
  });
});
