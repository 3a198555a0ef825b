/**
 * Where a search hit opens its page: the document itself, in the browser's
 * own PDF reader at that page (#page=N), until the case file's viewer opens
 * pages in the portal (issue 20).
 */
export function documentPageHref(documentId: string, pageNumber: number): string {
  return `/documents/${documentId}?inline=1#page=${pageNumber}`;
}
