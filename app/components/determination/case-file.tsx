import { Link } from "react-router";
import { DocumentTable, type DocumentRow } from "~/components/document-table";
import { DOCUMENT_KIND_TEXT } from "~/domain/documents/document-kinds";

export interface CaseFileItem extends DocumentRow {
  /** When it was added. */
  added: Date | string;
  view: "pdf" | "image" | null;
}

/**
 * A list of the case's documents: each can be read on the page (PDFs and
 * images), opened in a new tab or downloaded. Every view goes through
 * /documents/<id>, which checks access and audits it.
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
        <div className="actions flush-top">
          {document.view ? (
            <Link to={viewLink(document.id)}>
              Read here<span className="visually-hidden"> {document.fileName}</span>
            </Link>
          ) : (
            <span className="muted">Download to read</span>
          )}
          <a href={`/documents/${document.id}`}>
            Download<span className="visually-hidden"> {document.fileName}</span>
          </a>
        </div>
      )}
    />
  );
}

/** The document being read, shown in the page: a PDF in a frame, an image as itself. */
export function DocumentViewer({ document, closeLink }: { document: CaseFileItem; closeLink: string }) {
  const source = `/documents/${document.id}?inline=1`;
  return (
    <section id="document-viewer" aria-labelledby="document-viewer-heading" className="card space-below-xl">
      <h3 id="document-viewer-heading" className="break-anywhere">
        Reading: {document.fileName}
      </h3>
      <div className="actions flush-top space-below-sm">
        <a href={source} target="_blank" rel="noopener">
          Open in a new tab
        </a>
        <a href={`/documents/${document.id}`}>Download</a>
        <Link to={closeLink}>Close the document</Link>
      </div>
      {document.view === "pdf" ? (
        <iframe title={`${document.fileName} (${DOCUMENT_KIND_TEXT[document.kind].label})`} src={source} className="document-frame" />
      ) : (
        <img src={source} alt={`${document.fileName} (${DOCUMENT_KIND_TEXT[document.kind].label})`} className="document-image" />
      )}
    </section>
  );
}
