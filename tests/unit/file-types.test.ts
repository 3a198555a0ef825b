import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { FILE_TYPES, nameForType, SNIFF_LIMIT_BYTES, sniffFileType, type FileTypeId } from "~/domain/documents/file-types";
import { uploadQuerySchema } from "~/schemas/upload-query";
import {
  allowanceFor,
  APPLICANT_CASE_LIMIT_BYTES,
  APPLICANT_FILE_LIMIT_BYTES,
  formatFileSize,
  mayRemove,
  mayUpload,
  PLAN_FILE_LIMIT_BYTES,
  sizeRefusal,
  UPLOAD_LIMITS,
} from "~/domain/documents/limits";

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "latin1")] : part)));

/** The first bytes of files as the programs that make them write them. */
const HEADERS: Record<string, { head: Uint8Array; type: FileTypeId }> = {
  "PDF 1.7 (binary comment line)": { head: bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), type: "pdf" },
  "JPEG, JFIF": { head: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "JFIF\0", [0x01, 0x01]), type: "jpeg" },
  "JPEG, Exif (phone camera)": { head: bytes([0xff, 0xd8, 0xff, 0xe1, 0x1c, 0x45], "Exif\0\0MM"), type: "jpeg" },
  "PNG with its IHDR chunk": { head: bytes([0x89], "PNG\r\n\x1a\n", [0, 0, 0, 13], "IHDR", [0, 0, 2, 0]), type: "png" },
  "TIFF little-endian (scanner)": { head: bytes("II*\0", [0x08, 0, 0, 0, 0x10, 0]), type: "tiff" },
  "TIFF big-endian": { head: bytes("MM\0*", [0, 0, 0, 0x08, 0, 0x10]), type: "tiff" },
};

const REFUSED: Record<string, Uint8Array> = {
  "Windows executable renamed .pdf": bytes("MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0"),
  "Linux executable": bytes("\x7fELF\x02\x01\x01\0\0\0\0\0"),
  "GIF image": bytes("GIF89a\x10\0\x10\0"),
  "SVG (could carry script)": bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'),
  "HTML page": bytes("<!doctype html><html><script>"),
  "legacy Word .doc (OLE2)": bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  "PDF signature not at the start": bytes("junk\n%PDF-1.4\n"),
};

interface ZipEntry {
  name: string;
  content: Uint8Array;
  /** Streaming writers set bit 3 and leave sizes and CRC at zero in the local header. */
  dataDescriptor?: boolean;
}

/** A ZIP archive with stored (uncompressed) entries, laid out as the format specifies. */
function zip(entries: ZipEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const crc = zlib.crc32(entry.content);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(entry.dataDescriptor ? 0x0008 : 0, 6);
    header.writeUInt16LE(0, 8); // stored
    header.writeUInt32LE(entry.dataDescriptor ? 0 : crc, 14);
    header.writeUInt32LE(entry.dataDescriptor ? 0 : entry.content.length, 18);
    header.writeUInt32LE(entry.dataDescriptor ? 0 : entry.content.length, 22);
    header.writeUInt16LE(name.length, 26);
    parts.push(header, name, Buffer.from(entry.content));
    if (entry.dataDescriptor) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(entry.content.length, 8);
      descriptor.writeUInt32LE(entry.content.length, 12);
      parts.push(descriptor);
    }
  }
  return new Uint8Array(Buffer.concat(parts));
}

