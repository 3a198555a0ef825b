import { hammingDistance } from "./fingerprints";

/**
 * Duplicate pages across a case file (docs/rules/case-file-reading.md,
 * "Duplicates"). Pure: the server runs it over a case's pages whenever a
 * document's text layer is complete, and stores what it finds.
 */

export type DuplicateKind = "EXACT" | "NEAR";

export interface PageForGrouping {
  id: string;
  /** The page's normalized text (fingerprints.ts, normalizeText). */
  normalized: string;
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
/** Texts whose simhashes differ in at most this many of 64 bits may be a rescan of one page (unrelated texts differ in about 32). */
export const NEAR_TEXT_MAX_BITS = 12;
/**
 * …and are one when at least this share of their word pairs is the same
 * (Jaccard). Pages written from the same template (a chart's notes, with
 * each visit's facts) are near in simhash too; their word pairs tell them
 * apart, while a rescan's few misread words leave most pairs whole.
 */
export const NEAR_TEXT_MIN_SHARED_PAIRS = 0.7;
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
  const compared = new PairCache();
  const firstByTextHash = new Map<string, string>();
  const firstByImageHash = new Map<string, string>();
  const originals: PageForGrouping[] = [];
  for (const page of pages) {
    const words = compared.words(page);
    const exact =
      (page.textHash && words >= MIN_WORDS_FOR_EXACT_TEXT ? firstByTextHash.get(page.textHash) : undefined) ??
      (page.imageHash ? firstByImageHash.get(page.imageHash) : undefined);
    const duplicateOf = exact ? { duplicateOfId: exact, kind: "EXACT" as const } : nearOriginal(page, originals, compared);
    if (duplicateOf) {
      found.set(page.id, duplicateOf);
      continue;
    }
    originals.push(page);
    if (page.textHash && words >= MIN_WORDS_FOR_EXACT_TEXT) firstByTextHash.set(page.textHash, page.id);
    if (page.imageHash) firstByImageHash.set(page.imageHash, page.id);
  }
  return found;
}

function nearOriginal(page: PageForGrouping, originals: readonly PageForGrouping[], compared: PairCache): DuplicateOf | undefined {
  let best: { id: string; bits: number } | undefined;
  for (const original of originals) {
    const bits = nearBits(page, original, compared);
    if (bits !== undefined && (!best || bits < best.bits)) best = { id: original.id, bits };
  }
  return best && { duplicateOfId: best.id, kind: "NEAR" };
}

/** How far apart two pages are, when they are one page read twice. */
function nearBits(a: PageForGrouping, b: PageForGrouping, compared: PairCache): number | undefined {
  const aWords = compared.words(a);
  const bWords = compared.words(b);
  if (aWords >= MIN_WORDS_FOR_NEAR_TEXT && bWords >= MIN_WORDS_FOR_NEAR_TEXT) {
    if (a.textSimhash === null || b.textSimhash === null) return undefined;
    const bits = hammingDistance(a.textSimhash, b.textSimhash);
    return bits <= NEAR_TEXT_MAX_BITS && jaccard(compared.pairs(a), compared.pairs(b)) >= NEAR_TEXT_MIN_SHARED_PAIRS ? bits : undefined;
  }
  if (aWords >= MIN_WORDS_FOR_EXACT_TEXT || bWords >= MIN_WORDS_FOR_EXACT_TEXT) return undefined;
  if (a.imagePerceptualHash === null || b.imagePerceptualHash === null) return undefined;
  const bits = hammingDistance(a.imagePerceptualHash, b.imagePerceptualHash);
  return bits <= NEAR_IMAGE_MAX_BITS ? bits : undefined;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const pair of a) if (b.has(pair)) shared += 1;
  return shared / (a.size + b.size - shared || 1);
}

/** Each page's words and word pairs, worked out once however many pages it is compared with. */
class PairCache {
  private readonly split = new Map<string, string[]>();
  private readonly pairSets = new Map<string, Set<string>>();

  words(page: PageForGrouping): number {
    return this.wordsOf(page).length;
  }

  pairs(page: PageForGrouping): Set<string> {
    let pairs = this.pairSets.get(page.id);
    if (!pairs) {
      const words = this.wordsOf(page);
      pairs = new Set(words.slice(1).map((word, index) => `${words[index]} ${word}`));
      this.pairSets.set(page.id, pairs);
    }
    return pairs;
  }

  private wordsOf(page: PageForGrouping): string[] {
    let words = this.split.get(page.id);
    if (!words) {
      words = page.normalized ? page.normalized.split(" ") : [];
      this.split.set(page.id, words);
    }
    return words;
  }
}
