import { describe, expect, it } from "vitest";
import { parseSearchQuery, QUERY_MAX_LENGTH, QUERY_MAX_TERMS } from "~/domain/casefile/search-query";

function tsquery(input: string): string {
  const result = parseSearchQuery(input);
  if (!result.ok) throw new Error(`expected "${input}" to parse, got: ${result.message}`);
  return result.search.tsquery;
}

function refusal(input: string): string {
  const result = parseSearchQuery(input);
  if (result.ok) throw new Error(`expected "${input}" to be refused, got ${result.search.tsquery}`);
  return result.message;
}

describe("the case file's search query", () => {
  it("needs every word by default, lower-cased", () => {
    expect(tsquery("Chest pain")).toBe("('chest' & 'pain')");
    expect(tsquery("chest AND pain")).toBe("('chest' & 'pain')");
  });

  it("keeps a quoted phrase's words next to each other", () => {
    expect(tsquery('"medically necessary"')).toBe("('medically' <-> 'necessary')");
    expect(tsquery("“denial letter” MRI")).toBe("(('denial' <-> 'letter') & 'mri')");
  });

  it("reads OR as either, binding tighter than the implied AND as search engines do", () => {
    expect(tsquery("mri OR ct scan")).toBe("(('mri' | 'ct') & 'scan')");
    expect(tsquery("mri OR ct OR pet -contrast")).toBe("(('mri' | 'ct' | 'pet') & !'contrast')");
    expect(tsquery("(mri scan) OR ct")).toBe("(('mri' & 'scan') | 'ct')");
  });

  it("leaves out words after NOT or a minus", () => {
    expect(tsquery("pain -chest")).toBe("('pain' & !'chest')");
    expect(tsquery('pain NOT "chest pain"')).toBe("('pain' & !('chest' <-> 'pain'))");
    expect(tsquery("pain NOT NOT chest")).toBe("('pain' & 'chest')");
  });

  it("matches the start of a word with *", () => {
    expect(tsquery("cardi*")).toBe("'cardi':*");
    expect(tsquery("x-ray*")).toBe("('x' <-> 'ray':*)");
  });

  it("groups with brackets", () => {
    expect(tsquery("(mri OR ct) AND denied")).toBe("(('mri' | 'ct') & 'denied')");
    expect(tsquery("((a1c))")).toBe("'a1c'");
  });

  it("keeps letters of every language and digits", () => {
    expect(tsquery("corazón 2024")).toBe("('corazón' & '2024')");
  });

  it("reads hyphenated and dotted words as phrases", () => {
    expect(tsquery("follow-up")).toBe("('follow' <-> 'up')");
    expect(tsquery("e.g.")).toBe("('e' <-> 'g')");
  });

  it("says which single plain word may be looked for by its close spellings", () => {
    const one = parseSearchQuery("Metoprolol");
    expect(one.ok && one.search.singleWord).toBe("metoprolol");
    for (const query of ["metoprolol 50", "metopro*", '"heart failure"', "-metoprolol x"]) {
      const result = parseSearchQuery(query);
      expect(result.ok && result.search.singleWord).toBe(null);
    }
  });

  it("counts the words for the audit", () => {
    const result = parseSearchQuery('"heart failure" OR cardi* -chest');
    expect(result.ok && result.search.termCount).toBe(4);
  });

  it("refuses an empty search or one with nothing to look for", () => {
    expect(refusal("")).toBe("Type a word to look for.");
    expect(refusal("   ")).toBe("Type a word to look for.");
    expect(refusal("&& -- ;;")).toMatch(/Type a word to look for/);
    expect(refusal('""')).toMatch(/Type a word to look for/);
  });

  it("refuses a search that only leaves words out", () => {
    expect(refusal("-chest")).toMatch(/Add a word the pages must have/);
    expect(refusal("NOT chest NOT pain")).toMatch(/Add a word the pages must have/);
    expect(refusal("pain OR -chest")).toMatch(/Add a word the pages must have/);
  });

  it("says what is wrong with dangling operators and brackets", () => {
    expect(refusal("pain OR")).toBe("OR needs a word on each side.");
    expect(refusal("OR pain")).toBe("OR needs a word on each side.");
    expect(refusal("pain AND")).toBe("AND needs a word on each side.");
    expect(refusal("pain NOT")).toBe("NOT and the minus sign need a word after them.");
    expect(refusal("(pain")).toBe("An opening bracket has no closing bracket.");
    expect(refusal("pain)")).toBe("A closing bracket has no opening bracket.");
    expect(refusal("()")).toBe("Brackets need words inside them.");
    expect(refusal('"heart failure')).toBe("A quoted phrase needs its closing quote.");
  });

  it("refuses a prefix too short to mean anything", () => {
    expect(refusal("a*")).toMatch(/at least 2 letters before the \*/);
  });

  it("keeps to the length and word limits", () => {
    expect(refusal("a".repeat(QUERY_MAX_LENGTH + 1))).toMatch(/200 characters or fewer/);
    expect(parseSearchQuery("a".repeat(QUERY_MAX_LENGTH)).ok).toBe(true);
    const words = (count: number) => Array.from({ length: count }, (_, index) => `w${index}`).join(" ");
    expect(parseSearchQuery(words(QUERY_MAX_TERMS)).ok).toBe(true);
    expect(refusal(words(QUERY_MAX_TERMS + 1))).toMatch(/20 words or fewer \(the search has 21\)/);
    expect(refusal(`"${words(QUERY_MAX_TERMS + 1)}"`)).toMatch(/20 words or fewer/);
  });

  it("never lets tsquery or SQL syntax through from what was typed", () => {
    const hostile = [
      '\'; DROP TABLE "DocumentPage"; --',
      "pain' | 'x",
      "a:* & b:ABCD",
      "\\' OR 1=1",
      "pain <-> chest",
      "pain <2> chest !x",
      "$1 $$ $tag$",
      "a\u0000b",
      "((((((((((x))))))))))",
      "pain\u200b chest",
    ];
    for (const query of hostile) {
      const result = parseSearchQuery(query);
      if (!result.ok) continue;
      // Every lexeme is a quoted run of letters and digits; the rest is this parser's own operators.
      const withoutLexemes = result.search.tsquery.replace(/'[\p{L}\p{N}]+'(:\*)?/gu, "");
      expect(withoutLexemes, query).toMatch(/^[()&|! <\->]*$/u);
    }
    expect(tsquery('\'; DROP TABLE "DocumentPage"; --')).toBe("('drop' & 'table' & 'documentpage')");
  });

  it("handles very deep brackets without giving way", () => {
    const deep = `${"(".repeat(99)}x${")".repeat(99)}`;
    expect(tsquery(deep)).toBe("'x'");
    expect(refusal(`${"(".repeat(100)}x`)).toBe("An opening bracket has no closing bracket.");
  });
});
