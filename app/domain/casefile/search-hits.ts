/**
 * What the case file's search shows of its hits, apart from the database:
 * the snippet's highlight markers, the pages of hits, the coverage line.
 */

/** Hits on one page of results. */
export const HITS_PER_PAGE = 50;
/** Most hits a search lists; past that, the user narrows the query. */
export const MAX_HITS = 1000;
/**
 * Most matching pages a search reads, ranks and counts. Each is read and
 * checked again (a phrase needs its words' positions), so a broad query over
 * a very large case file (one word on 20,000 of its 100,000 pages) would take
 * seconds; past this many, the first found are ranked and the page asks for
 * more words.
 */
export const RANKED_MATCHES = 5000;

/**
 * ts_headline's StartSel and StopSel: characters from Unicode's private use
 * area, which no record's text uses (the server removes any from the text it
 * highlights), so the marks cannot be forged by a document.
 */
export const MARK_START = "\uE000";
export const MARK_STOP = "\uE001";

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/** A snippet with its markers, as plain text parts the page renders (marked ones in <mark>): never as HTML. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  let text = "";
  for (const char of snippet) {
    if (char === MARK_START || char === MARK_STOP) {
      if (text) parts.push({ text, marked });
      text = "";
      marked = char === MARK_START;
    } else text += char;
  }
  if (text) parts.push({ text, marked });
  return parts;
}

/** How many pages of results `total` hits make. */
export function hitPageCount(total: number): number {
  return Math.max(1, Math.ceil(Math.min(total, MAX_HITS) / HITS_PER_PAGE));
}

export interface SearchCoverage {
  /** Pages whose text is in the index. */
  indexed: number;
  /** Pages the case file's documents have, as far as they are counted. */
  total: number;
  /** Pages of documents whose text layer is still being made. */
  stillReading: number;
  /** Documents whose text layer could not be made. */
  unreadable: number;
}

const pages = (count: number) => `${count.toLocaleString("en-US")} ${count === 1 ? "page" : "pages"}`;

/** "Searchable pages: 312 of 340 (28 still being read)". */
export function coverageText(coverage: SearchCoverage): string {
  const notes = [
    coverage.stillReading > 0 ? `${coverage.stillReading.toLocaleString("en-US")} still being read` : null,
    coverage.unreadable > 0 ? `${coverage.unreadable} ${coverage.unreadable === 1 ? "document" : "documents"} could not be read` : null,
  ].filter(Boolean);
  const counted = coverage.total === 0 ? "none yet" : `${coverage.indexed.toLocaleString("en-US")} of ${pages(coverage.total)}`;
  return `Searchable pages: ${counted}${notes.length ? ` (${notes.join("; ")})` : ""}`;
}

/** "3 duplicate pages hidden". */
export function hiddenDuplicatesText(count: number): string {
  return `${count} duplicate ${count === 1 ? "page" : "pages"} hidden`;
}
