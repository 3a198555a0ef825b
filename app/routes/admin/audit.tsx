import { Link, useSearchParams } from "react-router";
import type { Route } from "./+types/audit";
import { DataTable } from "~/components/data-table";
import { ClearFilters, FilterForm, FilterInput } from "~/components/forms";
import { auditFilterSchema } from "~/schemas/admin";
import { listAuditLog } from "~/server/admin/audit-log.server";
import { Instant } from "~/components/instant";

export function meta() {
  return [{ title: "Audit log | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
  return listAuditLog(auditFilterSchema.parse(params));
}

export default function AuditLog({ loaderData }: Route.ComponentProps) {
  const [searchParams] = useSearchParams();
  const next = new URLSearchParams(searchParams);
  if (loaderData.nextBefore) next.set("before", loaderData.nextBefore);
  const field = (name: string, label: string, type: "text" | "date" = "text") => (
    <FilterInput name={name} label={label} type={type} value={searchParams.get(name)} />
  );
  return (
    <>
      <h1>Audit log</h1>
      <p>Every sign-in, record view and change, as it happened. Entries cannot be changed or deleted.</p>
      <FilterForm label="Filter the audit log">
        {field("action", "Action starts with")}
        {field("actor", "Person's email contains")}
        {field("object", "Object id")}
        {field("from", "From", "date")}
        {field("to", "To", "date")}
        <button type="submit" className="button">
          Filter
        </button>
        <ClearFilters />
      </FilterForm>
      <DataTable
        caption="Audit entries, newest first"
        rows={loaderData.entries}
        rowKey={(entry) => entry.id}
        columns={[
          { header: "When", cell: (entry) => <Instant at={entry.at} style="tableSeconds" /> },
          { header: "Who", cell: (entry) => entry.actorEmail ?? "Anonymous" },
          { header: "Action", cell: (entry) => <code>{entry.action}</code> },
          { header: "Object", cell: (entry) => (entry.objectType ? `${entry.objectType} ${entry.objectId ?? ""}` : "") },
          {
            header: "From",
            cell: (entry) => (
              <>
                {entry.ip ?? ""}
                <br />
                <span className="muted">{entry.userAgent?.slice(0, 60) ?? ""}</span>
              </>
            ),
          },
          { header: "Detail", cell: (entry) => <pre>{entry.detail === "{}" ? "" : entry.detail}</pre> },
        ]}
      />
      {loaderData.entries.length === 0 ? <p>No entries match these filters.</p> : null}
      {loaderData.nextBefore ? (
        <p className="pagination">
          <Link to={`?${next.toString()}`}>Older entries</Link>
        </p>
      ) : null}
    </>
  );
}
