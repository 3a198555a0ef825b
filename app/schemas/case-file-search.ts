import { z } from "zod";
import { MAX_HITS, HITS_PER_PAGE } from "~/domain/casefile/search-hits";

/**
 * The case file's search in the page's address (?q=…&hits=2&duplicates=show).
 * The query itself is read by app/domain/casefile/search-query.ts, which
 * says what is wrong with it; here an absurdly long one is cut short, and a
 * page number that makes no sense falls back to the first.
 */
const searchAddressSchema = z.object({
  q: z
    .string()
    .catch("")
    .transform((query) => query.slice(0, 2_000)),
  hits: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_HITS / HITS_PER_PAGE)
    .catch(1),
  duplicates: z.literal("show").optional().catch(undefined),
});

export function caseFileSearchAddress(searchParams: URLSearchParams) {
  const address = searchAddressSchema.parse({
    q: searchParams.get("q") ?? "",
    hits: searchParams.get("hits") ?? 1,
    duplicates: searchParams.get("duplicates") ?? undefined,
  });
  return { query: address.q, page: address.hits, hideDuplicates: address.duplicates !== "show" };
}
