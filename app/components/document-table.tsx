import type { ReactNode } from "react";
import { DOCUMENT_KIND_TEXT, type DocumentKind } from "~/domain/documents/document-kinds";
import { formatFileSize } from "~/domain/documents/limits";

export interface DocumentRow {
  id: string;
  fileName: string;
  kind: DocumentKind;
  sizeBytes: number;
  description?: string | null;
}

/** A case's documents as a table: file and its description, kind, size, when added, and the caller's actions. */
export function DocumentTable<Row extends DocumentRow>(props: {
  caption: string;
  documents: readonly Row[];
  added: (document: Row) => string;
  actions: (document: Row) => ReactNode;
  spaced?: boolean;
}) {
  const { caption, documents, added, actions, spaced } = props;
  return (
    <div className="table-wrap" style={spaced ? { marginBottom: "1rem" } : undefined}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">What it is</th>
            <th scope="col">Size</th>
            <th scope="col">Added</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.id}>
              <td style={{ overflowWrap: "anywhere" }}>
                {document.fileName}
                {document.description ? (
                  <p className="muted" style={{ margin: 0, whiteSpace: "pre-line" }}>
                    {document.description}
                  </p>
                ) : null}
              </td>
              <td>{DOCUMENT_KIND_TEXT[document.kind].label}</td>
              <td>{formatFileSize(document.sizeBytes)}</td>
              <td>{added(document)}</td>
              <td>{actions(document)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
