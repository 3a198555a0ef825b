import type { DocumentKind } from "../documents/document-kinds";
import { FILE_TYPES } from "../documents/file-types";

/** The limits of reading one document (docs/rules/case-file-reading.md, "Limits"). */
export const TEXT_LAYER_LIMITS = {
  /** A document with more pages is not read at all: staff split it, or read it by hand. */
  maxPages: 2_000,
  /** OCR of one page that takes longer is given up; the page is kept without text. */
  ocrTimeoutMs: 60_000,
  /** Scans are rendered at this resolution for OCR. */
  ocrDpi: 200,
  /** A page image is at most this many pixels (a poster-sized page is scaled down). */
  maxPagePixels: 25_000_000,
} as const;

/** Letters the portal wrote itself: the case file's reading is of what the parties sent. */
export const KINDS_WITHOUT_TEXT_LAYER: readonly DocumentKind[] = ["DECISION_LETTER", "NOTICE"];

export const READABLE_CONTENT_TYPES: readonly string[] = Object.values(FILE_TYPES).map((type) => type.contentType);

export function getsTextLayer(document: { kind: DocumentKind; contentType: string }): boolean {
  return !KINDS_WITHOUT_TEXT_LAYER.includes(document.kind) && READABLE_CONTENT_TYPES.includes(document.contentType);
}

export type TextLayerStatus = "PENDING" | "RUNNING" | "DONE" | "FAILED";

/** Where a document's text layer stands, as its list shows it. */
export interface TextLayerProgress {
  status: TextLayerStatus;
  pageCount: number | null;
  pagesIndexed: number;
  /** Some of its pages are read by OCR (a scan): the progress says so. */
  ocr: boolean;
  error: string | null;
}

/** "OCR 40 of 112 pages", "Searchable", "Could not read: …". */
export function textLayerLabel(progress: TextLayerProgress): string {
  switch (progress.status) {
    case "PENDING":
      return "Text: waiting to be read";
    case "RUNNING":
      if (progress.pageCount === null) return progress.ocr ? "OCR starting" : "Text: starting";
      return `${progress.ocr ? "OCR" : "Text:"} ${progress.pagesIndexed} of ${pagesText(progress.pageCount)}`;
    case "DONE":
      return "Searchable";
    case "FAILED":
      return `Could not read: ${progress.error ?? "the file could not be read."}`;
  }
}

function pagesText(count: number): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? "page" : "pages"}`;
}