const xml = (text: string) => new Uint8Array(Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`));

/** The parts Word writes first, in Word's order. */
const wordParts = (dataDescriptor = false): ZipEntry[] => [
  { name: "[Content_Types].xml", content: xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), dataDescriptor },
  { name: "_rels/.rels", content: xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'), dataDescriptor },
  { name: "word/_rels/document.xml.rels", content: xml("<Relationships/>"), dataDescriptor },
  { name: "word/document.xml", content: xml("<w:document><w:body><w:p/></w:body></w:document>"), dataDescriptor },
];

describe("sniffFileType: the accepted types, by their first bytes", () => {
  for (const [name, { head, type }] of Object.entries(HEADERS)) {
    it(`recognises ${name} as ${FILE_TYPES[type].label}`, () => {
      expect(sniffFileType(head, false)).toEqual({ verdict: "type", type: FILE_TYPES[type] });
    });
  }

  it("a whole file shorter than the longest signature is still judged", () => {
    expect(sniffFileType(bytes("%PDF-"), true)).toEqual({ verdict: "type", type: FILE_TYPES.pdf });
    expect(sniffFileType(bytes("%PDF-"), false)).toEqual({ verdict: "need-more" });
    expect(sniffFileType(bytes("MZ"), true)).toEqual({ verdict: "unsupported" });
  });

  for (const [name, head] of Object.entries(REFUSED)) {
    it(`refuses ${name}`, () => {
      expect(sniffFileType(head, false)).toEqual({ verdict: "unsupported" });
    });
  }

  it("an empty file is not any type", () => {
    expect(sniffFileType(new Uint8Array(0), true)).toEqual({ verdict: "unsupported" });
  });
});

describe("sniffFileType: DOCX is a ZIP whose local file headers include word/document.xml", () => {
  it("finds word/document.xml among Word's first entries", () => {
    expect(sniffFileType(zip(wordParts()), false)).toEqual({ verdict: "type", type: FILE_TYPES.docx });
  });

  it("finds it when a streaming writer left the sizes in the local headers at zero", () => {
    expect(sniffFileType(zip(wordParts(true)), false)).toEqual({ verdict: "type", type: FILE_TYPES.docx });
  });

  it("keeps asking for more bytes while a ZIP has not shown the entry yet", () => {
    const docx = zip(wordParts());
    const nameAt = Buffer.from(docx).lastIndexOf("word/document.xml");
    expect(sniffFileType(docx.subarray(0, nameAt + 5), false)).toEqual({ verdict: "need-more" });
    expect(sniffFileType(docx.subarray(0, nameAt + "word/document.xml".length), false)).toEqual({ verdict: "type", type: FILE_TYPES.docx });
  });

  it("refuses other ZIPs once they are complete: a spreadsheet, a plain archive", () => {
    const xlsx = zip([
      { name: "[Content_Types].xml", content: xml("<Types/>") },
      { name: "xl/workbook.xml", content: xml("<workbook/>") },
    ]);
    expect(sniffFileType(xlsx, false)).toEqual({ verdict: "need-more" });
    expect(sniffFileType(xlsx, true)).toEqual({ verdict: "unsupported" });
    expect(sniffFileType(zip([{ name: "photos/x.jpg", content: bytes([0xff, 0xd8, 0xff]) }]), true)).toEqual({ verdict: "unsupported" });
  });

  it("does not match the name outside a local file header, or a longer name", () => {
    const mention = zip([{ name: "notes.txt", content: bytes("see word/document.xml") }]);
    expect(sniffFileType(mention, true)).toEqual({ verdict: "unsupported" });
    const longer = zip([{ name: "word/document.xml.bak", content: xml("<x/>") }]);
    expect(sniffFileType(longer, true)).toEqual({ verdict: "unsupported" });
  });

  it("gives up on a ZIP that has not shown word/document.xml within SNIFF_LIMIT_BYTES", () => {
    const late = zip([{ name: "word/media/scan.png", content: new Uint8Array(SNIFF_LIMIT_BYTES) }, ...wordParts()]);
    expect(sniffFileType(late.subarray(0, SNIFF_LIMIT_BYTES), false)).toEqual({ verdict: "unsupported" });
  });
});

describe("upload limits", () => {
  const applicant = UPLOAD_LIMITS.APPLICANT;
  const plan = UPLOAD_LIMITS.PLAN;

  it("applicants: 100 MB a file and 1 GB a case; plans: 1 GB a file and no per-case limit", () => {
    expect(formatFileSize(APPLICANT_FILE_LIMIT_BYTES)).toBe("100 MB");
    expect(formatFileSize(APPLICANT_CASE_LIMIT_BYTES)).toBe("1 GB");
    expect(formatFileSize(PLAN_FILE_LIMIT_BYTES)).toBe("1 GB");
    expect(plan.caseBytes).toBeNull();
    expect(allowanceFor(plan, 50 * APPLICANT_CASE_LIMIT_BYTES)).toEqual({ maxBytes: PLAN_FILE_LIMIT_BYTES, binding: "file" });
  });

  it("the room left on the case binds once it is smaller than a file may be", () => {
    expect(allowanceFor(applicant, 0)).toEqual({ maxBytes: APPLICANT_FILE_LIMIT_BYTES, binding: "file" });
    const used = APPLICANT_CASE_LIMIT_BYTES - 10 * 1024 * 1024;
    expect(allowanceFor(applicant, used)).toEqual({ maxBytes: 10 * 1024 * 1024, binding: "case" });
    expect(allowanceFor(applicant, APPLICANT_CASE_LIMIT_BYTES + 1)).toEqual({ maxBytes: 0, binding: "case" });
  });

  it("says which limit a file breaks, in words the uploader can act on", () => {
    const full = allowanceFor(applicant, 0);
    expect(sizeRefusal(APPLICANT_FILE_LIMIT_BYTES, applicant, full)).toBeNull();
    expect(sizeRefusal(APPLICANT_FILE_LIMIT_BYTES + 1, applicant, full)).toMatchObject({
      status: 413,
      reason: "file-too-large",
      detail: expect.stringContaining("larger than {size}"),
      values: { size: "100 MB" },
    });
    const nearlyFull = allowanceFor(applicant, APPLICANT_CASE_LIMIT_BYTES - 5 * 1024 * 1024);
    expect(sizeRefusal(6 * 1024 * 1024, applicant, nearlyFull)).toMatchObject({
      reason: "case-limit-reached",
      detail: expect.stringContaining("only {left} left of the {total}"),
      values: { left: "5 MB", total: "1 GB" },
    });
    expect(sizeRefusal(1, applicant, allowanceFor(applicant, APPLICANT_CASE_LIMIT_BYTES))).toMatchObject({
      reason: "case-limit-reached",
      detail: expect.stringContaining("the documents already fill the {total} this request may hold"),
      values: { total: "1 GB" },
    });
    expect(sizeRefusal(0, applicant, full)).toMatchObject({ reason: "empty", status: 400 });
  });

  it("applicants add documents from the draft until the decision; plans while the review is open; removal only on drafts", () => {
    expect(mayUpload("APPLICANT", "DRAFT")).toBe(true);
    expect(mayUpload("APPLICANT", "IN_REVIEW")).toBe(true);
    expect(mayUpload("APPLICANT", "DECIDED")).toBe(false);
    expect(mayUpload("APPLICANT", "WITHDRAWN")).toBe(false);
    expect(mayUpload("PLAN", "DRAFT")).toBe(false);
    expect(mayUpload("PLAN", "ACCEPTED")).toBe(true);
    expect(mayUpload("PLAN", "CLOSED")).toBe(false);
    expect(mayRemove("DRAFT")).toBe(true);
    expect(mayRemove("SUBMITTED")).toBe(false);
  });

  it("formats sizes the way people read them", () => {
    expect(formatFileSize(0)).toBe("0 bytes");
    expect(formatFileSize(1)).toBe("1 byte");
    expect(formatFileSize(1536)).toBe("1.5 KB");
    expect(formatFileSize(2.25 * 1024 * 1024)).toBe("2.3 MB");
  });

  it("reads an allowance just under a unit in that unit, as the whole allowance is read", () => {
    expect(formatFileSize(APPLICANT_CASE_LIMIT_BYTES - 3000)).toBe("1 GB");
    expect(formatFileSize(1024 * 1024 - 1)).toBe("1 MB");
    expect(formatFileSize(APPLICANT_CASE_LIMIT_BYTES - 200 * 1024 * 1024)).toBe("824 MB");
  });
});

describe("the name a file is kept under", () => {
  it("takes the extension of the type its content showed, keeping one that fits", () => {
    expect(nameForType("report.html", FILE_TYPES.pdf)).toBe("report.pdf");
    expect(nameForType("Denial letter", FILE_TYPES.pdf)).toBe("Denial letter.pdf");
    expect(nameForType("scan.JPEG", FILE_TYPES.jpeg)).toBe("scan.JPEG");
    expect(nameForType("scan.jpg", FILE_TYPES.png)).toBe("scan.png");
    expect(nameForType("notes v2.1 final", FILE_TYPES.docx)).toBe("notes v2.1 final.docx");
    expect(nameForType(".pdf", FILE_TYPES.pdf)).toBe(".pdf.pdf");
  });

  it("loses control and invisible formatting characters, so a right-to-left override cannot disguise it", () => {
    const named = (name: string) => uploadQuerySchema.parse({ caseId: "00000000-0000-4000-8000-000000000000", kind: "DENIAL_LETTER", name }).name;
    expect(named("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(named("a\u200Bb\u2066c\u2069\u0007.pdf")).toBe("abc.pdf");
    expect(named("C:\\Users\\maria\\denial.pdf")).toBe("denial.pdf");
  });
});
