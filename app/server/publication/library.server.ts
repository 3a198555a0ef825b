/**
 * The public library of decisions (docs/rules/publication.md, "The public
 * library"): search, facets, one decision, and the rows of an export. Every
 * statement reads PUBLISHED rows only, and only the columns the library
 * shows: never the raw diagnosis subcategory, the case, the draft or who
 * approved it.
 */
import { MARK_START, MARK_STOP } from "~/domain/casefile/search-hits";
import type { PublishedRow } from "~/domain/publication/library-export";
import { DISPUTE_TYPES, TRACKS, type DisputeTypeCode, type OutcomeCode, type TrackCode } from "~/domain/reports/labels";
import { isId } from "~/schemas/ids";
import { LIBRARY_EXPORT_MAX, LIBRARY_FILTERS, LIBRARY_PAGE_SIZE, type LibraryFilter, type LibraryQuery } from "~/schemas/library";
import { Prisma, readRows } from "../db.server";

const OUTCOMES: readonly OutcomeCode[] = ["UPHELD", "OVERTURNED", "OVERTURNED_IN_PART"];
/** The genders a publication shows (app/domain/publication/draft.ts publishes no other). */
const GENDERS = ["FEMALE", "MALE", "X"];

export interface LibraryHit {
  number: number;
  year: number;
  outcome: OutcomeCode;
  disputeType: DisputeTypeCode;
  diagnosisCategory: string;
  /** Null when the decision is published with its category alone. */
  diagnosisSubcategory: string | null;
  treatmentCategory: string;
  treatmentSubcategory: string;
  /** The findings around the keywords (between MARK_START and MARK_STOP), or their opening. */
  excerpt: string;
}

export interface FacetValue {
  value: string;
  /** The plan's name for the plan facet; else the value itself. */
  label: string;
  count: number;
}

export interface LibrarySearch {
  total: number;
  hits: LibraryHit[];
  /** Per filter, its values with how many decisions each would give with every other filter applied. */
  facets: Record<LibraryFilter, FacetValue[]>;
}

/** The library's column each filter reads, as SQL. */
const COLUMNS: Record<LibraryFilter, Prisma.Sql> = {
  year: Prisma.sql`p."year"`,
  outcome: Prisma.sql`p."outcome"`,
  disputeType: Prisma.sql`p."disputeType"`,
  track: Prisma.sql`p."track"`,
  diagnosisCategory: Prisma.sql`p."diagnosisCategory"`,
  treatmentCategory: Prisma.sql`p."treatmentCategory"`,
  ageRange: Prisma.sql`p."ageRange"`,
  gender: Prisma.sql`p."gender"`,
  plan: Prisma.sql`p."planId"`,
};

const NOTHING = Prisma.sql`FALSE`;

/**
 * A filter as a condition on the row; null when it is not set. Values the
 * column cannot hold (a word for a year, an outcome that does not exist) are
 * dropped before SQL sees them, so a filter of only such values finds nothing
 * instead of failing on a cast.
 */
function filterCondition(filter: LibraryFilter, values: readonly string[]): Prisma.Sql | null {
  if (values.length === 0) return null;
  const column = COLUMNS[filter];
  const known = (allowed: readonly string[]) => values.filter((value) => allowed.includes(value));
  switch (filter) {
    case "year": {
      const years = values.filter((value) => /^\d{4}$/.test(value)).map(Number);
      return years.length ? Prisma.sql`${column} = ANY(${years}::int[])` : NOTHING;
    }
    case "outcome": {
      const outcomes = known(OUTCOMES);
      return outcomes.length ? Prisma.sql`${column} = ANY(${outcomes}::"DecisionOutcome"[])` : NOTHING;
    }
    case "disputeType": {
      const types = known(DISPUTE_TYPES);
      return types.length ? Prisma.sql`${column} = ANY(${types}::"DisputeType"[])` : NOTHING;
    }
    case "track": {
      const tracks = known(TRACKS);
      return tracks.length ? Prisma.sql`${column} = ANY(${tracks}::"Track"[])` : NOTHING;
    }
    case "plan": {
      const ids = values.filter(isId);
      return ids.length ? Prisma.sql`${column} = ANY(${ids}::uuid[])` : NOTHING;
    }
    default:
      return Prisma.sql`${column} = ANY(${[...values]}::text[])`;
  }
}

