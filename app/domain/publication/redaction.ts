/**
 * De-identifying a decision's findings before publication
 * (docs/rules/publication.md, "De-identifying the findings"): every identifier the case itself knows, in
 * the spellings people write it (any case, with or without accents, a
 * possessive, initials, a compound surname split or joined, an ID with or
 * without its dashes), then the patterns of identifiers the case may not
 * know (dates, phone numbers, email addresses, ID numbers, ZIP codes, street
 * addresses, ages over 89). The coordinator reads the draft beside the
 * original before anything is published; this pass errs towards removing.
 */

export type RedactionKind = "name" | "relative" | "provider" | "facility" | "id" | "date" | "phone" | "email" | "address" | "zip" | "age";

/** What the case knows about the people and places in it. */
export interface CaseIdentifiers {
  patientName?: string | null;
  representativeName?: string | null;
  /** Relatives the applicant named (a parent, a spouse): their names appear in letters. */
  relativeNames?: readonly string[];
  providerNames?: readonly (string | null | undefined)[];
  facilityNames?: readonly (string | null | undefined)[];
  memberId?: string | null;
  groupNumber?: string | null;
  claimNumber?: string | null;
  providerNpis?: readonly (string | null | undefined)[];
  emails?: readonly (string | null | undefined)[];
  phones?: readonly (string | null | undefined)[];
  addresses?: readonly (string | null | undefined)[];
}

export interface Redaction {
  kind: RedactionKind;
  /** Where the removed text was in the original. */
  start: number;
  end: number;
  replacement: string;
}

export interface RedactedText {
  text: string;
  redactions: Redaction[];
}

const REPLACEMENTS: Record<Exclude<RedactionKind, "date">, string> = {
  name: "[patient]",
  relative: "[relative]",
  provider: "[provider]",
  facility: "[facility]",
  id: "[ID]",
  phone: "[phone]",
  email: "[email]",
  address: "[address]",
  zip: "[ZIP]",
  age: "[age 90 or older]",
};

/** Words around a name that identify no one: kept, so "Dr. [provider]" still reads. */
const TITLES = new Set([
  "dr",
  "dra",
  "mr",
  "mrs",
  "ms",
  "miss",
  "md",
  "do",
  "phd",
  "np",
  "pa",
  "rn",
  "jr",
  "sr",
  "ii",
  "iii",
  "de",
  "del",
  "la",
  "las",
  "los",
  "y",
  "van",
  "von",
  "der",
  "da",
  "di",
  "le",
]);

/** Words that join a name's words: a run of nothing but these names nothing. */
const JOINING_WORDS = new Set(["the", "of", "and", "at", "for", "de", "del", "la", "el", "y"]);

/** Words of a facility's name that name no one place alone: they are removed only beside another of the name's words. */
const FACILITY_WORDS = new Set([
  ...JOINING_WORDS,
  "center",
  "centre",
  "medical",
  "hospital",
  "clinic",
  "clinica",
  "health",
  "healthcare",
  "university",
  "family",
  "familiar",
  "general",
  "regional",
  "memorial",
  "community",
  "care",
  "institute",
  "associates",
  "group",
  "physicians",
  "saint",
  "st",
]);

/**
 * Text folded for matching: lower case, accents dropped, and each folded
 * character's index in the original, so a match maps back exactly.
 */
interface Folded {
  text: string;
  origin: number[];
}

function fold(text: string): Folded {
  let folded = "";
  const origin: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const piece = text[index]!.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    for (const character of piece) {
      folded += character;
      origin.push(index);
    }
  }
  origin.push(text.length);
  return { text: folded, origin };
}

const foldWord = (word: string) => fold(word).text;
/** Not a letter or digit on either side: a match is a whole word or more. */
const BEFORE = "(?<![\\p{L}\\p{N}])";
const AFTER = "(?![\\p{L}\\p{N}])";

interface Pattern {
  kind: RedactionKind;
  regex: RegExp;
  /** The text to put instead; by default the kind's. */
  replace?: (match: string) => string;
}

