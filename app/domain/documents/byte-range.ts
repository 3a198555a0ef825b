/**
 * A request's `Range: bytes=…` (RFC 9110 §14), for the viewer: pdf.js asks
 * for the parts of a large PDF it needs (the cross-reference table at the
 * end, then the page on screen) rather than waiting for the whole file.
 */

/** The one range a request asks for, before the document's size is known: `first-last`, `first-` or the last `suffix` bytes. */
export type RangeRequest = { first: number; last: number | null } | { suffix: number };

/** Bytes `first` to `last`, both included, of a document of `size` bytes. */
export interface ByteRange {
  first: number;
  last: number;
  size: number;
}

const SINGLE_RANGE = /^bytes=(?:(\d+)-(\d*)|-(\d+))$/;

/**
 * The range asked for; null to send the whole document: no Range header, one
 * this does not read, one asking for several ranges (which a server may
 * answer whole), or `first` after `last`, which the RFC says to ignore.
 */
export function rangeRequested(header: string | null): RangeRequest | null {
  const match = SINGLE_RANGE.exec(header?.replace(/\s+/g, "") ?? "");
  if (!match) return null;
  const [, first, last, suffix] = match;
  if (suffix !== undefined) return { suffix: Number(suffix) };
  const range = { first: Number(first), last: last ? Number(last) : null };
  if (range.last !== null && range.last < range.first) return null;
  return range;
}

/** The bytes a range names in a document of `size` bytes; null when it names none (answered 416). A range past the end stops at it. */
export function rangeIn(request: RangeRequest, size: number): ByteRange | null {
  if ("suffix" in request) return request.suffix === 0 || size === 0 ? null : { first: Math.max(0, size - request.suffix), last: size - 1, size };
  if (request.first >= size) return null;
  return { first: request.first, last: Math.min(request.last ?? size - 1, size - 1), size };
}

/** The Content-Range header's value: the bytes sent, or with none, only the size (for a 416). */
export function contentRange(range: ByteRange | { size: number }): string {
  return "first" in range ? `bytes ${range.first}-${range.last}/${range.size}` : `bytes */${range.size}`;
}
