import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ACTIONS_HEADER, DataTable } from "~/components/data-table";
import { Instant } from "~/components/instant";
import { textLayerLabel, type TextLayerProgress } from "~/domain/casefile/text-layer";
import { DOCUMENT_KIND_TEXT, type DocumentKind } from "~/domain/documents/document-kinds";
import { formatFileSize } from "~/domain/documents/limits";
import { formatLocalDate } from "~/domain/rule-profiles";
import { translateMessage, translator } from "~/i18n/i18n";

/** "Dated Tue 3 Feb 2026, by Dr. Sam Lee": what is known of the document's own date and author. */
export function documentDetailsText(document: { author?: string | null; authoredOn?: string | null }, t: TFunction = translator("en")): string {
  const date = document.authoredOn ? formatLocalDate(document.authoredOn) : null;
  const { author } = document;
  if (date) return author ? t("Dated {date}, by {author}", { date, author }) : t("Dated {date}", { date });
  return author ? t("Undated, by {author}", { author }) : t("Undated");
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
  const { t } = useTranslation();
  return (
    <DataTable
      caption={caption}
      rows={documents}
      rowKey={(document) => document.id}
      className={spaced ? "space-below" : undefined}
      columns={[
        {
          header: t("File"),
          className: "break-anywhere",
          cell: (document) => (
            <>
              {document.fileName}
              {document.description ? <p className="muted flush multiline">{document.description}</p> : null}
              {document.forwardedAt ? <p className="muted flush">{t("New information, forwarded to the health plan")}</p> : null}
              {document.authoredOn || document.author ? <p className="muted flush">{documentDetailsText(document, t)}</p> : null}
              {document.textLayer ? <p className="muted flush">{textLayerLabel(document.textLayer)}</p> : null}
            </>
          ),
        },
        { header: t("What it is"), cell: (document) => translateMessage(t, DOCUMENT_KIND_TEXT[document.kind].label) },
        { header: t("Size"), cell: (document) => formatFileSize(document.sizeBytes) },
        { header: t("Added"), cell: (document) => <Instant at={added(document)} style="table" /> },
        { header: ACTIONS_HEADER, cell: actions },
      ]}
    />
  );
}
