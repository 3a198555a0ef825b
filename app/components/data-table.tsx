import { type ReactNode, useId } from "react";

/** One column of a DataTable: its heading, and what each row shows in it. */
export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Named classes for the column's cells (see app.css), such as "multiline" for text with its line breaks. */
  className?: string;
}

/** The heading of a column of buttons: said to screen readers, not shown. */
export const ACTIONS_HEADER = <span className="visually-hidden">Actions</span>;

/**
 * A list of records as a table: its caption (how tests and screen readers
 * find it), one column after another, one row per record. With `empty`, a
 * list with no records shows that instead of an empty table. A column given
 * as `false` is left out (a column only some pages show). On a phone a
 * table reflows, each row a block with its cells' headings beside them; a
 * `scrollable` one (many columns, read across) keeps its columns and scrolls.
 */
export function DataTable<Row>(props: {
  caption: ReactNode;
  /** For a table whose heading above already says what it lists. */
  captionHidden?: boolean;
  columns: readonly (Column<Row> | false)[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty?: ReactNode;
  className?: string;
  /** For a table wider than the page (many columns): its frame scrolls, so a keyboard can reach it and it is named by the caption. */
  scrollable?: boolean;
}) {
  const { caption, captionHidden, rows, rowKey, empty, className, scrollable } = props;
  const captionId = useId();
  if (!rows.length && empty !== undefined) return <>{empty}</>;
  const columns = props.columns.filter((column): column is Column<Row> => column !== false);
  return (
    <div
      className={[scrollable ? "table-wrap" : "table-wrap table-wrap--reflow", className].filter(Boolean).join(" ")}
      {...(scrollable ? { tabIndex: 0, role: "region", "aria-labelledby": captionId } : {})}
    >
      <table>
        <caption id={captionId} className={captionHidden ? "visually-hidden" : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th scope="col" key={index}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) => (
                <td key={index} className={column.className} data-label={typeof column.header === "string" ? column.header : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