interface Found {
  kind: RedactionKind;
  /** In the folded text. */
  start: number;
  end: number;
  replacement?: string;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsIn(folded: string): Word[] {
  return [...folded.matchAll(WORD)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
}

const wordsOf = (text: string) => wordsIn(foldWord(text)).map((word) => word.text);

/** The words of a person's name that identify them: not "Dr.", not "de la". */
const nameTokens = (name: string) => wordsOf(name).filter((token) => token.length >= 2 && !TITLES.has(token));

/** Two words of one name: apart by a space, a line break, a hyphen, a comma or a period, no more. */
const NEXT_TO = /^[\s\-.,'’]{1,4}$/;
const adjacent = (folded: string, before: Word, after: Word) => NEXT_TO.test(folded.slice(before.end, after.start));

/**
 * The case's own identifiers are looked up word by word (a name's words,
 * runs of a facility's or street's words) and character by character (an
 * ID or a phone number whatever its separators), not by regexes built per
 * case: V8 generates code for each new regex, a millisecond apiece.
 */
function findCaseIdentifiers(folded: string, identifiers: CaseIdentifiers): Found[] {
  const present = (values: readonly (string | null | undefined)[] | undefined) => (values ?? []).filter((value): value is string => !!value?.trim());
  const words = wordsIn(folded);
  const found: Found[] = [];

  // People: each word of their name alone, and an initial with its period before another of their words ("M. Lopez", "M. L.").
  const people: [RedactionKind, string[]][] = [
    ...present([identifiers.patientName]).map((name): [RedactionKind, string[]] => ["name", nameTokens(name)]),
    ...present([identifiers.representativeName, ...(identifiers.relativeNames ?? [])]).map((name): [RedactionKind, string[]] => ["relative", nameTokens(name)]),
    ...present(identifiers.providerNames).map((name): [RedactionKind, string[]] => ["provider", nameTokens(name)]),
  ];
  for (const [kind, tokens] of people) {
    const initials = new Set(tokens.map((token) => token[0]!));
    words.forEach((word, index) => {
      if (tokens.includes(word.text)) found.push({ kind, start: word.start, end: word.end });
      const next = words[index + 1];
      const isInitial = word.text.length === 1 && initials.has(word.text) && folded[word.end] === ".";
      if (isInitial && next && adjacent(folded, word, next) && (tokens.includes(next.text) || (next.text.length === 1 && initials.has(next.text))))
        found.push({ kind, start: word.start, end: next.end + (folded[next.end] === "." ? 1 : 0) });
    });
  }

  // Facilities and streets: two or more of their words in a row; a facility's distinctive words alone too.
  const runsOf = (kind: RedactionKind, nameWords: string[], minimum: number) => {
    for (let first = 0; first < words.length; first++) {
      for (let from = 0; from < nameWords.length; from++) {
        let length = 0;
        while (
          from + length < nameWords.length &&
          first + length < words.length &&
          words[first + length]!.text === nameWords[from + length] &&
          (length === 0 || adjacent(folded, words[first + length - 1]!, words[first + length]!))
        )
          length++;
        const run = nameWords.slice(from, from + length);
        if (length >= minimum && !run.every((word) => JOINING_WORDS.has(word)))
          found.push({ kind, start: words[first]!.start, end: words[first + length - 1]!.end });
      }
    }
  };
  for (const facility of present(identifiers.facilityNames)) {
    const nameWords = wordsOf(facility);
    runsOf("facility", nameWords, 2);
    const distinctive = nameWords.filter((word) => !FACILITY_WORDS.has(word) && word.length >= 4);
    for (const word of words) if (distinctive.includes(word.text)) found.push({ kind: "facility", start: word.start, end: word.end });
  }
  for (const address of present(identifiers.addresses)) {
    const street = wordsOf(address.split(",")[0] ?? "");
    if (street.length >= 2) runsOf("address", street, street.length);
    for (const zip of address.match(/\b\d{5}(?=(?:-\d{4})?\b)/g) ?? []) found.push(...digitRuns(folded, zip, "zip"));
  }

  // IDs and phone numbers, whatever separates their characters.
  for (const id of present([identifiers.memberId, identifiers.groupNumber, identifiers.claimNumber, ...(identifiers.providerNpis ?? [])])) {
    const characters = foldWord(id).replace(/[^\p{L}\p{N}]/gu, "");
    if (characters.length >= 4) found.push(...compactRuns(folded, characters, "id"));
    for (const digits of id.match(/\d{4,}/g) ?? []) found.push(...digitRuns(folded, digits, "id"));
  }
  for (const phone of present(identifiers.phones)) {
    const digits = phone.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, "");
    if (digits.length >= 7) found.push(...compactRuns(folded, digits, "phone"));
  }
  for (const email of present(identifiers.emails)) {
    const wanted = foldWord(email.trim());
    for (let at = folded.indexOf(wanted); at >= 0; at = folded.indexOf(wanted, at + 1)) found.push({ kind: "email", start: at, end: at + wanted.length });
  }
  return found;
}

const isWordCharacter = (character: string | undefined) => !!character && /[\p{L}\p{N}]/u.test(character);

/**
 * Where `characters` stand in the text with any separators between them
 * ("ehp 448201-01", "(503) 555.0142"), as whole words: the letters and
 * digits of the text in a row, each remembering where it was.
 */
function compactRuns(folded: string, characters: string, kind: RedactionKind): Found[] {
  let compact = "";
  const at: number[] = [];
  for (let index = 0; index < folded.length; index++) {
    if (isWordCharacter(folded[index])) {
      compact += folded[index];
      at.push(index);
    }
  }
  const found: Found[] = [];
  for (let from = compact.indexOf(characters); from >= 0; from = compact.indexOf(characters, from + 1)) {
    const start = at[from]!;
    const end = at[from + characters.length - 1]! + 1;
    // No more than three separators between two characters: two IDs side by side are not one.
    const spread = folded.slice(start, end).replace(/[\p{L}\p{N}]/gu, "").length <= 3 * characters.length;
    if (spread && !isWordCharacter(folded[start - 1]) && !isWordCharacter(folded[end])) found.push({ kind, start, end });
  }
  return found;
}

/** A run of digits standing alone. */
function digitRuns(folded: string, digits: string, kind: RedactionKind): Found[] {
  const found: Found[] = [];
  for (let at = folded.indexOf(digits); at >= 0; at = folded.indexOf(digits, at + 1)) {
    const end = at + digits.length;
    if (!isWordCharacter(folded[at - 1]) && !isWordCharacter(folded[end])) found.push({ kind, start: at, end });
  }
  return found;
}

const MONTHS =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|" +
  "enero|febrero|marzo|abril|mayo|junio|julio|agosto|se(?:p|pt)iembre|octubre|noviembre|diciembre|ene|abr|dic";
const YEAR = "(?:19|20)\\d{2}";
const STATE_CODES =
  "al|ak|az|ar|ca|co|ct|de|dc|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|oh|ok|or|pa|pr|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy";

/** A date says its year at most: "[date in 2026]", "[date]" when it gives none. */
function dateReplacement(match: string): string {
  const year = match.match(/(?:19|20)\d{2}/)?.[0] ?? (/\d{1,2}[/.-]\d{1,2}[/.-](\d{2})$/.exec(match)?.[1] ? `20${/(\d{2})$/.exec(match)![1]}` : null);
  return year ? `[date in ${year}]` : "[date]";
}

/** Identifiers nobody told the case about, by their shape. */
const GENERAL_PATTERNS: Pattern[] = [
  { kind: "email", regex: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[a-z]{2,}/gu },
  // 2026-12-05, 12/05/2026, 12-5-26, 5.12.2026
  {
    kind: "date",
    regex: new RegExp(`${BEFORE}(?:${YEAR}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.](?:${YEAR}|\\d{2}))${AFTER}`, "gu"),
    replace: dateReplacement,
  },
  // December 5, 2026; Dec. 5th; 5 December 2026; 5 de diciembre de 2026
  {
    kind: "date",
    regex: new RegExp(
      `${BEFORE}(?:(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+${YEAR})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:de\\s+)?(?:${MONTHS})\\.?(?:,?\\s+(?:de\\s+|del\\s+)?${YEAR})?)${AFTER}`,
      "gu",
    ),
    replace: dateReplacement,
  },
  { kind: "phone", regex: new RegExp(`${BEFORE}(?:\\+?1[\\s.\\-]?)?\\(?\\d{3}\\)?[\\s.\\-]?\\d{3}[\\s.\\-]\\d{4}${AFTER}`, "gu") },
  { kind: "id", regex: new RegExp(`${BEFORE}\\d{3}-\\d{2}-\\d{4}${AFTER}`, "gu") },
  // Claim, member and record numbers: six digits or more, or two letters or more joined to four digits or more ("EHP-DEMO-1003",
  // "MRN#48213"); a procedure code (one letter, four digits: "A9276") stays.
  { kind: "id", regex: new RegExp(`${BEFORE}(?:(?:[a-z]{2,6}-)*[a-z]{2,6}[\\-#]?\\d{4,}(?:[\\-/][a-z0-9]+)*|[a-z]?\\d{6,})${AFTER}`, "gu") },
  // A ZIP code after a state's code or the word ZIP: "CA 90033", "zip 97205-1234"
  { kind: "zip", regex: new RegExp(`(?<=\\b(?:${STATE_CODES}|zip(?: code)?)\\.?,?\\s{1,2})\\d{5}(?:-\\d{4})?${AFTER}`, "gu") },
  // "412 Alder Street", "88 Harbor View Rd."
  {
    kind: "address",
    regex: new RegExp(
      `${BEFORE}\\d{1,6}\\s+(?:[\\p{L}\\p{N}.']+\\s+){1,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|way|court|ct|place|pl|terrace|circle|highway|hwy|calle|avenida)\\.?${AFTER}`,
      "gu",
    ),
  },
  // Ages over 89 are identifying on their own (HIPAA's safe harbor).
  { kind: "age", regex: new RegExp(`${BEFORE}(?:9\\d|1[0-2]\\d)(?=[\\s-]*(?:years?|yrs?|-year|anos?)\\b)`, "gu") },
];

/**
 * The findings without the case's identifiers and anything shaped like one.
 * Overlapping matches are merged into the widest, so no piece of an
 * identifier is left beside its replacement.
 */
export function redactFindings(original: string, identifiers: CaseIdentifiers): RedactedText {
  const folded = fold(original);
  const matches: Found[] = findCaseIdentifiers(folded.text, identifiers);
  for (const pattern of GENERAL_PATTERNS) {
    for (const match of folded.text.matchAll(pattern.regex)) {
      matches.push({ kind: pattern.kind, start: match.index, end: match.index + match[0].length, replacement: pattern.replace?.(match[0]) });
    }
  }
  const found: Redaction[] = matches.map((match) => ({
    kind: match.kind,
    start: folded.origin[match.start]!,
    end: folded.origin[match.end]!,
    replacement: match.replacement ?? REPLACEMENTS[match.kind as Exclude<RedactionKind, "date">],
  }));
  // Earliest first, the widest of those starting together; then swallow what overlaps.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Redaction[] = [];
  for (const redaction of found) {
    const last = kept.at(-1);
    if (last && redaction.start < last.end) {
      if (redaction.end > last.end) last.end = redaction.end;
      continue;
    }
    kept.push({ ...redaction });
  }
  let text = "";
  let from = 0;
  for (const redaction of kept) {
    text += original.slice(from, redaction.start) + redaction.replacement;
    from = redaction.end;
  }
  return { text: text + original.slice(from), redactions: kept };
}
