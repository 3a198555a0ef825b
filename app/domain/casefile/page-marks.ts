/**
 * A reviewer's own marks on the pages of a case file: which pages they have
 * read, and bookmarks with a note. Nobody else sees them, not even another
 * reviewer of the same panel.
 */

export const PAGE_MARK_LIMITS = {
  /** A bookmark's note, in characters. */
  note: 1_000,
  /** The highest page a mark may name while the document's page count is not yet known. */
  pageWhileUncounted: 5_000,
} as const;

/** The highest page of a document a mark may name: its page count once known. */
export function lastMarkablePage(pageCount: number | null): number {
  return pageCount ?? PAGE_MARK_LIMITS.pageWhileUncounted;
}

export function isMarkablePage(pageNumber: number, pageCount: number | null): boolean {
  return Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= lastMarkablePage(pageCount);
}

/** The page the viewer opens on for `?page=`: the one asked for when the document has it, else the first. */
export function openingPage(asked: string | null, pageCount: number | null): number {
  const number = asked !== null && /^\d{1,5}$/.test(asked.trim()) ? Number(asked.trim()) : 1;
  return isMarkablePage(number, pageCount) ? number : 1;
}

/**
 * Pages of text the viewer receives at a time. The viewer shows one page's
 * text (beside the drawn page, or for a document the browser cannot draw):
 * a document of a thousand pages does not send its whole text at once.
 */
export const PAGE_TEXT_BLOCK = 20;

/** The block of pages whose text comes with `page`: 1–20, 21–40…, never past the document's last page once counted. */
export function pageTextBlock(page: number, pageCount: number | null): { from: number; to: number } {
  const from = Math.floor((Math.max(1, page) - 1) / PAGE_TEXT_BLOCK) * PAGE_TEXT_BLOCK + 1;
  const to = from + PAGE_TEXT_BLOCK - 1;
  return { from, to: pageCount === null ? to : Math.max(from, Math.min(to, pageCount)) };
}

export interface PageText {
  pageNumber: number;
  text: string;
}

/** The text of pages `from` to `to`: those of them read so far. */
export interface PageTextBlock {
  from: number;
  to: number;
  pages: PageText[];
}

export interface PageMarkState {
  pageNumber: number;
  readAt: Date | string | null;
  bookmarkedAt: Date | string | null;
  note: string | null;
}

/** A mark that says nothing (neither read nor bookmarked) is not kept. */
export function isEmptyMark(mark: Pick<PageMarkState, "readAt" | "bookmarkedAt">): boolean {
  return mark.readAt === null && mark.bookmarkedAt === null;
}

/** The pages the reviewer read, counted within the document (a mark beyond a page count found later does not count). */
export function pagesRead(marks: readonly Pick<PageMarkState, "pageNumber" | "readAt">[], pageCount: number | null): number {
  return new Set(marks.filter((mark) => mark.readAt !== null && isMarkablePage(mark.pageNumber, pageCount)).map((mark) => mark.pageNumber)).size;
}

/** "12 of 40 pages read"; without a page count, only what was read. */
export function readingProgressText(read: number, pageCount: number | null): string {
  if (pageCount === null) return read === 0 ? "No pages read yet" : `${read} ${read === 1 ? "page" : "pages"} read`;
  return `${read} of ${pageCount} ${pageCount === 1 ? "page" : "pages"} read`;
}

/** The pages of a document the reviewer has not read yet, in order. */
export function unreadPages(pageCount: number, marks: readonly Pick<PageMarkState, "pageNumber" | "readAt">[]): number[] {
  const read = new Set(marks.filter((mark) => mark.readAt !== null).map((mark) => mark.pageNumber));
  return Array.from({ length: pageCount }, (_, index) => index + 1).filter((page) => !read.has(page));
}

/** "Page 3 of 12", the name a page has on screen and for a screen reader. */
export function pageLabel(pageNumber: number, pageCount: number | null): string {
  return pageCount === null ? `Page ${pageNumber}` : `Page ${pageNumber} of ${pageCount}`;
}

/** How the viewer shows a document: pdf.js draws a PDF's pages, an image is one page, anything else (TIFF, DOCX) shows its text layer. */
export type ViewerKind = "pdf" | "image" | "text";

const DRAWN: Record<string, ViewerKind> = { "application/pdf": "pdf", "image/jpeg": "image", "image/png": "image" };

export function viewerKind(contentType: string): ViewerKind {
  return DRAWN[contentType] ?? "text";
}

/** The words of a search (`?q=`) to highlight on a page: its operators, the words it excludes ("-word", "NOT word") and one-letter words left out. */
export function highlightTerms(query: string): string[] {
  const words = query.replace(/["()]/g, " ").split(/\s+/).filter(Boolean);
  const found = words.filter((word, index) => !word.startsWith("-") && words[index - 1]?.toUpperCase() !== "NOT");
  return [...new Set(found.map((word) => word.replace(/\*$/, "").toLowerCase()).filter((word) => word.length > 1 && !["and", "or", "not"].includes(word)))];
}
