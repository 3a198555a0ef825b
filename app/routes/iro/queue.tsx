import { Link } from "react-router";
import type { Route } from "./+types/queue";
import { DataTable } from "~/components/data-table";
import { Instant } from "~/components/instant";
import type { DeadlineState } from "~/domain/deadlines/case-deadlines";
import { queueQuerySchema } from "~/schemas/intake";
import { intakeQueue } from "~/server/intake/intake-queue.server";
import { Pagination } from "~/components/pagination";
import { permittedUser } from "~/server/role-areas.server";
import { CaseStatusBadge } from "~/components/status-badge";

export function meta() {
  return [{ title: "Intake queue | Independent Medical Review" }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  permittedUser(context, "case:screen");
  const { page } = queueQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return intakeQueue(page);
}

// The state is written out, so the colour is never the only cue.
const STATE_BADGE: Record<DeadlineState, { label: string; className: string }> = {
  overdue: { label: "Overdue", className: "badge badge--danger" },
  at_risk: { label: "Due soon", className: "badge badge--warn" },
  on_track: { label: "On track", className: "badge badge--ok" },
};

export default function IntakeQueue({ loaderData }: Route.ComponentProps) {
  const { rows, total, page, pages } = loaderData;
  return (
    <>
      <h1>Intake queue</h1>
      <p className="lead">Filed requests waiting for their eligibility decision: expedited first, then by when the decision is due.</p>
      <DataTable
        caption={`${total} ${total === 1 ? "request" : "requests"} to screen`}
        rows={rows}
        rowKey={(row) => row.id}
        empty={
          <section className="empty-state" aria-labelledby="queue-empty">
            <h2 id="queue-empty">Nothing to screen</h2>
            <p>New requests appear here as soon as they are filed.</p>
          </section>
        }
        columns={[
          {
            header: "Reference",
            cell: (row) => (
              <>
                <Link to={`/iro/cases/${row.id}`}>{row.reference}</Link>
                {row.filedLate ? (
                  <div>
                    <span className="badge badge--warn">Filed late</span>
                  </div>
                ) : null}
                {row.objected ? (
                  <div>
                    <span className="badge badge--warn">Plan objects</span>
                  </div>
                ) : null}
                {row.waitingForInformation ? (
                  <div>
                    <span className="badge">Information asked</span>
                  </div>
                ) : null}
              </>
            ),
          },
          { header: "Track", cell: (row) => (row.expedited ? <strong>Expedited</strong> : "Standard") },
          {
            header: "Eligibility decision due",
            cell: (row) =>
              row.eligibilityDue ? (
                <>
                  <Instant at={row.eligibilityDue} style="table" />
                  <div>
                    {row.state ? <span className={STATE_BADGE[row.state].className}>{STATE_BADGE[row.state].label}</span> : null} {row.timeLeft}
                  </div>
                </>
              ) : (
                "No clock running"
              ),
          },
          { header: "Status", cell: (row) => <CaseStatusBadge status={row.status} /> },
          { header: "Health plan", cell: (row) => row.plan ?? "Not chosen" },
          { header: "Filed", cell: (row) => (row.filed ? <Instant at={row.filed} style="table" /> : "Not filed") },
          { header: "Looked after by", cell: (row) => row.coordinator ?? "Nobody yet" },
        ]}
      />
      <Pagination page={page} pages={pages} />
    </>
  );
}
