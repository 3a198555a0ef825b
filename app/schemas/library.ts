import { z } from "zod";

/**
 * The public library's search in the page's address, shared by the GET form
 * of /decisions and its exports (/decisions.csv, /decisions.json). Nothing
 * here refuses: an absurdly long query is cut short, a page number that makes
 * no sense falls back to the first, and a filter value the library does not
 * know stays as given, so that it finds nothing (app/server/publication/library.server.ts).
 */
export const LIBRARY_PAGE_SIZE = 20;
/** Deeper than anyone pages (10,000 decisions): past it, narrow the search or export it. */
export const LIBRARY_MAX_PAGE = 500;
export const LIBRARY_QUERY_MAX = 200;
/** The most rows an export holds; the page says so. */
export const LIBRARY_EXPORT_MAX = 50_000;

export const LIBRARY_FILTERS = ["year", "outcome", "disputeType", "track", "diagnosisCategory", "treatmentCategory", "ageRange", "gender", "plan"] as const;
export type LibraryFilter = (typeof LIBRARY_FILTERS)[number];

export const LIBRARY_SORTS = ["relevance", "newest", "oldest"] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

/** A filter's values: each cut to a length no real value reaches, and no more of them than a person ticks. */
const filterValues = z
  .array(z.string())
  .catch([])
  .transform((values) => [...new Set(values.map((value) => value.slice(0, 200)).filter((value) => value !== ""))].slice(0, 50));

const libraryAddressSchema = z.object({
  q: z
    .string()
    .catch("")
    .transform((query) => query.trim().slice(0, LIBRARY_QUERY_MAX)),
  sort: z.enum(LIBRARY_SORTS).optional().catch(undefined),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .catch(1)
    .transform((page) => Math.min(page, LIBRARY_MAX_PAGE)),
  ...Object.fromEntries(LIBRARY_FILTERS.map((filter) => [filter, filterValues])),
});

export interface LibraryQuery {
  q: string;
  /** Relevance when there are keywords, else the newest first. */
  sort: LibrarySort;
  page: number;
  filters: Record<LibraryFilter, string[]>;
}

/** The search a page's or an export's address asks for. */
export function libraryQueryOf(searchParams: URLSearchParams): LibraryQuery {
  const address = libraryAddressSchema.parse({
    q: searchParams.get("q") ?? "",
    sort: searchParams.get("sort") ?? undefined,
    page: searchParams.get("page") ?? 1,
    ...Object.fromEntries(LIBRARY_FILTERS.map((filter) => [filter, searchParams.getAll(filter)])),
  }) as { q: string; sort?: LibrarySort; page: number } & Record<LibraryFilter, string[]>;
  const sort = address.sort === "relevance" && !address.q ? "newest" : (address.sort ?? (address.q ? "relevance" : "newest"));
  return {
    q: address.q,
    sort,
    page: address.page,
    filters: Object.fromEntries(LIBRARY_FILTERS.map((filter) => [filter, address[filter]])) as Record<LibraryFilter, string[]>,
  };
}

/** The address of a search: the same query, another page or order; empty parts left out. */
export function libraryAddress(query: LibraryQuery, change: { page?: number; sort?: LibrarySort } = {}, path = "/decisions"): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const filter of LIBRARY_FILTERS) for (const value of query.filters[filter]) params.append(filter, value);
  const sort = change.sort ?? query.sort;
  if (sort !== (query.q ? "relevance" : "newest")) params.set("sort", sort);
  const page = change.page ?? query.page;
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** A decision's number in its address (/decisions/123): anything else names no decision. */
export const libraryNumberSchema = z
  .string()
  .regex(/^[1-9]\d{0,8}$/)
  .transform(Number);
