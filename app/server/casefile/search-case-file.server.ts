/**
 * Search across a case's whole file: the pages' text in the index
 * (DocumentPage, docs/decisions/0024-where-a-records-text-lives.md), read
 * only through the case's access rules, each search audited as a view of the
 * record.
 */
import { can } from "~/domain/permissions";
import { parseSearchQuery, toTsquery, type SearchNode } from "~/domain/casefile/search-query";
import { HITS_PER_PAGE, MARK_START, MARK_STOP, MAX_HITS, RANKED_MATCHES, type SearchCoverage } from "~/domain/casefile/search-hits";
import { isId } from "~/schemas/ids";
import { audit } from "../audit.server";
import { caseRefused, type CaseReader } from "../cases/case-views.server";
import { db, Prisma, readRows } from "../db.server";
import { ownAssignment } from "../determinations/writable-determination.server";
import { screeningWhere } from "../intake/intake-case.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";

export interface SearchHit {
  pageNumber: number;
  /** The page's text around the hits, the hit words between MARK_START and MARK_STOP. */
  snippet: string;
  /** Set when the page repeats another (shown only when duplicates are not hidden). */
  duplicate: boolean;
}

export interface SearchDocumentHits {
  documentId: string;
  fileName: string;
  hits: SearchHit[];
}

export interface CaseFileSearch {
  /** Hits in all, up to MAX_HITS. */
  total: number;
  /** Which page of hits this is, from 1. */
  page: number;
  /** This page's hits by document (the best hit's document first), then page. */
  documents: SearchDocumentHits[];
  /** Matching pages left out because they repeat another page; 0 when duplicates are shown. */
  hiddenDuplicates: number;
  /** The typed word whose close spellings are shown, when nothing matched it exactly. */
  closeSpellingsOf: string | null;
}

export interface SearchCaseFileInput {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  /** What was typed; null or empty for the coverage alone (nothing searched, nothing audited). */
  query: string | null;
  /** The page of hits, from 1. */
  page?: number;
  /** Leave out pages that repeat another page (the default). */
  hideDuplicates?: boolean;
  /** Which page the search was made on ("reviewer", "coordinator"), for the audit row. */
  from: "reviewer" | "coordinator";
  at: Date;
}

/**
 * A coordinator (case:screen) searches any case they may screen; a reviewer
 * only a case they are assigned to and may read whole (in review). Anyone
 * else: 404, logged as `access.denied`.
 */
async function searchableCase(user: SessionUser, caseId: string, reader: CaseReader) {
  if (can(user.roles, "case:screen")) {
    const kase = await db.case.findFirst({ where: screeningWhere(user, caseId), select: { id: true, reference: true } });
    if (kase?.reference) return kase;
  }
  if (user.roles.includes("REVIEWER") && isId(caseId)) {
    const assignment = await ownAssignment(user, caseId, reader, { action: "case:read" });
    if (assignment.view === "case") return db.case.findUniqueOrThrow({ where: { id: caseId }, select: { id: true, reference: true } });
  }
  throw await caseRefused(reader, caseId);
}

export interface CaseFileSearchAnswer {
  coverage: SearchCoverage;
  /** What was typed, trimmed, to show in the field again. */
  query: string;
  hideDuplicates: boolean;
  search: CaseFileSearch | null;
  /** Why the query cannot be read, for the field: the page answers 400. */
  refused: string | null;
}

/**
 * The case's search: its coverage, and for a query its hits, ranked, a page
 * at a time. A query that cannot be read is refused with the parser's
 * message, after the access check, so a stranger learns nothing.
 */