/** The keywords as one query over both languages' stems; null without keywords. */
function keywordQuery(q: string): Prisma.Sql | null {
  return q ? Prisma.sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('spanish', ${q}))` : null;
}

function searchConditions(query: LibraryQuery): { where: Prisma.Sql; tsquery: Prisma.Sql | null } {
  const tsquery = keywordQuery(query.q);
  const conditions = [Prisma.sql`p."status" = 'PUBLISHED'`];
  if (tsquery) conditions.push(Prisma.sql`p."searchVector" @@ ${tsquery}`);
  for (const filter of LIBRARY_FILTERS) {
    const condition = filterCondition(filter, query.filters[filter]);
    if (condition) conditions.push(condition);
  }
  return { where: Prisma.join(conditions, " AND "), tsquery };
}

/** The order of the results, on the columns `rank`, `year` and `number` (of the rows aliased `alias`, or of the query's output). */
function orderBy(sort: LibraryQuery["sort"], alias?: string): Prisma.Sql {
  const column = (name: string) => Prisma.raw(alias ? `${alias}."${name}"` : `"${name}"`);
  if (sort === "relevance") return Prisma.sql`${column("rank")} DESC, ${column("number")} DESC`;
  const direction = Prisma.raw(sort === "oldest" ? "ASC" : "DESC");
  return Prisma.sql`${column("year")} ${direction}, ${column("number")} ${direction}`;
}

/** ts_headline's options: one short fragment, the markers for <mark>. */
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=40, MinWords=20, MaxFragments=1`;
/** The findings without the marker characters, so published text cannot forge a highlight. */
const PLAIN_FINDINGS = Prisma.sql`translate(p."findings", ${MARK_START + MARK_STOP}, '')`;
const EXCERPT_CHARACTERS = 280;

/**
 * The statement of a page of results. The ranking reads only the matching
 * rows' vectors (and only when ordering by relevance); the excerpts are made
 * for the 20 rows shown, after the LIMIT.
 */
export function resultPageStatement(query: LibraryQuery): Prisma.Sql {
  const { where, tsquery } = searchConditions(query);
  const sort = tsquery ? query.sort : query.sort === "oldest" ? "oldest" : "newest";
  const rank = sort === "relevance" && tsquery ? Prisma.sql`ts_rank(p."searchVector", ${tsquery})` : Prisma.sql`0`;
  const excerpt = tsquery
    ? Prisma.sql`ts_headline('english', ${PLAIN_FINDINGS}, ${tsquery}, ${HEADLINE_OPTIONS})`
    : Prisma.sql`left(${PLAIN_FINDINGS}, ${EXCERPT_CHARACTERS + 1})`;
  return Prisma.sql`
    WITH page AS MATERIALIZED (
      SELECT p."id", p."year", p."number", ${rank} AS rank
        FROM "Publication" p
       WHERE ${where}
       ORDER BY ${orderBy(sort)}
       LIMIT ${LIBRARY_PAGE_SIZE} OFFSET ${(query.page - 1) * LIBRARY_PAGE_SIZE}
    )
    SELECT p."number", p."year", p."outcome", p."disputeType", p."diagnosisCategory",
           p."shownDiagnosisSubcategory" AS "diagnosisSubcategory", p."treatmentCategory", p."treatmentSubcategory",
           ${excerpt} AS excerpt
      FROM page JOIN "Publication" p ON p."id" = page."id"
     ORDER BY ${orderBy(sort, "page")}`;
}

async function resultPage(query: LibraryQuery): Promise<LibraryHit[]> {
  const rows = await readRows<LibraryHit>(resultPageStatement(query));
  return rows.map((hit) => ({ ...hit, excerpt: query.q ? hit.excerpt : shortened(hit.excerpt) }));
}

