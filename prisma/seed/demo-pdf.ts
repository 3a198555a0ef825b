/**
 * Small but real PDFs for the demo's uploaded documents: readable in the
 * browser, typed as PDF by their content like any upload, and made in
 * microseconds (react-pdf would take a tenth of a second each). A long
 * record is many text pages; a scan is pages that are images only, drawn
 * with @napi-rs/canvas, which the text layer reads back by OCR.
 */
import { createCanvas } from "@napi-rs/canvas";

/** One page: its lines of text, or, scanned, the same lines as an image with no text of its own. */
export interface DemoPage {
  lines: readonly string[];
  scanned?: boolean;
}

const NOTICE = "Demo document: invented for trying the portal, not a real record.";
/** Scans at 150 dpi: enough for OCR, small enough for the demo's storage. */
const SCAN_DPI = 150;

/** Text as a PDF string literal: backslashes and parentheses escaped, Latin-1 only. */
function pdfText(value: string): string {
  return `(${value.replace(/[^\x20-\x7e]/g, "-").replace(/([\\()])/g, "\\$1")})`;
}

function textContent(title: string | null, lines: readonly string[]): string {
  return [
    "BT",
    "72 740 Td",
    ...(title ? ["/F1 16 Tf", `${pdfText(title)} Tj`, "0 -28 Td"] : []),
    "/F1 11 Tf",
    ...lines.flatMap((line) => [`${pdfText(line)} Tj`, "0 -16 Td"]),
    "0 -12 Td",
    `${pdfText(NOTICE)} Tj`,
    "ET",
  ].join("\n");
}

/** A scanned page: the lines drawn on a white page, a little askew, as a JPEG. */
async function scanOf(title: string | null, lines: readonly string[]): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const scale = SCAN_DPI / 72;
  const canvas = createCanvas(Math.round(8.5 * SCAN_DPI), Math.round(11 * SCAN_DPI));
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.rotate((0.6 * Math.PI) / 180);
  context.fillStyle = "#1a1a1a";
  const rows = [...(title ? [title, ""] : []), ...lines, "", NOTICE];
  context.font = `${10 * scale}px sans-serif`;
  rows.forEach((row, index) => context.fillText(row, 72 * scale, (72 + 12 + index * 18) * scale));
  return { jpeg: await canvas.encode("jpeg", 80), width: canvas.width, height: canvas.height };
}

export function demoPdf(title: string, lines: readonly string[]): Promise<Buffer> {
  return demoPdfPages(title, [{ lines }]);
}

/** A PDF of `pages`, the title at the top of the first. */
export async function demoPdfPages(title: string, pages: readonly DemoPage[]): Promise<Buffer> {
  // Objects 1–3 are the catalog, the page tree and the font; each page adds its own, its content and any image.
  const objects: (string | Buffer)[] = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"];
  const kids: number[] = [];
  for (const [index, page] of pages.entries()) {
    const heading = index === 0 ? title : null;
    const pageNumber = objects.length + 1;
    kids.push(pageNumber);
    if (page.scanned) {
      const scan = await scanOf(heading, page.lines);
      const content = "q 612 0 0 792 0 0 cm /Scan Do Q";
      objects.push(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Scan ${pageNumber + 2} 0 R >> >> /Contents ${pageNumber + 1} 0 R >>`,
        `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
        Buffer.concat([
          Buffer.from(
            `<< /Type /XObject /Subtype /Image /Width ${scan.width} /Height ${scan.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${scan.jpeg.length} >>\nstream\n`,
            "latin1",
          ),
          scan.jpeg,
          Buffer.from("\nendstream", "latin1"),
        ]),
      );
    } else {
      const content = textContent(heading, page.lines);
      objects.push(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageNumber + 1} 0 R >>`,
        `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
      );
    }
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(" ")}] /Count ${kids.length} >>`;

  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n", "latin1")];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(length);
    const part = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`, "latin1"),
      typeof object === "string" ? Buffer.from(object, "latin1") : object,
      Buffer.from("\nendobj\n", "latin1"),
    ]);
    parts.push(part);
    length += part.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, "latin1"));
  return Buffer.concat(parts);
}
