import type { TextLayerProgress } from "~/domain/casefile/text-layer";
import { FILE_TYPES } from "~/domain/documents/file-types";
import type { Prisma } from "../db.server";

/** What a document list selects to show its text layer's progress. */
export const textLayerSelect = {
  contentType: true,
  textLayerStatus: true,
  pageCount: true,
  pagesIndexed: true,
  textLayerError: true,
  _count: { select: { pages: { where: { source: "OCR" } } } },
} satisfies Prisma.DocumentSelect;

type TextLayerRow = Prisma.DocumentGetPayload<{ select: typeof textLayerSelect }>;

/** The document's text layer as its list shows it; null for a document that gets none. */
export function textLayerProgress(row: TextLayerRow): TextLayerProgress | null {
  if (!row.textLayerStatus) return null;
  const image = row.contentType !== FILE_TYPES.pdf.contentType && row.contentType !== FILE_TYPES.docx.contentType;
  return {
    status: row.textLayerStatus,
    pageCount: row.pageCount,
    pagesIndexed: row.pagesIndexed,
    ocr: image || row._count.pages > 0,
    error: row.textLayerError,
  };
}
