/** Whose pages the viewer is opened from: the reviewer's area or the coordinator's. */
export type ViewerArea = "review" | "iro";

/**
 * Where a search hit opens its page: the portal's record viewer, at that
 * page, with the words searched for marked on it.
 */
export function documentPageHref(area: ViewerArea, caseId: string, documentId: string, pageNumber: number, query: string): string {
  const search = new URLSearchParams({ page: String(pageNumber) });
  if (query) search.set("q", query);
  return `/${area}/cases/${caseId}/documents/${documentId}?${search}`;
}
