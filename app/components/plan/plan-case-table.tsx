import { Link } from "react-router";
import { DeadlineStateBadge, DeadlineText } from "~/components/case-deadlines";
import { Instant } from "~/components/instant";
import { DataTable } from "~/components/data-table";
import type { DeadlineLine } from "~/domain/next-steps";
import type { CaseStatus } from "~/domain/case-status";
import { CaseStatusBadge } from "~/components/status-badge";

/** One of the plan's cases as its list shows it (worked out on the server). */
export interface PlanCaseRow {
  id: string;
  reference: string;
  status: CaseStatus;
  expedited: boolean;
  service: string | null;
  planReference: string | null;
  filed: Date | null;
  needsAction: boolean;
  /** The plan's own clocks on the case, in words; null when none started. */
  caseFile: DeadlineLine | null;
  compliance: DeadlineLine | null;
}

function Deadline({ line, none }: { line: DeadlineLine | null; none: string }) {
  if (!line) return <span className="muted">{none}</span>;
  return (
    <>
      <DeadlineStateBadge state={line.state} />
      <div>
        <DeadlineText parts={line.parts} />
      </div>
    </>
  );
}

/** A page of the plan's cases with the plan's own deadlines, each reference linking to its case page. */
export function PlanCaseTable({ caption, rows }: { caption: string; rows: readonly PlanCaseRow[] }) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        {
          header: "Reference",
          cell: (row) => (
            <>
              <Link to={`/plan/cases/${row.id}`}>{row.reference}</Link>
              {row.planReference ? <div className="muted">Your reference: {row.planReference}</div> : null}
              {row.expedited ? (
                <div>
                  <span className="badge badge--danger">Expedited</span>
                </div>
              ) : null}
            </>
          ),
        },
        {
          header: "Status",
          cell: (row) => (
            <>
              <CaseStatusBadge status={row.status} />
              {row.needsAction ? (
                <div>
                  <span className="badge badge--warn">Needs your action</span>
                </div>
              ) : null}
            </>
          ),
        },
        { header: "Service in dispute", cell: (row) => row.service ?? "Not recorded" },
        { header: "Your case file", cell: (row) => <Deadline line={row.caseFile} none="Not requested" /> },
        { header: "Your compliance", cell: (row) => <Deadline line={row.compliance} none="Nothing to confirm" /> },
        { header: "Filed", cell: (row) => (row.filed ? <Instant at={row.filed} style="table" /> : "Not recorded") },
      ]}
    />
  );
}
