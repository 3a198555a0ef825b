import { Link } from "react-router";
import { STATUS_LABELS } from "~/domain/case-status";
import { DataTable } from "~/components/data-table";
import { Instant } from "~/components/instant";

interface Row {
  id: string;
  reference: string | null;
  status: keyof typeof STATUS_LABELS;
  track: "STANDARD" | "EXPEDITED";
  serviceDescription: string | null;
  planName: string | null;
  submittedAt: string | Date | null;
}

/** A list of cases as a table; `showPlan` is off where every row is the same plan; `caseHref` links each reference to its page. */
export function CaseTable({
  caption,
  rows,
  showPlan = true,
  caseHref,
}: {
  caption: string;
  rows: Row[];
  showPlan?: boolean;
  caseHref?: (id: string) => string;
}) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        { header: "Reference", cell: (row) => (caseHref ? <Link to={caseHref(row.id)}>{row.reference ?? "Draft"}</Link> : (row.reference ?? "Draft")) },
        { header: "Status", cell: (row) => STATUS_LABELS[row.status] },
        { header: "Track", cell: (row) => (row.track === "EXPEDITED" ? <span className="badge badge--danger">Expedited</span> : "Standard") },
        { header: "Service in dispute", cell: (row) => row.serviceDescription ?? "Not entered yet" },
        showPlan && { header: "Health plan", cell: (row) => row.planName ?? "Not chosen yet" },
        { header: "Filed", cell: (row) => (row.submittedAt ? <Instant at={row.submittedAt} style="date" /> : "Not filed") },
      ]}
    />
  );
}
