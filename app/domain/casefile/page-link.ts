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

/** Where the viewer fetches the text of the block of pages holding `page` (pageTextBlock), as the reader turns to it. */
export function documentTextHref(area: ViewerArea, caseId: string, documentId: string, page: number): string {
  return `${documentPageHref(area, caseId, documentId)}/text?page=${page}`;
}
