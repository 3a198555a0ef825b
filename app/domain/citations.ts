/**
 * The pages a determination cites (docs/rules/determination.md, "Pages
 * cited"): each a document of the case and a range of its pages, with the
 * reviewer's note. Pure: the form's schema and the server check a citation
 * with the same rules, and the letter lists the pages with the same words.
 */

export const CITATION_LIMITS = { citations: 50, note: 300 } as const;

export interface Citation {
  documentId: string;
  fromPage: number;
  toPage: number;
  note: string | null;
}

export interface PageRange {
  from: number;
  to: number;
}

/** What the rules need to know of a document of the case: its pages, once the text layer counted them. */
export interface CitableDocument {
  id: string;
  pageCount: number | null;
}

export interface CitationProblem {
  index: number;
  field: "documentId" | "fromPage" | "toPage";
  message: string;
}

/** Ranges in page order, overlapping or touching ones joined: 3–5, 4–6 and 7 are 3–7. */
export function mergePageRanges(ranges: readonly PageRange[]): PageRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: PageRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to);
    else merged.push({ from: range.from, to: range.to });
  }
  return merged;
}

function rangeText(range: PageRange): string {
  return range.from === range.to ? String(range.from) : `${range.from}–${range.to}`;
}

/**
 * The pages as a reader writes them: "p. 3", "pp. 3–5, 12" (`short`, on the
 * portal's pages) or "page 3", "pages 3–5, 12" (`long`, in the letter).
 */
export function formatPages(ranges: readonly PageRange[], style: "short" | "long"): string {
  const merged = mergePageRanges(ranges);
  if (merged.length === 0) return "";
  const single = merged.length === 1 && merged[0]!.from === merged[0]!.to;
  const word = style === "short" ? (single ? "p." : "pp.") : single ? "page" : "pages";
  return `${word} ${merged.map(rangeText).join(", ")}`;
}

/** One citation as the summary shows it: "Dr. Lee's letter.pdf, pp. 3–5: the prior trial of physical therapy". */
export function citationText(documentName: string, citation: Citation): string {
  const pages = formatPages([{ from: citation.fromPage, to: citation.toPage }], "short");
  return `${documentName}, ${pages}${citation.note ? `: ${citation.note}` : ""}`;
}

/**
 * What is wrong with each citation, against the case's documents: a
 * document not in the case file, a page below 1, a range backwards, or a
 * page past the document's last (when its pages are known).
 */
export function citationProblems(citations: readonly Citation[], documents: readonly CitableDocument[]): CitationProblem[] {
  const byId = new Map(documents.map((document) => [document.id, document]));
  return citations.flatMap((citation, index): CitationProblem[] => {
    const document = byId.get(citation.documentId);
    if (!document) return [{ index, field: "documentId", message: "Choose a document of this case's file." }];
    if (citation.fromPage > citation.toPage) return [{ index, field: "toPage", message: "The last page comes before the first: swap them." }];
    if (document.pageCount !== null && citation.toPage > document.pageCount) {
      const field = citation.fromPage > document.pageCount ? "fromPage" : "toPage";
      return [{ index, field, message: `This document has ${document.pageCount} ${document.pageCount === 1 ? "page" : "pages"}.` }];
    }
    return [];
  });
}

/** The citations column as typed rows; anything malformed is left out rather than trusted. */
export function citationsOf(value: unknown): Citation[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (!item || typeof item !== "object" || Array.isArray(item)) return [];
    const row = item as Record<string, unknown>;
    const { documentId, fromPage, toPage, note } = row;
    if (typeof documentId !== "string" || !Number.isInteger(fromPage) || !Number.isInteger(toPage)) return [];
    return [{ documentId, fromPage: fromPage as number, toPage: toPage as number, note: typeof note === "string" && note !== "" ? note : null }];
  });
}

/** Each document's cited pages, over several determinations (a panel): merged, in the letter's words. */
export function citedPagesByDocument(citations: readonly Citation[]): Map<string, string> {
  const ranges = new Map<string, PageRange[]>();
  for (const citation of citations) {
    const list = ranges.get(citation.documentId) ?? [];
    list.push({ from: citation.fromPage, to: citation.toPage });
    ranges.set(citation.documentId, list);
  }
  return new Map([...ranges].map(([documentId, list]) => [documentId, formatPages(list, "long")]));
}

/** "Cite this page": the reviewer's determination form with the page added as a citation (a search hit or the viewer links here). */
export function citePageLink(caseId: string, documentId: string, page: number): string {
  return `/review/cases/${caseId}?cite=${encodeURIComponent(documentId)}&citePage=${page}#pages-cited`;
}

/** The page a "Cite this page" link asks for, when it is a page of one of these documents. */
export function requestedCitation(params: URLSearchParams, documents: readonly CitableDocument[]): { documentId: string; page: number } | null {
  const documentId = params.get("cite");
  const page = Number(params.get("citePage"));
  const document = documents.find((item) => item.id === documentId);
  if (!document || !Number.isInteger(page) || page < 1 || (document.pageCount !== null && page > document.pageCount)) return null;
  return { documentId: document.id, page };
}
