/**
 * The case file's search language, read by people who never learnt one:
 *   words                 every word must be on the page (AND is implied; "AND" may be typed)
 *   "quoted phrase"       the words next to each other, in that order
 *   a OR b                either (binding tighter than the implied AND: "mri OR ct scan" needs "scan")
 *   NOT word, -word       the page must not have it
 *   cardi*                words starting with "cardi"
 *   ( … )                 grouping
 * The query becomes a PostgreSQL tsquery text (to_tsquery syntax) made only of
 * quoted lexemes of letters and digits and the operators this parser writes,
 * so what a user types can never become SQL or tsquery syntax. The server
 * passes it as a parameter to to_tsquery in English and in Spanish.
 */

/** Longest query accepted, in characters. */
export const QUERY_MAX_LENGTH = 200;
/** Most words a query may hold (each word of a phrase counts). */
export const QUERY_MAX_TERMS = 20;
/** Letters a prefix needs before its `*`, so that `a*` does not match every page. */
export const PREFIX_MIN_LENGTH = 2;

/** Shown next to the search field: the whole syntax in one line. */
export const QUERY_SYNTAX_HINT =
  'Words must all be on the page. Use "quotes" for a phrase, OR for either word, a minus or NOT to leave a word out, and * after the start of a word (cardi*).';

export type SearchNode =
  | { kind: "term"; words: readonly string[]; prefix: boolean }
  | { kind: "not"; node: SearchNode }
  | { kind: "and"; nodes: readonly SearchNode[] }
  | { kind: "or"; nodes: readonly SearchNode[] };

export interface ParsedSearch {
  tree: SearchNode;
  /** The tsquery text for to_tsquery (both configurations). */
  tsquery: string;
  /** Words in the query, for the audit row and the limits. */
  termCount: number;
  /** The query's one plain word, when it is just that: the only query close spellings are looked for. */
  singleWord: string | null;
}

export type SearchQueryResult = { ok: true; search: ParsedSearch } | { ok: false; message: string };

type Token =
  { type: "word"; words: string[]; prefix: boolean; text: string } | { type: "phrase"; words: string[] } | { type: "or" | "and" | "not" | "open" | "close" };

class QueryError extends Error {}

const WORD_PART = /[\p{L}\p{N}]+/gu;