export async function searchCaseFile(input: SearchCaseFileInput): Promise<CaseFileSearchAnswer> {
  const reader: CaseReader = { actor: input.actor, page: input.from, at: input.at };
  const kase = await searchableCase(input.user, input.caseId, reader);
  const coverage = await searchCoverage(kase.id);
  const typed = input.query?.trim() ?? "";
  const hideDuplicates = input.hideDuplicates ?? true;
  const answer = { coverage, query: typed, hideDuplicates, search: null, refused: null };
  if (!typed) return answer;
  const parsed = parseSearchQuery(typed);
  if (!parsed.ok) return { ...answer, refused: parsed.message };

  const page = Math.max(1, Math.min(input.page ?? 1, Math.ceil(MAX_HITS / HITS_PER_PAGE)));
  const window = { caseId: kase.id, hideDuplicates, offset: (page - 1) * HITS_PER_PAGE };
  let closeSpellingsOf: string | null = null;
  let rows = await readRows<HitRow>(await exactHitsSql(parsed.search.tree, window));
  if (rows[0]!.matches === 0 && parsed.search.singleWord) {
    closeSpellingsOf = parsed.search.singleWord;
    const close = await closeWords(kase.id, closeSpellingsOf);
    if (close) rows = await readRows<HitRow>(hitsStatement(wordsMatching(close), closeSnippet(closeSpellingsOf), window));
  }
  const { total, duplicates } = rows[0]!;

  // What was typed stays out of the audit log: it can name the patient or a diagnosis, and audit rows outlive the case (ADR 0024).
  await audit(input.actor, {
    action: "case.case_file_searched",
    objectType: "Case",
    objectId: kase.id,
    detail: {
      reference: kase.reference,
      page: input.from,
      queryLength: typed.length,
      terms: parsed.search.termCount,
      hits: total,
      closeSpellings: closeSpellingsOf !== null,
    },
    at: input.at,
  });

  return {
    ...answer,
    search: {
      total,
      page,
      documents: groupByDocument(rows.filter((row) => row.documentId !== null)),
      hiddenDuplicates: hideDuplicates ? duplicates : 0,
      closeSpellingsOf,
    },
  };
}

/** Which hits a statement lists: the case's, with or without duplicates, from `offset`. */
export interface HitsWindow {
  caseId: string;
  hideDuplicates: boolean;
  offset: number;
}

interface HitRow {
  documentId: string | null;
  fileName: string | null;
  pageNumber: number | null;
  duplicate: boolean | null;
  snippet: string | null;
  /** Pages matching, duplicates included, counted up to RANKED_MATCHES + 1 (only whether there are none is read). */
  matches: number;
  /** Hits listed (duplicates left out when hidden), up to MAX_HITS. */
  total: number;
  /** Matching pages that repeat another page. */
  duplicates: number;
}

/** How a search finds the case's pages (a condition on the page `p`) and ranks them (an expression over `p`). */
interface Matching {
  where: (caseId: string) => Prisma.Sql;
  rank: Prisma.Sql;
}

/** The case's words a prefix may stand for, at most this many; past it, the index's own prefix search (slower on a large index) is used. */
const PREFIX_WORDS_MAX = 64;
/** Close spellings: the case's words at least this similar (pg_trgm's similarity) to the word typed, the closest few. */
const CLOSE_SPELLING_SIMILARITY = 0.5;
const CLOSE_SPELLINGS_MAX = 5;

