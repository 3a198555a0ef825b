import crypto from "node:crypto";

/**
 * A page's fingerprints, taken when its text is read (docs/rules/case-file-reading.md,
 * "Duplicates"). Pure: the text layer stores them, the duplicate grouping
 * compares them.
 */

/**
 * The text as the duplicate rule compares it: letters and digits in lower
 * case, one space between words. A line-end hyphen joins its word again,
 * so a rescan that breaks lines elsewhere reads alike.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/-\s*\n\s*/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function wordCount(normalized: string): number {
  return normalized ? normalized.split(" ").length : 0;
}

/** SHA-256 of the normalized text, hex; null for a page without text. */
export function textHash(normalized: string): string | null {
  return normalized ? crypto.createHash("sha256").update(normalized, "utf8").digest("hex") : null;
}

/** Shingles of five characters: a misread letter touches five of them, a page has thousands. */
const SHINGLE_CHARACTERS = 5;

/** A 32-bit FNV-1a hash with MurmurHash3's finish: every bit depends on every character. Cheap over the thousands of shingles of a page. */
function hash32(text: string, start: number, end: number, seed: number): number {
  let hash = seed;
  for (let index = start; index < end; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

function shingleHash(text: string, start: number, end: number): [number, number] {
  return [hash32(text, start, end, 0x811c9dc5), hash32(text, start, end, 0x9e3779b9)];
}

/**
 * The 64-bit simhash of the text's five-character shingles: texts that
 * share most of their shingles (a rescan with a few misread letters)
 * differ in few bits; unrelated texts in about half. Null for a page
 * without text. Signed, as PostgreSQL's bigint keeps it.
 */
export function textSimhash(normalized: string): bigint | null {
  if (!normalized) return null;
  const width = Math.min(SHINGLE_CHARACTERS, normalized.length);
  const weights = new Int32Array(64);
  for (let start = 0; start + width <= normalized.length; start += 1) {
    const [high, low] = shingleHash(normalized, start, start + width);
    for (let bit = 0; bit < 32; bit += 1) {
      weights[bit]! += (low >>> bit) & 1 ? 1 : -1;
      weights[bit + 32]! += (high >>> bit) & 1 ? 1 : -1;
    }
  }
  let simhash = 0n;
  for (let bit = 0; bit < 64; bit += 1) if (weights[bit]! > 0) simhash |= 1n << BigInt(bit);
  return BigInt.asIntN(64, simhash);
}

/** How many of the 64 bits differ. */
export function hammingDistance(a: bigint, b: bigint): number {
  let difference = BigInt.asUintN(64, a ^ b);
  let count = 0;
  while (difference) {
    difference &= difference - 1n;
    count += 1;
  }
  return count;
}

/** A page image as read: RGBA, four bytes a pixel, rows top to bottom. */
export interface PageImage {
  width: number;
  height: number;
  rgba: Uint8Array | Uint8ClampedArray;
}

/** SHA-256 of the pixels, hex: the same image, pixel for pixel. */
export function imageHash(image: PageImage): string {
  return crypto.createHash("sha256").update(`${image.width}x${image.height};`).update(image.rgba).digest("hex");
}

/**
 * The page's grey levels averaged over a grid of columns × rows cells,
 * within the bounds of what is printed on it (the margins a rescan shifts
 * are left out).
 */
export function greyGrid(image: PageImage, columns: number, rows: number): Float64Array {
  const { width, height, rgba } = image;
  const grey = new Float32Array(width * height);
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    const offset = pixel * 4;
    const alpha = rgba[offset + 3]! / 255;
    // A transparent pixel is paper.
    grey[pixel] = 255 - alpha * (255 - (0.299 * rgba[offset]! + 0.587 * rgba[offset + 1]! + 0.114 * rgba[offset + 2]!));
  }
  const bounds = inkBounds(grey, width, height);
  const sums = new Float64Array(columns * rows);
  const counts = new Float64Array(columns * rows);
  const boxWidth = bounds.right - bounds.left;
  const boxHeight = bounds.bottom - bounds.top;
  for (let y = bounds.top; y < bounds.bottom; y += 1) {
    const row = Math.min(rows - 1, Math.floor(((y - bounds.top) * rows) / boxHeight));
    for (let x = bounds.left; x < bounds.right; x += 1) {
      const column = Math.min(columns - 1, Math.floor(((x - bounds.left) * columns) / boxWidth));
      sums[row * columns + column]! += grey[y * width + x]!;
      counts[row * columns + column]! += 1;
    }
  }
  return sums.map((sum, cell) => (counts[cell] ? sum / counts[cell]! : 255));
}

/** The box holding the page's ink: rows and columns where more than a speck of dark pixels lie (noise alone does not widen it). */
function inkBounds(grey: Float32Array, width: number, height: number): { left: number; right: number; top: number; bottom: number } {
  const rowInk = new Uint32Array(height);
  const columnInk = new Uint32Array(width);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (grey[y * width + x]! < 128) {
        rowInk[y]! += 1;
        columnInk[x]! += 1;
      }
    }
  }
  const span = (ink: Uint32Array, length: number, across: number) => {
    const least = Math.max(2, Math.floor(across * 0.005));
    let first = 0;
    while (first < length && ink[first]! < least) first += 1;
    let last = length - 1;
    while (last > first && ink[last]! < least) last -= 1;
    return first >= length ? [0, length] : [first, last + 1];
  };
  const [top, bottom] = span(rowInk, height, width);
  const [left, right] = span(columnInk, width, height);
  return { left: left!, right: right!, top: top!, bottom: bottom! };
}

/**
 * The 64-bit difference hash (dHash) of the page image: on a 9 × 8 grid of
 * grey levels, whether each cell is brighter than the next one to its right.
 * A rescan, a fax or another compression of the same page keeps most bits.
 */
export function perceptualHash(image: PageImage): bigint {
  const grid = greyGrid(image, 9, 8);
  let hash = 0n;
  for (let row = 0; row < 8; row += 1) {
    for (let column = 0; column < 8; column += 1) {
      hash <<= 1n;
      if (grid[row * 9 + column]! > grid[row * 9 + column + 1]!) hash |= 1n;
    }
  }
  return BigInt.asIntN(64, hash);
}

export interface PageFingerprints {
  textHash: string | null;
  textSimhash: bigint | null;
  imageHash: string | null;
  imagePerceptualHash: bigint | null;
}

/** Every fingerprint of a page: of its text, and of its image when it was read from one. */
export function pageFingerprints(text: string, image: PageImage | null): PageFingerprints {
  const normalized = normalizeText(text);
  return {
    textHash: textHash(normalized),
    textSimhash: textSimhash(normalized),
    imageHash: image ? imageHash(image) : null,
    imagePerceptualHash: image ? perceptualHash(image) : null,
  };
}
