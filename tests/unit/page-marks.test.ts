import { describe, expect, it } from "vitest";
import {
  highlightTerms,
  isEmptyMark,
  isMarkablePage,
  lastMarkablePage,
  openingPage,
  pageLabel,
  pageTextBlock,
  pagesRead,
  readingProgressText,
  unreadPages,
  viewerKind,
} from "~/domain/casefile/page-marks";
import { saveBookmarkSchema } from "~/schemas/page-marks";

const read = (pageNumber: number) => ({ pageNumber, readAt: new Date("2026-10-01T12:00:00Z") });
const unread = (pageNumber: number) => ({ pageNumber, readAt: null });

describe("which pages a reviewer may mark", () => {
  it("pages of the document once its page count is known, up to 5,000 before", () => {
    expect(lastMarkablePage(40)).toBe(40);
    expect(isMarkablePage(40, 40)).toBe(true);
    expect(isMarkablePage(41, 40)).toBe(false);
    expect(isMarkablePage(0, 40)).toBe(false);
    expect(isMarkablePage(2.5, 40)).toBe(false);
    expect(isMarkablePage(5_000, null)).toBe(true);
    expect(isMarkablePage(5_001, null)).toBe(false);
  });

  it("the viewer opens on the page asked for when the document has it, else on the first", () => {
    expect(openingPage("3", 12)).toBe(3);
    expect(openingPage(" 12 ", 12)).toBe(12);
    expect(openingPage("13", 12)).toBe(1);
    expect(openingPage("0", 12)).toBe(1);
    expect(openingPage("three", 12)).toBe(1);
    expect(openingPage(null, 12)).toBe(1);
    expect(openingPage("900", null)).toBe(900);
  });

  it("the viewer receives the text of twenty pages at a time, the block holding the page in view", () => {
    expect(pageTextBlock(1, 1_000)).toEqual({ from: 1, to: 20 });
    expect(pageTextBlock(20, 1_000)).toEqual({ from: 1, to: 20 });
    expect(pageTextBlock(21, 1_000)).toEqual({ from: 21, to: 40 });
    expect(pageTextBlock(995, 1_000)).toEqual({ from: 981, to: 1_000 });
    expect(pageTextBlock(3, 7)).toEqual({ from: 1, to: 7 });
    expect(pageTextBlock(45, null)).toEqual({ from: 41, to: 60 });
  });

  it("a mark neither read nor bookmarked is not kept", () => {
    expect(isEmptyMark({ readAt: null, bookmarkedAt: null })).toBe(true);
    expect(isEmptyMark({ readAt: null, bookmarkedAt: new Date() })).toBe(false);
    expect(isEmptyMark({ readAt: new Date(), bookmarkedAt: null })).toBe(false);
  });
});

describe("how much of a document the reviewer has read", () => {
  it("counts the pages read within the document: '12 of 40 pages read'", () => {
    const marks = [...Array.from({ length: 12 }, (_, index) => read(index + 1)), unread(20), read(41)];
    expect(pagesRead(marks, 40)).toBe(12);
    expect(readingProgressText(12, 40)).toBe("12 of 40 pages read");
    expect(readingProgressText(1, 1)).toBe("1 of 1 page read");
  });

  it("without a page count, only what was read", () => {
    expect(readingProgressText(0, null)).toBe("No pages read yet");
    expect(readingProgressText(1, null)).toBe("1 page read");
    expect(readingProgressText(3, null)).toBe("3 pages read");
  });

  it("the unread pages are the others, in order", () => {
    expect(unreadPages(5, [read(2), unread(3), read(5)])).toEqual([1, 3, 4]);
    expect(unreadPages(2, [read(1), read(2)])).toEqual([]);
  });
});

describe("the viewer", () => {
  it("names the page in view for a screen reader", () => {
    expect(pageLabel(3, 12)).toBe("Page 3 of 12");
    expect(pageLabel(3, null)).toBe("Page 3");
  });

  it("draws PDFs and JPEG or PNG images; TIFF and Word documents show their text", () => {
    expect(viewerKind("application/pdf")).toBe("pdf");
    expect(viewerKind("image/jpeg")).toBe("image");
    expect(viewerKind("image/png")).toBe("image");
    expect(viewerKind("image/tiff")).toBe("text");
    expect(viewerKind("application/vnd.openxmlformats-officedocument.wordprocessingml.document")).toBe("text");
  });

  it("highlights the words of a search, not its operators", () => {
    expect(highlightTerms('"prior authorization" AND denial -appeal physic* NOT surgery OR mri')).toEqual([
      "prior",
      "authorization",
      "denial",
      "physic",
      "mri",
    ]);
    expect(highlightTerms("  ")).toEqual([]);
  });
});

describe("a bookmark's note", () => {
  it("is optional, trimmed, and at most 1,000 characters", () => {
    expect(saveBookmarkSchema.parse({ intent: "bookmark", pageNumber: "3", note: "  the MRI report  " })).toEqual({
      intent: "bookmark",
      pageNumber: 3,
      note: "the MRI report",
    });
    expect(saveBookmarkSchema.parse({ intent: "bookmark", pageNumber: "3", note: "" }).note).toBeNull();
    expect(saveBookmarkSchema.safeParse({ intent: "bookmark", pageNumber: "3", note: "x".repeat(1_000) }).success).toBe(true);
    const tooLong = saveBookmarkSchema.safeParse({ intent: "bookmark", pageNumber: "3", note: "x".repeat(1_001) });
    expect(tooLong.error?.issues[0]).toMatchObject({ path: ["note"], message: "Use at most 1,000 characters." });
  });

  it("names a page from 1 to 5,000", () => {
    for (const pageNumber of ["0", "5001", "-1", "two", ""]) {
      expect(saveBookmarkSchema.safeParse({ intent: "bookmark", pageNumber, note: "" }).success, pageNumber).toBe(false);
    }
  });
});
