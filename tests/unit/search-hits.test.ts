import { describe, expect, it } from "vitest";
import { coverageText, hiddenDuplicatesText, hitPageCount, MARK_START, MARK_STOP, snippetParts } from "~/domain/casefile/search-hits";

describe("a search hit's snippet", () => {
  it("splits into plain text and marked words, never HTML", () => {
    expect(snippetParts(`chest ${MARK_START}pain${MARK_STOP} on <b>exertion</b>`)).toEqual([
      { text: "chest ", marked: false },
      { text: "pain", marked: true },
      { text: " on <b>exertion</b>", marked: false },
    ]);
  });

  it("keeps a stray or unclosed marker from swallowing the text", () => {
    expect(snippetParts(`${MARK_STOP}a${MARK_START}b`)).toEqual([
      { text: "a", marked: false },
      { text: "b", marked: true },
    ]);
    expect(snippetParts("")).toEqual([]);
  });
});

describe("the search's counts in words", () => {
  it("says how much of the case file is searchable", () => {
    expect(coverageText({ indexed: 312, total: 340, stillReading: 28, unreadable: 0 })).toBe("Searchable pages: 312 of 340 pages (28 still being read)");
    expect(coverageText({ indexed: 1200, total: 1200, stillReading: 0, unreadable: 1 })).toBe(
      "Searchable pages: 1,200 of 1,200 pages (1 document could not be read)",
    );
    expect(coverageText({ indexed: 0, total: 0, stillReading: 0, unreadable: 0 })).toBe("Searchable pages: none yet");
  });

  it("counts hidden duplicates and pages of hits", () => {
    expect(hiddenDuplicatesText(1)).toBe("1 duplicate page hidden");
    expect(hiddenDuplicatesText(3)).toBe("3 duplicate pages hidden");
    expect(hitPageCount(0)).toBe(1);
    expect(hitPageCount(51)).toBe(2);
    expect(hitPageCount(5000)).toBe(20);
  });
});