function partsOf(text: string): string[] {
  return (text.normalize("NFC").match(WORD_PART) ?? []).map((part) => part.toLowerCase());
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < query.length) {
    const char = query[index]!;
    if (/\s/u.test(char)) {
      index += 1;
    } else if (char === '"' || char === "“" || char === "”") {
      const close = query.slice(index + 1).search(/["“”]/u);
      if (close < 0) throw new QueryError("A quoted phrase needs its closing quote.");
      const words = partsOf(query.slice(index + 1, index + 1 + close));
      if (words.length > 0) tokens.push({ type: "phrase", words });
      index += close + 2;
    } else if (char === "(" || char === ")") {
      tokens.push({ type: char === "(" ? "open" : "close" });
      index += 1;
    } else if (char === "-" && /^[\p{L}\p{N}"“”(]/u.test(query.slice(index + 1, index + 2))) {
      tokens.push({ type: "not" });
      index += 1;
    } else {
      const end = query.slice(index).search(/[\s"“”()]/u);
      const text = end < 0 ? query.slice(index) : query.slice(index, index + end);
      index += text.length;
      if (text === "OR" || text === "|") tokens.push({ type: "or" });
      else if (text === "AND" || text === "&") tokens.push({ type: "and" });
      else if (text === "NOT") tokens.push({ type: "not" });
      else {
        const words = partsOf(text);
        // Punctuation on its own ("&&", "--", ";") says nothing to look for.
        if (words.length > 0) tokens.push({ type: "word", words, prefix: text.endsWith("*"), text });
      }
    }
  }
  return tokens;
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parse(): SearchNode {
    const tree = this.and();
    const rest = this.tokens[this.position];
    if (rest) throw new QueryError(rest.type === "close" ? "A closing bracket has no opening bracket." : "The query could not be read.");
    return tree;
  }

  private peek() {
    return this.tokens[this.position];
  }

  /** Words side by side must all be there; OR binds tighter, so "mri OR ct scan" is (mri OR ct) AND scan, as search engines read it. */
  private and(): SearchNode {
    if (!this.startsOperand()) {
      throw new QueryError(
        this.peek()?.type === "or"
          ? "OR needs a word on each side."
          : this.peek()?.type === "close"
            ? "Brackets need words inside them."
            : "Type a word to look for.",
      );
    }
    const nodes = [this.or()];
    for (;;) {
      if (this.peek()?.type === "and") {
        this.position += 1;
        if (!this.startsOperand()) throw new QueryError("AND needs a word on each side.");
      } else if (!this.startsOperand()) break;
      nodes.push(this.or());
    }
    return nodes.length === 1 ? nodes[0]! : { kind: "and", nodes };
  }

  private or(): SearchNode {
    const nodes = [this.unary()];
    while (this.peek()?.type === "or") {
      this.position += 1;
      if (!this.startsOperand()) throw new QueryError("OR needs a word on each side.");
      nodes.push(this.unary());
    }
    return nodes.length === 1 ? nodes[0]! : { kind: "or", nodes };
  }

  private startsOperand(): boolean {
    const type = this.peek()?.type;
    return type === "word" || type === "phrase" || type === "not" || type === "open";
  }

  private unary(): SearchNode {
    const token = this.tokens[this.position]!;
    this.position += 1;
    switch (token.type) {
      case "not": {
        if (!this.startsOperand()) throw new QueryError("NOT and the minus sign need a word after them.");
        const node = this.unary();
        // "NOT NOT x" is x: said twice, it cancels out.
        return node.kind === "not" ? node.node : { kind: "not", node };
      }
      case "open": {
        const node = this.and();
        if (this.peek()?.type !== "close") throw new QueryError("An opening bracket has no closing bracket.");
        this.position += 1;
        return node;
      }
      case "word": {
        const last = token.words[token.words.length - 1]!;
        if (token.prefix && last.length < PREFIX_MIN_LENGTH) {
          throw new QueryError(`Put at least ${PREFIX_MIN_LENGTH} letters before the * in "${token.text.slice(0, 40)}".`);
        }
        return { kind: "term", words: token.words, prefix: token.prefix };
      }
      case "phrase":
        return { kind: "term", words: token.words, prefix: false };
      default:
        throw new QueryError("The query could not be read.");
    }
  }
}

function countTerms(node: SearchNode): number {
  switch (node.kind) {
    case "term":
      return node.words.length;
    case "not":
      return countTerms(node.node);
    default:
      return node.nodes.reduce((sum, child) => sum + countTerms(child), 0);
  }
}

/** Whether every page the query matches must hold some word of it: "NOT x", or "a OR -b", match almost every page. */
function looksForSomething(node: SearchNode): boolean {
  switch (node.kind) {
    case "term":
      return true;
    case "not":
      return false;
    case "and":
      return node.nodes.some(looksForSomething);
    case "or":
      return node.nodes.every(looksForSomething);
  }
}

/** A lexeme as to_tsquery reads it: quoted, so it is only ever a word (its letters and digits need no escaping). */
const lexeme = (word: string, prefix: boolean) => `'${word}'${prefix ? ":*" : ""}`;

/** The tree as tsquery text: every group bracketed, so precedence never depends on PostgreSQL's. */
export function toTsquery(node: SearchNode): string {
  switch (node.kind) {
    case "term": {
      const last = node.words.length - 1;
      const words = node.words.map((word, index) => lexeme(word, node.prefix && index === last));
      return words.length === 1 ? words[0]! : `(${words.join(" <-> ")})`;
    }
    case "not":
      return `!${toTsquery(node.node)}`;
    case "and":
      return `(${node.nodes.map(toTsquery).join(" & ")})`;
    case "or":
      return `(${node.nodes.map(toTsquery).join(" | ")})`;
  }
}

/** Reads what the user typed in the search field: the search, or a message to show next to the field. */
export function parseSearchQuery(input: string): SearchQueryResult {
  const query = input.trim();
  if (query.length === 0) return { ok: false, message: "Type a word to look for." };
  if (query.length > QUERY_MAX_LENGTH) return { ok: false, message: `Keep the search to ${QUERY_MAX_LENGTH} characters or fewer (it has ${query.length}).` };
  try {
    const tokens = tokenize(query);
    if (tokens.length === 0) return { ok: false, message: "Type a word to look for: letters or numbers." };
    const tree = new Parser(tokens).parse();
    const termCount = countTerms(tree);
    if (termCount > QUERY_MAX_TERMS) return { ok: false, message: `Use ${QUERY_MAX_TERMS} words or fewer (the search has ${termCount}).` };
    if (!looksForSomething(tree)) return { ok: false, message: "Add a word the pages must have: a word left out on its own would match almost every page." };
    const singleWord = tree.kind === "term" && tree.words.length === 1 && !tree.prefix ? tree.words[0]! : null;
    return { ok: true, search: { tree, tsquery: toTsquery(tree), termCount, singleWord } };
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, message: error.message };
    throw error;
  }
}
