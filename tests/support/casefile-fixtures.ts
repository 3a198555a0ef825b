/**
 * Case file documents made on the spot, for the text layer's tests and its
 * bench: text PDFs, scans (text drawn, rasterised, rotated and speckled like
 * a real scanner's output), and Word files.
 */
import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import zlib from "node:zlib";
import { PDFDocument, StandardFonts } from "pdf-lib";

const LETTER_WIDTH_PT = 612;
const LETTER_HEIGHT_PT = 792;
const MARGIN_PT = 72;
const FONT_PT = 11;
const LINE_PT = 15;

/** Words wrapped into lines that fit the page at the fixtures' font size (about 95 characters). */
export function wrapLines(text: string, width = 88): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** A PDF with each page's text embedded, as a word processor writes one. */
export async function textPdf(pages: readonly string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    const page = pdf.addPage([LETTER_WIDTH_PT, LETTER_HEIGHT_PT]);
    wrapLines(text).forEach((line, index) => page.drawText(line, { x: MARGIN_PT, y: LETTER_HEIGHT_PT - MARGIN_PT - index * LINE_PT, size: FONT_PT, font }));
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

export interface ScanOptions {
  dpi?: number;
  /** Degrees the sheet sat askew on the scanner. */
  rotateDegrees?: number;
  /** Share of pixels turned to specks, 0–1. */
  noise?: number;
  /** JPEG quality 1–100; PNG when not given. */
  jpegQuality?: number;
  /** Makes the specks fall the same way every run. */
  seed?: number;
}

/** A page of text as a scanner sees it: drawn at `dpi`, askew, speckled; PNG or JPEG bytes. */
export async function scanOf(text: string, options: ScanOptions = {}): Promise<{ bytes: Buffer; width: number; height: number }> {
  const dpi = options.dpi ?? 200;
  const scale = dpi / 72;
  const canvas = createCanvas(Math.round(8.5 * dpi), Math.round(11 * dpi));
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.translate(canvas.width / 2, canvas.height / 2);
  context.rotate(((options.rotateDegrees ?? 0) * Math.PI) / 180);
  context.translate(-canvas.width / 2, -canvas.height / 2);
  drawLines(context, wrapLines(text), scale);
  context.setTransform(1, 0, 0, 1, 0, 0);
  if (options.noise) speckle(context, canvas.width, canvas.height, options.noise, options.seed ?? 1);
  const bytes = options.jpegQuality ? await canvas.encode("jpeg", options.jpegQuality) : await canvas.encode("png");
  return { bytes, width: canvas.width, height: canvas.height };
}

function drawLines(context: SKRSContext2D, lines: readonly string[], scale: number): void {
  context.fillStyle = "#111";
  context.font = `${FONT_PT * scale}px sans-serif`;
  lines.forEach((line, index) => context.fillText(line, MARGIN_PT * scale, (MARGIN_PT + FONT_PT + index * LINE_PT) * scale));
}

function speckle(context: SKRSContext2D, width: number, height: number, share: number, seed: number): void {
  const image = context.getImageData(0, 0, width, height);
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    if (random() >= share) continue;
    const grey = random() < 0.5 ? 60 : 200;
    image.data.set([grey, grey, grey], pixel * 4);
  }
  context.putImageData(image, 0, 0);
}

/** A PDF of scanned pages only (no text of its own), as a fax or a scanner makes one. */
export async function scannedPdf(scans: readonly { bytes: Buffer; jpeg?: boolean }[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (const scan of scans) {
    const image = scan.jpeg ? await pdf.embedJpg(scan.bytes) : await pdf.embedPng(scan.bytes);
    pdf.addPage([LETTER_WIDTH_PT, LETTER_HEIGHT_PT]).drawImage(image, { x: 0, y: 0, width: LETTER_WIDTH_PT, height: LETTER_HEIGHT_PT });
  }
  return Buffer.from(await pdf.save());
}

/** A Word file with these paragraphs: the parts Word itself needs, zipped without compression. */
export function docxOf(paragraphs: readonly string[]): Buffer {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`).join("");
  return zip([
    {
      name: "[Content_Types].xml",
      text:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: "_rels/.rels",
      text:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    {
      name: "word/document.xml",
      text: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    },
  ]);
}

function zip(entries: readonly { name: string; text: string }[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const content = Buffer.from(entry.text, "utf8");
    const crc = zlib.crc32(content);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(content.length, 18);
    header.writeUInt32LE(content.length, 22);
    header.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(content.length, 20);
    record.writeUInt32LE(content.length, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    local.push(header, name, content);
    central.push(record, name);
    offset += header.length + name.length + content.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}
