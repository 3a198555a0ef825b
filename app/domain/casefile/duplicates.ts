import { hammingDistance } from "./fingerprints";

/**
 * Duplicate pages across a case file (docs/rules/case-file-reading.md,
 * "Duplicates"). Pure: the server runs it over a case's pages whenever a
 * document's text layer is complete, and stores what it finds.
 */

export type DuplicateKind = "EXACT" | "NEAR";

export interface PageForGrouping {
  id: string;
  /** Words in the normalized text: short texts say too little to compare. */
  words: number;
  textHash: string | null;
  textSimhash: bigint | null;
  imageHash: string | null;
  imagePerceptualHash: bigint | null;
}

export interface DuplicateOf {
  duplicateOfId: string;
  kind: DuplicateKind;
}

/** A page's text counts as the same page's only from this many words ("Page 2", a lone signature line do not). */
export const MIN_WORDS_FOR_EXACT_TEXT = 8;
/** Below this many words a simhash is too unsteady to call two texts near. */
export const MIN_WORDS_FOR_NEAR_TEXT = 40;
/** Texts whose simhashes differ in at most this many of 64 bits are a rescan of one page (unrelated texts differ in about 32). */
export const NEAR_TEXT_MAX_BITS = 10;
/**
 * Images whose difference hashes differ in at most this many bits are one
 * page; used only for pages with too little text to compare (a drawing, a
 * form without words), as pages of text look alike to a 64-bit image hash.
 */
export const NEAR_IMAGE_MAX_BITS = 6;

/**
 * Groups the pages, given in case file order (documents by upload, then
 * page number): each page that repeats an earlier one points to the first
 * page of its group, EXACT when the normalized text or the image is the
 * same, NEAR when it is a rescan or fax of it. The first page of a group
 * duplicates nothing, so the original always stays in view.
 */
export function groupDuplicates(pages: readonly PageForGrouping[]): Map<string, DuplicateOf> {
  const found = new Map<string, DuplicateOf>();
  const firstByTextHash = new Map<string, string>();
  const firstByImageHash = new Map<string, string>();
  const originals: PageForGrouping[] = [];
  for (const page of pages) {
    const exact =
      (page.textHash && page.words >= MIN_WORDS_FOR_EXACT_TEXT ? firstByTextHash.get(page.textHash) : undefined) ??
      (page.imageHash ? firstByImageHash.get(page.imageHash) : undefined);
    const duplicateOf = exact ? { duplicateOfId: exact, kind: "EXACT" as const } : nearOriginal(page, originals);
    if (duplicateOf) {
      found.set(page.id, duplicateOf);
      continue;
    }
    originals.push(page);
    if (page.textHash && page.words >= MIN_WORDS_FOR_EXACT_TEXT) firstByTextHash.set(page.textHash, page.id);
    if (page.imageHash) firstByImageHash.set(page.imageHash, page.id);
  }
  return found;
}

function nearOriginal(page: PageForGrouping, originals: readonly PageForGrouping[]): DuplicateOf | undefined {
  let best: { id: string; bits: number } | undefined;
  for (const original of originals) {
    const bits = nearBits(page, original);
    if (bits !== undefined && (!best || bits < best.bits)) best = { id: original.id, bits };
  }
  return best && { duplicateOfId: best.id, kind: "NEAR" };
}

/** How far apart two pages are, when they can be compared at all. */
function nearBits(a: PageForGrouping, b: PageForGrouping): number | undefined {
  if (a.words >= MIN_WORDS_FOR_NEAR_TEXT && b.words >= MIN_WORDS_FOR_NEAR_TEXT) {
    if (a.textSimhash === null || b.textSimhash === null) return undefined;
    const bits = hammingDistance(a.textSimhash, b.textSimhash);
    return bits <= NEAR_TEXT_MAX_BITS ? bits : undefined;
  }
  if (a.words >= MIN_WORDS_FOR_EXACT_TEXT || b.words >= MIN_WORDS_FOR_EXACT_TEXT) return undefined;
  if (a.imagePerceptualHash === null || b.imagePerceptualHash === null) return undefined;
  const bits = hammingDistance(a.imagePerceptualHash, b.imagePerceptualHash);
  return bits <= NEAR_IMAGE_MAX_BITS ? bits : undefined;
}