/** The findings' opening, cut at a word when longer than an excerpt. */
function shortened(text: string): string {
  if (text.length <= EXCERPT_CHARACTERS) return text;
  const cut = text.slice(0, EXCERPT_CHARACTERS);
  const space = cut.lastIndexOf(" ");
  return `${(space > EXCERPT_CHARACTERS / 2 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

interface FacetRow {
  facet: LibraryFilter | "total";
  value: string | null;
  label: string | null;
  count: string;
}

/**
 * The statement of the total and every facet's counts, over the decisions
 * the search finds: GROUPING SETS count every facet in one pass over them.
 *
 * Each facet counts within the current result (the filters' own included),
 * not "with every filter but its own" (a second year ticked adds how many):
 * that one needs every row matching the keywords, whatever the filters, and
 * over 500,000 decisions took seconds for a common word (1.4 s for a keyword
 * with a year, against 0.2 s), where this one reads only the rows found, and
 * finds them through the indexes of the keywords and of the filters at once.
 */
export function facetStatement(query: LibraryQuery): Prisma.Sql {
  const { where } = searchConditions(query);
  const column = (filter: LibraryFilter) => COLUMNS[filter];
  return Prisma.sql`
    WITH counted AS (
      SELECT ${Prisma.join(
        LIBRARY_FILTERS.map((filter) => Prisma.sql`GROUPING(${column(filter)}) = 0 AS ${Prisma.raw(`"by_${filter}"`)}`),
        ", ",
      )},
             COALESCE(${Prisma.join(
               LIBRARY_FILTERS.map((filter) => Prisma.sql`${column(filter)}::text`),
               ", ",
             )}) AS value,
             count(*) AS count
        FROM "Publication" p
       WHERE ${where}
       GROUP BY GROUPING SETS (${Prisma.join(
         LIBRARY_FILTERS.map((filter) => Prisma.sql`(${column(filter)})`),
         ", ",
       )}, ())
    )
    SELECT CASE ${Prisma.join(
      LIBRARY_FILTERS.map((filter) => Prisma.sql`WHEN c.${Prisma.raw(`"by_${filter}"`)} THEN ${filter}`),
      " ",
    )} ELSE 'total' END AS facet,
           c.value,
           CASE WHEN c."by_plan" THEN (SELECT h."name" FROM "HealthPlan" h WHERE h."id"::text = c.value) END AS label,
           c.count
      FROM counted c`;
}

async function facetCounts(query: LibraryQuery): Promise<{ total: number; facets: Record<LibraryFilter, FacetValue[]> }> {
  const rows = await readRows<FacetRow>(facetStatement(query));
  const facets = Object.fromEntries(LIBRARY_FILTERS.map((filter) => [filter, [] as FacetValue[]])) as Record<LibraryFilter, FacetValue[]>;
  let total = 0;
  for (const row of rows) {
    const count = Number(row.count);
    if (row.facet === "total") total = count;
    else if (row.value !== null && count > 0) facets[row.facet].push({ value: row.value, label: row.label ?? row.value, count });
  }
  for (const filter of LIBRARY_FILTERS) facets[filter].sort(FACET_ORDER[filter]);
  return { total, facets };
}

const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.label.localeCompare(b.label);
const inListOrder = (list: readonly string[]) => (a: FacetValue, b: FacetValue) => list.indexOf(a.value) - list.indexOf(b.value);
const FACET_ORDER: Record<LibraryFilter, (a: FacetValue, b: FacetValue) => number> = {
  year: (a, b) => Number(b.value) - Number(a.value),
  outcome: inListOrder(OUTCOMES),
  disputeType: inListOrder(DISPUTE_TYPES),
  track: inListOrder(TRACKS),
  diagnosisCategory: byCount,
  treatmentCategory: byCount,
  ageRange: (a, b) => a.value.localeCompare(b.value, "en", { numeric: true }),
  gender: inListOrder(GENDERS),
  plan: byCount,
};

type Counts = Awaited<ReturnType<typeof facetCounts>>;

/**
 * The whole library's counts (the search with no keywords and no filters,
 * the page everyone lands on), kept in this process until the next
 * publication: counting every decision takes longest of all.
 */
let wholeLibrary: { version: string; counts: Promise<Counts> } | null = null;

async function countsOf(query: LibraryQuery): Promise<Counts> {
  if (query.q || LIBRARY_FILTERS.some((filter) => query.filters[filter].length > 0)) return facetCounts(query);
  const version = await libraryVersion();
  if (wholeLibrary?.version !== version) {
    const counts = facetCounts(query);
    wholeLibrary = { version, counts };
    counts.catch(() => {
      if (wholeLibrary?.counts === counts) wholeLibrary = null;
    });
  }
  return wholeLibrary.counts;
}

/** One page of the library's search, with the total and the facets' counts. */
export async function searchLibrary(query: LibraryQuery): Promise<LibrarySearch> {
  const [hits, { total, facets }] = await Promise.all([resultPage(query), countsOf(query)]);
  return { total, hits, facets };
}

export interface LiteratureCitation {
  title: string;
  source: string | null;
  year: number | null;
  url: string | null;
}

export interface SimilarDecision {
  number: number;
  year: number;
  outcome: OutcomeCode;
  diagnosisCategory: string;
  diagnosisSubcategory: string | null;
  treatmentCategory: string;
  treatmentSubcategory: string;
}

export interface LibraryDecision extends SimilarDecision {
  disputeType: DisputeTypeCode;
  track: TrackCode;
  ageRange: string | null;
  gender: string | null;
  plan: string | null;
  daysToDecision: number;
  decidedOnTime: boolean;
  findings: string;
  literature: LiteratureCitation[];
  similar: SimilarDecision[];
}

const SHOWN_FACTS = Prisma.sql`p."number", p."year", p."outcome", p."diagnosisCategory", p."shownDiagnosisSubcategory" AS "diagnosisSubcategory",
  p."treatmentCategory", p."treatmentSubcategory"`;

/** How many of a decision's most repeated words "similar decisions" are ranked by. */
const SIMILAR_WORDS = 32;

/** One published decision with up to five similar ones; null when no published decision has this number. */
export async function libraryDecision(number: number): Promise<LibraryDecision | null> {
  const [decision] = await readRows<Omit<LibraryDecision, "similar" | "literature"> & { literature: unknown }>(Prisma.sql`
    SELECT ${SHOWN_FACTS}, p."disputeType", p."track", p."ageRange", p."gender", h."name" AS plan,
           p."daysToDecision", p."decidedOnTime", p."findings", p."literature"
      FROM "Publication" p LEFT JOIN "HealthPlan" h ON h."id" = p."planId"
     WHERE p."number" = ${number} AND p."status" = 'PUBLISHED'`);
  if (!decision) return null;
  // Same diagnosis and treatment categories, then closest in words: ranked by the decision's own most repeated stems.
  const similar = await readRows<SimilarDecision>(Prisma.sql`
    WITH me AS (
      SELECT p."number", p."diagnosisCategory", p."treatmentCategory",
             (SELECT string_agg(quote_literal(w.lexeme), ' | ')
                FROM (SELECT lexeme FROM unnest(p."searchVector") ORDER BY array_length(positions, 1) DESC NULLS LAST, lexeme LIMIT ${SIMILAR_WORDS}) w
             )::tsquery AS words
        FROM "Publication" p WHERE p."number" = ${number}
    )
    SELECT ${SHOWN_FACTS}
      FROM "Publication" p, me
     WHERE p."status" = 'PUBLISHED' AND p."diagnosisCategory" = me."diagnosisCategory" AND p."treatmentCategory" = me."treatmentCategory"
       AND p."number" <> me."number"
     ORDER BY ts_rank(p."searchVector", me.words) DESC NULLS LAST, p."number" DESC
     LIMIT 5`);
  return { ...decision, literature: citations(decision.literature), similar };
}

/** The literature as stored ([{ title, source, year, url }]), keeping only what reads as a citation and links only to the web. */
function citations(stored: unknown): LiteratureCitation[] {
  if (!Array.isArray(stored)) return [];
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
  return stored.flatMap((entry: Record<string, unknown>) => {
    const title = text(entry?.title);
    if (!title) return [];
    const url = text(entry.url);
    const year = typeof entry.year === "number" && Number.isInteger(entry.year) ? entry.year : null;
    return [{ title, source: text(entry.source), year, url: url && /^https?:\/\//i.test(url) ? url : null }];
  });
}

const EXPORT_BATCH = 1_000;

/**
 * Every decision the search finds, up to LIBRARY_EXPORT_MAX, by number, in
 * batches: the numbers first (from the indexes, no findings read), then each
 * batch's rows, so a large export never holds more than a batch.
 */
export async function* exportLibrary(query: LibraryQuery): AsyncGenerator<PublishedRow[]> {
  const { where } = searchConditions(query);
  const numbers = (
    await readRows<{ number: number }>(Prisma.sql`
      SELECT p."number" FROM "Publication" p WHERE ${where} ORDER BY p."number" LIMIT ${LIBRARY_EXPORT_MAX}`)
  ).map((row) => row.number);
  for (let start = 0; start < numbers.length; start += EXPORT_BATCH) {
    yield await readRows<PublishedRow>(Prisma.sql`
      SELECT ${SHOWN_FACTS}, p."disputeType", p."ageRange", p."gender", p."track", p."daysToDecision", p."findings"
        FROM "Publication" p
       WHERE p."number" = ANY(${numbers.slice(start, start + EXPORT_BATCH)}::int[]) AND p."status" = 'PUBLISHED'
       ORDER BY p."number"`);
  }
}

/**
 * What every answer of the library depends on besides its address: the
 * latest publication. The library only grows (a published decision is never
 * changed or withdrawn, docs/rules/publication.md), each publication is
 * stamped with its moment, and the decisions released together share it, so
 * this moves whenever what a search finds can. Read from the index on
 * (status, publishedAt), with no count of the rows.
 */
export async function libraryVersion(): Promise<string> {
  const [row] = await readRows<{ latest: Date | null }>(Prisma.sql`
    SELECT max(p."publishedAt") AS latest FROM "Publication" p WHERE p."status" = 'PUBLISHED'`);
  return String(row?.latest?.getTime() ?? 0);
}
