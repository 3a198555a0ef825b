import { Link } from "react-router";
import { STATUS_LABELS } from "~/domain/case-status";
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
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Status</th>
            <th scope="col">Track</th>
            <th scope="col">Service in dispute</th>
            {showPlan ? <th scope="col">Health plan</th> : null}
            <th scope="col">Filed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{caseHref ? <Link to={caseHref(row.id)}>{row.reference ?? "Draft"}</Link> : (row.reference ?? "Draft")}</td>
              <td>{STATUS_LABELS[row.status]}</td>
              <td>{row.track === "EXPEDITED" ? <span className="badge badge--danger">Expedited</span> : "Standard"}</td>
              <td>{row.serviceDescription ?? "Not entered yet"}</td>
              {showPlan ? <td>{row.planName ?? "Not chosen yet"}</td> : null}
              <td>{row.submittedAt ? <Instant at={row.submittedAt} style="date" /> : "Not filed"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
