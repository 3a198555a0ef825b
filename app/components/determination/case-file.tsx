import { Link } from "react-router";
import { DocumentTable, type DocumentRow } from "~/components/document-table";

export interface CaseFileItem extends DocumentRow {
  /** When it was added. */
  added: Date | string;
  /** How much of it the reviewer has read: "12 of 40 pages read". */
  progress: string;
}

/**
 * A list of the case's documents: each is read in the record viewer or
 * downloaded. Every view is checked and audited by the server.
 */
export function CaseFileTable({ caption, documents, viewLink }: { caption: string; documents: readonly CaseFileItem[]; viewLink: (id: string) => string }) {
  if (!documents.length) return <p className="muted">{caption}: none yet.</p>;
  return (
    <DocumentTable
      caption={caption}
      documents={documents}
      spaced
      added={(document) => document.added}
      actions={(document) => (
        <>
          <p className="muted flush">{document.progress}</p>
          <div className="actions flush-top">
            <Link to={viewLink(document.id)}>
              Read here<span className="visually-hidden"> {document.fileName}</span>
            </Link>
            <a href={`/documents/${document.id}`}>
              Download<span className="visually-hidden"> {document.fileName}</span>
            </a>
          </div>
        </>
      )}
    />
  );
}

/** The reviewer's own bookmarks across the case file, each opening its page in the viewer. */
export function Bookmarks(props: {
  bookmarks: readonly { documentId: string; page: number; note: string | null }[];
  documents: readonly { id: string; fileName: string }[];
  viewLink: (id: string, page: number) => string;
}) {
  const { bookmarks, documents, viewLink } = props;
  if (!bookmarks.length) return <p className="muted">No bookmarks yet. Bookmark a page while you read it.</p>;
  return (
    <ul className="indented-list">
      {bookmarks.map((bookmark) => (
        <li key={`${bookmark.documentId}-${bookmark.page}`} className="space-below-sm">
          <Link to={viewLink(bookmark.documentId, bookmark.page)}>
            {documents.find((document) => document.id === bookmark.documentId)?.fileName ?? "A document"}, page {bookmark.page}
          </Link>
          {bookmark.note ? <p className="flush verbatim">{bookmark.note}</p> : null}
        </li>
      ))}
    </ul>
  );
}
