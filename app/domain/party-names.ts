/**
 * When two written names are the same party of a dispute, and when they are
 * only alike (docs/rules/reviewers.md, "Conflicts of interest"). The plan's
 * id, NPIs and tax IDs identify a party where they are known; names are
 * compared here, after the spelling that does not change who is meant is
 * taken away. Pure: matching.ts applies it to a reviewer's affiliations.
 */

/**
 * Words a business adds after its name to say what kind of legal entity it
 * is. "Northwind Biologics, Inc." and "Northwind Biologics" are one maker.
 */
const LEGAL_SUFFIXES: ReadonlySet<string> = new Set(["inc", "incorporated", "llc", "pc", "pllc", "corp", "corporation", "ltd", "limited", "llp"]);

const NON_ASCII = /[^ -~\t\n\r]/;
const JOINING = /['’.]/g;

/**
 * The name's words, each in lower case, without accents, with "&" read as
 * "and", without punctuation (a period or an apostrophe joins what is
 * around it: "L.L.C." is "llc", "St. Mary's" is "st marys"; other marks
 * separate words), and without the legal suffixes it ends with, spelled
 * with or without periods and spaces ("P. C."). A name made only of a
 * suffix keeps it, so it still names something.
 */
export function partyNameWords(name: string): string[] {
  // Matching runs this on every affiliation of the roster: ASCII names (most) skip the Unicode steps.
  const ascii = NON_ASCII.test(name) ? name.normalize("NFKD").replace(/\p{M}/gu, "") : name;
  const joined = ascii.toLowerCase().replace(JOINING, "");
  const words = NON_ASCII.test(joined) ? joined.replace(/&/g, " and ").split(/[^\p{L}\p{N}]+/u) : joined.replace(/&/g, " and ").split(/[^a-z0-9]+/);
  if (words[0] === "") words.shift();
  if (words.at(-1) === "") words.pop();
  let end = words.length;
  for (let stripped = true; stripped;) {
    stripped = false;
    if (end > 1 && LEGAL_SUFFIXES.has(words[end - 1]!)) {
      end -= 1;
      stripped = true;
      continue;
    }
    // A suffix written as spaced letters ("P. C.", "L. L. C.").
    let letters = "";
    for (let start = end - 1; start >= 1 && words[start]!.length === 1; start--) {
      letters = words[start]! + letters;
      if (LEGAL_SUFFIXES.has(letters)) {
        end = start;
        stripped = true;
        break;
      }
    }
  }
  return words.slice(0, end);
}

/** A name as compared: its normalized words, its key and its trigrams. */
export interface PartyName {
  words: readonly string[];
  /**
   * What two names must share to be the same party: the words run together,
   * so spacing does not count either ("North Wind" is "Northwind"). Empty for
   * a name with no letters or digits, which names no one.
   */
  key: string;
  /** The trigrams of each word, padded as PostgreSQL's pg_trgm pads them (two spaces before, one after). */
  trigrams: ReadonlySet<string>;
}

/** Names remembered at most; a full memory starts again. Above the largest roster's affiliations and the cases' parties. */
const REMEMBERED_NAMES = 50_000;
const remembered = new Map<string, PartyName>();

/**
 * The name as compared. Matching compares every affiliation of the roster
 * on every run, and the roster's names rarely change, so each name is
 * normalized once and remembered.
 */
export function partyName(name: string): PartyName {
  let known = remembered.get(name);
  if (known === undefined) {
    const words = partyNameWords(name);
    known = { words, key: words.join(""), trigrams: trigramsOf(words) };
    if (remembered.size >= REMEMBERED_NAMES) remembered.clear();
    remembered.set(name, known);
  }
  return known;
}

function trigramsOf(words: readonly string[]): Set<string> {
  const trigrams = new Set<string>();
  for (const word of words) {
    const padded = `  ${word} `;
    for (let index = 0; index + 3 <= padded.length; index++) trigrams.add(padded.slice(index, index + 3));
  }
  return trigrams;
}

/**
 * How alike two names are, from 0 to 1, given their trigrams: the trigrams
 * they share over the trigrams either has (pg_trgm's `similarity`). Word
 * order does not count; a typo or a missing word costs a few trigrams.
 */
export function trigramSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * From this similarity on, a name that is not the same party may still be
 * it, and a coordinator decides. pg_trgm's default (0.3) is for search, where
 * a stray hit costs nothing; here each one holds an offer until cleared. At
 * 0.5 a typo, a word more or less, or a short form is caught ("Northwind
 * Biologic" and "Northwind Biologics Holdings" for "Northwind Biologics":
 * 0.86 and 0.69; "Helix Genomic Labs" for "Helix Genomics Laboratories":
 * 0.52), and so are names that share two words of three ("Mercy Medical
 * Center" and "Valley Medical Center": 0.58): clearing one of those takes a
 * sentence, a review by someone tied to a party costs the decision. Names
 * that share one word are left alone ("Northwind Pharma": 0.37).
 * tests/unit/party-names.test.ts holds each of these.
 */
export const POSSIBLE_CONFLICT_SIMILARITY = 0.5;
