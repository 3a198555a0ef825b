import type { Canvas } from "@napi-rs/canvas";
import { createRequire } from "node:module";
import path from "node:path";
import type { PageImage } from "~/domain/casefile/fingerprints";
import { TEXT_LAYER_LIMITS } from "~/domain/casefile/text-layer";
import { FILE_TYPES } from "~/domain/documents/file-types";
import { recognizePage } from "./ocr.server";

const require = createRequire(import.meta.url);
/** pdf.js reads the standard fonts' metrics from node_modules (a PDF that uses Helvetica without embedding it). */
const STANDARD_FONTS = path.join(path.dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts") + path.sep;

/** A PDF page with fewer letters than this of its own text is a scan: it is read by OCR. */
const MIN_EMBEDDED_LETTERS = 10;

export type PageTextSource = "EMBEDDED" | "OCR" | "DOCX" | "NONE";

/** One page's text as read, with the image it was read from when OCR read it. */
export interface PageReading {
  text: string;
  source: PageTextSource;
  ocrConfidence: number | null;
  image: PageImage | null;
}

/** A document opened for reading, its plaintext in memory only. */
export interface OpenedDocument {
  pageCount: number;
  readPage(pageNumber: number): Promise<PageReading>;
  close(): Promise<void>;
}

// The readers are loaded when a document is first read: the web process, which never reads one, does not load them.
const canvasLibrary = () => import("@napi-rs/canvas");

/** The file cannot be read at all; the message says why, in words staff can act on. */
export class UnreadableDocument extends Error {}

export async function openForReading(bytes: Uint8Array, contentType: string): Promise<OpenedDocument> {
  try {
    switch (contentType) {
      case FILE_TYPES.pdf.contentType:
        return await openPdf(bytes);
      case FILE_TYPES.jpeg.contentType:
      case FILE_TYPES.png.contentType:
        return await openImage(bytes);
      case FILE_TYPES.tiff.contentType:
        return await openTiff(bytes);
      case FILE_TYPES.docx.contentType:
        return await openDocx(bytes);
    }
  } catch (error) {
    if (error instanceof UnreadableDocument) throw error;
    throw new UnreadableDocument(`the ${typeLabel(contentType)} is damaged or not what its type says (${(error as Error).message}).`);
  }
  throw new UnreadableDocument(`files of type ${contentType} have no text layer.`);
}

function typeLabel(contentType: string): string {
  return Object.values(FILE_TYPES).find((type) => type.contentType === contentType)?.label ?? "file";
}

async function openPdf(bytes: Uint8Array): Promise<OpenedDocument> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await pdfjs.getDocument({
    // pdf.js takes the buffer over: give it a copy, the caller's stays whole.
    data: new Uint8Array(bytes),
    standardFontDataUrl: STANDARD_FONTS,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  return {
    pageCount: pdf.numPages,
    async readPage(pageNumber) {
      const page = await pdf.getPage(pageNumber);
      try {
        const content = await page.getTextContent();
        const text = content.items
          .map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : " ") : ""))
          .join("")
          .replace(/[ \t]+\n/g, "\n")
          .trim();
        if ((text.match(/\p{L}/gu)?.length ?? 0) >= MIN_EMBEDDED_LETTERS) return { text, source: "EMBEDDED", ocrConfidence: null, image: null };
        const base = page.getViewport({ scale: 1 });
        const scale = Math.min(TEXT_LAYER_LIMITS.ocrDpi / 72, Math.sqrt(TEXT_LAYER_LIMITS.maxPagePixels / (base.width * base.height)));
        const viewport = page.getViewport({ scale });
        const { createCanvas } = await canvasLibrary();
        const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
        const context = canvas.getContext("2d");
        context.fillStyle = "#fff";
        context.fillRect(0, 0, canvas.width, canvas.height);
        await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
        const ocr = await ocrCanvas(canvas);
        return ocr.text.trim().length >= text.length ? ocr : { ...ocr, text, source: text ? "EMBEDDED" : "NONE", ocrConfidence: null };
      } finally {
        page.cleanup();
      }
    },
    close: () => pdf.destroy(),
  };
}

async function openImage(bytes: Uint8Array): Promise<OpenedDocument> {
  const { createCanvas, loadImage } = await canvasLibrary();
  const image = await loadImage(Buffer.from(bytes));
  const { width, height } = fitted(image.width, image.height);
  const canvas = createCanvas(width, height);
  canvas.getContext("2d").drawImage(image, 0, 0, width, height);
  return onePage(() => ocrCanvas(canvas));
}

async function openTiff(bytes: Uint8Array): Promise<OpenedDocument> {
  const [{ default: UTIF }, { createCanvas }] = await Promise.all([import("utif2"), canvasLibrary()]);
  const buffer = Buffer.from(bytes);
  const pages = UTIF.decode(buffer);
  if (!pages.length) throw new UnreadableDocument("the TIFF holds no image.");
  return {
    pageCount: pages.length,
    async readPage(pageNumber) {
      const ifd = pages[pageNumber - 1]!;
      UTIF.decodeImage(buffer, ifd);
      const rgba = UTIF.toRGBA8(ifd);
      const source = createCanvas(ifd.width, ifd.height);
      const context = source.getContext("2d");
      const pixels = context.createImageData(ifd.width, ifd.height);
      pixels.data.set(rgba);
      context.putImageData(pixels, 0, 0);
      const { width, height } = fitted(ifd.width, ifd.height);
      if (width === ifd.width) return ocrCanvas(source);
      const canvas = createCanvas(width, height);
      canvas.getContext("2d").drawImage(source, 0, 0, width, height);
      return ocrCanvas(canvas);
    },
    close: async () => undefined,
  };
}

async function openDocx(bytes: Uint8Array): Promise<OpenedDocument> {
  const { default: mammoth } = await import("mammoth");
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  const text = value.replace(/\n{3,}/g, "\n\n").trim();
  return onePage(async () => ({ text, source: text ? "DOCX" : "NONE", ocrConfidence: null, image: null }));
}

function onePage(read: () => Promise<PageReading>): OpenedDocument {
  return { pageCount: 1, readPage: read, close: async () => undefined };
}

/** A page image's size within the pixel limit. */
function fitted(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, Math.sqrt(TEXT_LAYER_LIMITS.maxPagePixels / (width * height)));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function ocrCanvas(canvas: Canvas): Promise<PageReading> {
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
  const image: PageImage = { width: canvas.width, height: canvas.height, rgba: pixels.data };
  const reading = await recognizePage(await canvas.encode("png"), TEXT_LAYER_LIMITS.ocrTimeoutMs);
  const text = reading?.text.trim() ?? "";
  return { text, source: text ? "OCR" : "NONE", ocrConfidence: reading?.confidence ?? null, image };
}
