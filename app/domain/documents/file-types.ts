/**
 * The file types a case accepts, recognised by their content (the first
 * bytes), never by the name or the type the browser claims. Pure: the server
 * runs it on the upload as it streams in, the browser on the file the person
 * picked, so both give the same answer.
 */
import { msg } from "~/i18n/msg";

export type FileTypeId = "pdf" | "jpeg" | "png" | "tiff" | "docx";

export interface FileType {
  id: FileTypeId;
  label: string;
  /** What the portal records and serves the file as. */
  contentType: string;
  extensions: readonly string[];
  /** Browsers can show it in a tab by themselves. */
  viewableInline: boolean;
}

export const FILE_TYPES: Record<FileTypeId, FileType> = {
  pdf: { id: "pdf", label: "PDF", contentType: "application/pdf", extensions: [".pdf"], viewableInline: true },
  jpeg: { id: "jpeg", label: "JPEG", contentType: "image/jpeg", extensions: [".jpg", ".jpeg"], viewableInline: true },
  png: { id: "png", label: "PNG", contentType: "image/png", extensions: [".png"], viewableInline: true },
  tiff: { id: "tiff", label: "TIFF", contentType: "image/tiff", extensions: [".tif", ".tiff"], viewableInline: true },
  docx: {
    id: "docx",
    label: "Word (DOCX)",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: [".docx"],
    viewableInline: false,
  },
};

/**
 * The name a file is kept and offered under: its extension follows the type
 * its content showed, so a PDF sent as "report.html" is "report.pdf" and
 * never opens as a web page. A name whose extension fits keeps it.
 */
export function nameForType(name: string, type: FileType): string {
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : "";
  if (type.extensions.includes(extension)) return name;
  const stem = /^\.[a-z0-9]{1,8}$/i.test(extension) ? name.slice(0, dot) : name;
  return `${stem}${type.extensions[0]}`;
}

/** The accepted types as the uploader lists them (a catalog message). */
export const ACCEPTED_TYPES_TEXT = msg("PDF, JPEG, PNG, TIFF or Word (DOCX)");

/** For <input type="file" accept>: a hint to the picker, not a check. */
export const FILE_INPUT_ACCEPT = Object.values(FILE_TYPES)
  .flatMap((type) => [...type.extensions, type.contentType])
  .join(",");

/**
 * How far into a ZIP we look for word/document.xml. Word writes it among the
 * first few entries (after [Content_Types].xml and the relationship parts),
 * a few kilobytes in; a megabyte leaves room for other writers' orders while
 * keeping what the server holds in memory small.
 */
export const SNIFF_LIMIT_BYTES = 1024 * 1024;

/** The longest fixed signature (PNG's); fewer bytes than this are not enough to decide, unless the file ends. */
const SIGNATURE_BYTES = 8;

export type Sniff = { verdict: "type"; type: FileType } | { verdict: "unsupported" } | { verdict: "need-more" };

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const TIFF_LITTLE_ENDIAN = [0x49, 0x49, 0x2a, 0x00]; // "II*\0"
const TIFF_BIG_ENDIAN = [0x4d, 0x4d, 0x00, 0x2a]; // "MM\0*"
const ZIP_LOCAL_FILE_HEADER = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4"

/**
 * What the file is, from its first bytes. `complete` says `head` is the
 * whole file; otherwise "need-more" asks for the next chunk (only while the
 * head is shorter than a signature, or a ZIP has not shown word/document.xml
 * within SNIFF_LIMIT_BYTES).
 */
export function sniffFileType(head: Uint8Array, complete: boolean): Sniff {
  if (head.length < SIGNATURE_BYTES && !complete) return { verdict: "need-more" };
  if (startsWith(head, PDF)) return { verdict: "type", type: FILE_TYPES.pdf };
  if (startsWith(head, PNG)) return { verdict: "type", type: FILE_TYPES.png };
  if (startsWith(head, JPEG)) return { verdict: "type", type: FILE_TYPES.jpeg };
  if (startsWith(head, TIFF_LITTLE_ENDIAN) || startsWith(head, TIFF_BIG_ENDIAN)) return { verdict: "type", type: FILE_TYPES.tiff };
  if (startsWith(head, ZIP_LOCAL_FILE_HEADER)) {
    if (zipHasEntry(head, WORD_MAIN_PART)) return { verdict: "type", type: FILE_TYPES.docx };
    return complete || head.length >= SNIFF_LIMIT_BYTES ? { verdict: "unsupported" } : { verdict: "need-more" };
  }
  return { verdict: "unsupported" };
}

const WORD_MAIN_PART = new TextEncoder().encode("word/document.xml");
const LOCAL_HEADER_FIXED_BYTES = 30;
const NAME_LENGTH_OFFSET = 26;

/**
 * Whether a local file header in `bytes` names `name`. Every "PK\3\4" is
 * checked rather than hopping from header to header by the sizes they give:
 * writers that stream (data descriptor flag) leave those sizes at zero. A
 * false match would need compressed data to contain a whole header naming
 * word/document.xml.
 */
function zipHasEntry(bytes: Uint8Array, name: Uint8Array): boolean {
  const last = bytes.length - LOCAL_HEADER_FIXED_BYTES - name.length;
  for (let at = 0; at <= last; at += 1) {
    if (bytes[at] !== 0x50 || bytes[at + 1] !== 0x4b || bytes[at + 2] !== 0x03 || bytes[at + 3] !== 0x04) continue;
    const nameLength = bytes[at + NAME_LENGTH_OFFSET]! | (bytes[at + NAME_LENGTH_OFFSET + 1]! << 8);
    if (nameLength !== name.length) continue;
    const start = at + LOCAL_HEADER_FIXED_BYTES;
    if (name.every((byte, index) => bytes[start + index] === byte)) return true;
  }
  return false;
}
