import type { ReactNode } from "react";
import { ACTIONS_HEADER, DataTable } from "~/components/data-table";
import { Instant } from "~/components/instant";
import { textLayerLabel, type TextLayerProgress } from "~/domain/casefile/text-layer";
import { DOCUMENT_KIND_TEXT, type DocumentKind } from "~/domain/documents/document-kinds";
import { formatFileSize } from "~/domain/documents/limits";
import { formatLocalDate } from "~/domain/rule-profiles";

/** "Dated Tue 3 Feb 2026, by Dr. Sam Lee": what is known of the document's own date and author. */
export function documentDetailsText(document: { author?: string | null; authoredOn?: string | null }): string {
  const dated = document.authoredOn ? `Dated ${formatLocalDate(document.authoredOn)}` : "Undated";
  return document.author ? `${dated}, by ${document.author}` : dated;
}

export interface DocumentRow {
  id: string;
  fileName: string;
  kind: DocumentKind;
  sizeBytes: number;
  description?: string | null;
  /** Set on the applicant's new information, once forwarded to the plan. */
  forwardedAt?: string | null;
  /** Who wrote it and the date it bears, when known. */
  author?: string | null;
  authoredOn?: string | null;
  /** Where its text layer stands ("OCR 40 of 112 pages"); shown to the staff who search the case file. */
  textLayer?: TextLayerProgress | null;
}

/** A case's documents as a table: file and its description, kind, size, when added, and the caller's actions. */
export function DocumentTable<Row extends DocumentRow>(props: {
  caption: string;
  documents: readonly Row[];
  /** When the document was added: the instant, shown short with the full date in its title. */
  added: (document: Row) => Date | string;
  actions: (document: Row) => ReactNode;
  spaced?: boolean;
}) {
  const { caption, documents, added, actions, spaced } = props;
  return (
    <DataTable
      caption={caption}
      rows={documents}
      rowKey={(document) => document.id}
      className={spaced ? "space-below" : undefined}
      columns={[
        {
          header: "File",
          className: "break-anywhere",
          cell: (document) => (
            <>
              {document.fileName}
              {document.description ? <p className="muted flush multiline">{document.description}</p> : null}
              {document.forwardedAt ? <p className="muted flush">New information, forwarded to the health plan</p> : null}
              {document.authoredOn || document.author ? <p className="muted flush">{documentDetailsText(document)}</p> : null}
              {document.textLayer ? <p className="muted flush">{textLayerLabel(document.textLayer)}</p> : null}
            </>
          ),
        },
        { header: "What it is", cell: (document) => DOCUMENT_KIND_TEXT[document.kind].label },
        { header: "Size", cell: (document) => formatFileSize(document.sizeBytes) },
        { header: "Added", cell: (document) => <Instant at={added(document)} style="table" /> },
        { header: ACTIONS_HEADER, cell: actions },
      ]}
    />
  );
}