/** A tsquery over given lexemes, as tsquery input (`'a' | 'b'`): its words are taken as they are, never stemmed again. */
function lexemesQuery(lexemes: readonly string[]): string {
  return lexemes.map((lexeme) => `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(" | ");
}

/** The last word of each prefix term (cardio in cardio*). */
function prefixesOf(node: SearchNode): string[] {
  switch (node.kind) {
    case "term":
      return node.prefix ? [node.words[node.words.length - 1]!] : [];
    case "not":
      return prefixesOf(node.node);
    default:
      return node.nodes.flatMap(prefixesOf);
  }
}

/**
 * The words of the case's pages that each prefix starts, from the case's own
 * word list (DocumentLexeme, by its index on the case): the index then finds
 * their pages as it finds any word's. A prefix searched in the page index
 * itself would gather every page of every case holding such a word first
 * (about 350 ms for cardio* over 2 million pages). A prefix starting more
 * than PREFIX_WORDS_MAX words is left to the page index (null).
 */
async function prefixWords(caseId: string, prefixes: string[]): Promise<Map<string, string | null>> {
  if (prefixes.length === 0) return new Map();
  const rows = await readRows<{ prefix: string; lexemes: string[] }>(Prisma.sql`
    SELECT w.prefix, array(
      SELECT DISTINCT l.lexeme FROM "DocumentLexeme" l
       WHERE l."caseId" = ${caseId}::uuid AND (l.lexeme LIKE s.english || '%' OR l.lexeme LIKE s.spanish || '%')
       LIMIT ${PREFIX_WORDS_MAX + 1}) AS lexemes
    FROM unnest(${prefixes}::text[]) AS w(prefix),
      LATERAL (SELECT coalesce((ts_lexize('english_stem', w.prefix))[1], w.prefix) AS english,
                      coalesce((ts_lexize('spanish_stem', w.prefix))[1], w.prefix) AS spanish) s`);
  return new Map(rows.map((row) => [row.prefix, row.lexemes.length > 0 && row.lexemes.length <= PREFIX_WORDS_MAX ? lexemesQuery(row.lexemes) : null]));
}

/** A term's tsquery in English and in Spanish stems, as the page's searchVector holds both; the tsquery text is a parameter, never SQL. */
const stemmed = (tsquery: string) => Prisma.sql`(to_tsquery('english', ${tsquery}) || to_tsquery('spanish', ${tsquery}))`;

/** The search tree as one tsquery: each term stemmed, each prefix as the case's words it starts when they are known. */
function treeQuery(node: SearchNode, prefixes: ReadonlyMap<string, string | null>): Prisma.Sql {
  switch (node.kind) {
    case "term": {
      if (!node.prefix) return stemmed(toTsquery(node));
      const last = node.words[node.words.length - 1]!;
      const words = prefixes.get(last);
      const tail = words ? Prisma.sql`${words}::tsquery` : stemmed(toTsquery({ kind: "term", words: [last], prefix: true }));
      if (node.words.length === 1) return tail;
      return Prisma.sql`tsquery_phrase(${stemmed(toTsquery({ kind: "term", words: node.words.slice(0, -1), prefix: false }))}, ${tail})`;
    }
    case "not":
      return Prisma.sql`(!! ${treeQuery(node.node, prefixes)})`;
    case "and":
      return Prisma.sql`(${Prisma.join(
        node.nodes.map((child) => treeQuery(child, prefixes)),
        " && ",
      )})`;
    case "or":
      return Prisma.sql`(${Prisma.join(
        node.nodes.map((child) => treeQuery(child, prefixes)),
        " || ",
      )})`;
  }
}

/** The pages holding any of the words of a tsquery, by the case's GIN index. */
function wordsMatching(query: Prisma.Sql): Matching {
  return {
    where: (caseId) => Prisma.sql`p."caseId" = ${caseId}::uuid AND p."searchVector" @@ ${query}`,
    rank: Prisma.sql`ts_rank(p."searchVector", ${query})`,
  };
}

/**
 * The case's words spelled like `word` (pg_trgm's similarity, from the case's
 * word list by its trigram index), as a tsquery; null when none is close.
 */
async function closeWords(caseId: string, word: string): Promise<Prisma.Sql | null> {
  const rows = await readRows<{ lexeme: string }>(Prisma.sql`
    SELECT l.lexeme FROM "DocumentLexeme" l
     WHERE l."caseId" = ${caseId}::uuid AND l.lexeme % ${word} AND similarity(l.lexeme, ${word}) >= ${CLOSE_SPELLING_SIMILARITY}
     GROUP BY l.lexeme ORDER BY similarity(l.lexeme, ${word}) DESC, l.lexeme LIMIT ${CLOSE_SPELLINGS_MAX}`);
  return rows.length ? Prisma.sql`${lexemesQuery(rows.map((row) => row.lexeme))}::tsquery` : null;
}

/** ts_headline's options: two short fragments, the markers for <mark>. */
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
/** The page's text without the marker characters, so a document cannot forge a highlight. */
const PLAIN_TEXT = Prisma.sql`translate(page.text, ${MARK_START + MARK_STOP}, '')`;

/** The hit's snippet, in English or, when English stems highlight nothing, in Spanish. */
function exactSnippet(tsquery: string): Prisma.Sql {
  const headline = (config: string) =>
    Prisma.sql`ts_headline(${config}::regconfig, ${PLAIN_TEXT}, to_tsquery(${config}::regconfig, ${tsquery}), ${HEADLINE_OPTIONS})`;
  return Prisma.sql`(SELECT CASE WHEN strpos(h.english, ${MARK_START}) > 0 THEN h.english ELSE ${headline("spanish")} END
    FROM (SELECT ${headline("english")} AS english) h)`;
}

/** The snippet around the page's word closest to `word`. */
function closeSnippet(word: string): Prisma.Sql {
  return Prisma.sql`(SELECT ts_headline('simple', ${PLAIN_TEXT}, phraseto_tsquery('simple', w.word), ${HEADLINE_OPTIONS})
    FROM regexp_split_to_table(page.text, '[^[:alnum:]]+') AS w(word)
    WHERE w.word <> '' ORDER BY similarity(lower(w.word), ${word}) DESC LIMIT 1)`;
}

/**
 * One statement: the counts (matching pages, listed hits, duplicates) and
 * one page of hits, ranked best first, each with its document's name and its
 * snippet. The case's matching pages are found by the case's GIN index (the
 * `found` CTE has no limit of its own, so it is planned for all of them) but
 * read lazily: only the first RANKED_MATCHES + 1 are ever fetched, ranked as
 * they are read, and counted. A broad query over a very large case file
 * therefore costs the same as one matching RANKED_MATCHES pages, and the page
 * says "1,000 or more pages match". Snippets are made only for the page of
 * hits shown.
 */
function hitsStatement(matching: Matching, snippet: Prisma.Sql, window: HitsWindow) {
  return Prisma.sql`
    WITH found AS MATERIALIZED (
      SELECT p.id, p."documentId", p."pageNumber", p."duplicateOfId" IS NOT NULL AS duplicate, ${matching.rank} AS rank
      FROM "DocumentPage" p WHERE ${matching.where(window.caseId)}
    ),
    matches AS MATERIALIZED (SELECT * FROM found LIMIT ${RANKED_MATCHES}),
    listed AS MATERIALIZED (
      SELECT * FROM matches WHERE NOT (${window.hideDuplicates} AND duplicate)
      ORDER BY rank DESC, "documentId", "pageNumber" LIMIT ${MAX_HITS}
    ),
    counts AS (
      SELECT (SELECT count(*) FROM (SELECT FROM found LIMIT ${RANKED_MATCHES + 1}) counted)::int AS matches,
        (SELECT count(*) FROM listed)::int AS total,
        (SELECT count(*) FROM matches WHERE duplicate)::int AS duplicates
    )
    SELECT hit."documentId", d."fileName", hit."pageNumber", hit.duplicate, ${snippet} AS snippet, counts.*
    FROM counts
    LEFT JOIN LATERAL (SELECT * FROM listed ORDER BY rank DESC, "documentId", "pageNumber" OFFSET ${window.offset} LIMIT ${HITS_PER_PAGE}) hit ON true
    LEFT JOIN "DocumentPage" page ON page.id = hit.id
    LEFT JOIN "Document" d ON d.id = hit."documentId"
    ORDER BY hit.rank DESC, hit."documentId", hit."pageNumber"`;
}

/** The statement of a search's exact hits, once its prefixes are looked up in the case's words (bench/search-pages.ts times it on its own). */
export async function exactHitsSql(tree: SearchNode, window: HitsWindow): Promise<Prisma.Sql> {
  const prefixes = await prefixWords(window.caseId, prefixesOf(tree));
  return hitsStatement(wordsMatching(treeQuery(tree, prefixes)), exactSnippet(toTsquery(tree)), window);
}

/** Hits by document, in the order of each document's best hit, and by page within it. */
function groupByDocument(rows: HitRow[]): SearchDocumentHits[] {
  const documents = new Map<string, SearchDocumentHits>();
  for (const row of rows) {
    const group = documents.get(row.documentId!) ?? { documentId: row.documentId!, fileName: row.fileName!, hits: [] };
    group.hits.push({ pageNumber: row.pageNumber!, snippet: row.snippet ?? "", duplicate: row.duplicate! });
    documents.set(group.documentId, group);
  }
  for (const group of documents.values()) group.hits.sort((a, b) => a.pageNumber - b.pageNumber);
  return [...documents.values()];
}

/** How much of the case file the search covers, from the documents' text layer progress. */
async function searchCoverage(caseId: string): Promise<SearchCoverage> {
  const documents = await db.document.findMany({
    where: { caseId, textLayerStatus: { not: null } },
    select: { textLayerStatus: true, pageCount: true, pagesIndexed: true },
  });
  const reading = documents.filter((row) => row.textLayerStatus === "PENDING" || row.textLayerStatus === "RUNNING");
  return {
    indexed: documents.reduce((sum, row) => sum + row.pagesIndexed, 0),
    total: documents.reduce((sum, row) => sum + (row.pageCount ?? row.pagesIndexed), 0),
    stillReading: reading.reduce((sum, row) => sum + Math.max(0, (row.pageCount ?? 0) - row.pagesIndexed), 0),
    unreadable: documents.filter((row) => row.textLayerStatus === "FAILED").length,
  };
}
