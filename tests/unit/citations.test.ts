import { describe, expect, it } from "vitest";
import { citationProblems, citationsOf, citationText, citedPagesByDocument, formatPages, mergePageRanges, requestedCitation } from "~/domain/citations";

describe("page ranges", () => {
  it("merges overlapping and touching ranges, in page order", () => {
    expect(
      mergePageRanges([
        { from: 12, to: 12 },
        { from: 4, to: 6 },
        { from: 3, to: 5 },
        { from: 7, to: 7 },
      ]),
    ).toEqual([
      { from: 3, to: 7 },
      { from: 12, to: 12 },
    ]);
    expect(
      mergePageRanges([
        { from: 1, to: 2 },
        { from: 4, to: 4 },
      ]),
    ).toEqual([
      { from: 1, to: 2 },
      { from: 4, to: 4 },
    ]);
  });

  it("writes the pages as a reader does: p. and pp. on the portal, page and pages in the letter", () => {
    expect(formatPages([{ from: 3, to: 3 }], "short")).toBe("p. 3");
    expect(
      formatPages(
        [
          { from: 12, to: 12 },
          { from: 3, to: 5 },
        ],
        "short",
      ),
    ).toBe("pp. 3–5, 12");
    expect(formatPages([{ from: 3, to: 3 }], "long")).toBe("page 3");
    expect(
      formatPages(
        [
          { from: 3, to: 5 },
          { from: 12, to: 12 },
        ],
        "long",
      ),
    ).toBe("pages 3–5, 12");
    expect(formatPages([], "long")).toBe("");
  });

  it("gives each document its cited pages over several opinions, merged", () => {
    const pages = citedPagesByDocument([
      { documentId: "lee", fromPage: 3, toPage: 4, note: null },
      { documentId: "mri", fromPage: 1, toPage: 1, note: null },
      { documentId: "lee", fromPage: 5, toPage: 5, note: "PT" },
      { documentId: "lee", fromPage: 12, toPage: 12, note: null },
    ]);
    expect(pages.get("lee")).toBe("pages 3–5, 12");
    expect(pages.get("mri")).toBe("page 1");
  });

  it("names a citation with its pages and note", () => {
    expect(citationText("Dr. Lee's letter", { documentId: "lee", fromPage: 3, toPage: 5, note: "the prior trial of physical therapy" })).toBe(
      "Dr. Lee's letter, pp. 3–5: the prior trial of physical therapy",
    );
    expect(citationText("mri.pdf", { documentId: "mri", fromPage: 2, toPage: 2, note: null })).toBe("mri.pdf, p. 2");
  });
});

describe("citation rules", () => {
  const documents = [
    { id: "lee", pageCount: 12 },
    { id: "scan", pageCount: null },
  ];

  it("accepts pages of the case's documents, and any page of a document whose pages are not yet counted", () => {
    expect(
      citationProblems(
        [
          { documentId: "lee", fromPage: 3, toPage: 12, note: null },
          { documentId: "scan", fromPage: 400, toPage: 401, note: null },
        ],
        documents,
      ),
    ).toEqual([]);
  });

  it("refuses another case's document, a backwards range and a page past the last", () => {
    expect(
      citationProblems(
        [
          { documentId: "elsewhere", fromPage: 1, toPage: 1, note: null },
          { documentId: "lee", fromPage: 5, toPage: 3, note: null },
          { documentId: "lee", fromPage: 11, toPage: 13, note: null },
          { documentId: "lee", fromPage: 13, toPage: 13, note: null },
        ],
        documents,
      ),
    ).toEqual([
      { index: 0, field: "documentId", message: "Choose a document of this case's file." },
      { index: 1, field: "toPage", message: "The last page comes before the first: swap them." },
      { index: 2, field: "toPage", message: "This document has 12 pages." },
      { index: 3, field: "fromPage", message: "This document has 12 pages." },
    ]);
  });

  it("reads stored citations, leaving out malformed rows", () => {
    expect(citationsOf([{ documentId: "lee", fromPage: 3, toPage: 5, note: "" }, { documentId: "lee", fromPage: "3" }, null, "x"])).toEqual([
      { documentId: "lee", fromPage: 3, toPage: 5, note: null },
    ]);
    expect(citationsOf({})).toEqual([]);
  });

  it("takes a 'Cite this page' request only for a page of the case's documents", () => {
    const ask = (query: string) => requestedCitation(new URLSearchParams(query), documents);
    expect(ask("cite=lee&citePage=4")).toEqual({ documentId: "lee", page: 4 });
    expect(ask("cite=lee&citePage=13")).toBeNull();
    expect(ask("cite=lee&citePage=0")).toBeNull();
    expect(ask("cite=elsewhere&citePage=1")).toBeNull();
    expect(ask("cite=scan&citePage=300")).toEqual({ documentId: "scan", page: 300 });
  });
});
