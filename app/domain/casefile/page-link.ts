/** Whose pages the viewer is opened from: the reviewer's area or the coordinator's. */
export type ViewerArea = "review" | "iro";

/**
 * Where the portal's record viewer shows a document: at its first page, or at
 * `page` with the words searched for marked on it (a search hit).
 */
export function documentPageHref(area: ViewerArea, caseId: string, documentId: string, at?: { page: number; query: string }): string {
  const path = `/${area}/cases/${caseId}/documents/${documentId}`;
  if (!at) return path;
  const search = new URLSearchParams({ page: String(at.page) });
  if (at.query) search.set("q", at.query);
  return `${path}?${search}`;
}
