import { Link } from "react-router";
import type { Route } from "./+types/queue";
import { STATUS_LABELS } from "~/domain/case-status";
import type { DeadlineState } from "~/domain/deadlines/case-deadlines";
import { queueQuerySchema } from "~/schemas/intake";
import { intakeQueue } from "~/server/intake/intake-queue.server";
import { requirePermission } from "~/server/session.server";
import { Pagination } from "~/components/pagination";

export function meta() {
  return [{ title: "Intake queue | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, "case:screen");
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
      {rows.length ? (
        <div className="table-wrap">
          <table>
            <caption>
              {total} {total === 1 ? "request" : "requests"} to screen
            </caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Track</th>
                <th scope="col">Eligibility decision due</th>
                <th scope="col">Status</th>
                <th scope="col">Health plan</th>
                <th scope="col">Filed</th>
                <th scope="col">Looked after by</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
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
                  </td>
                  <td>{row.expedited ? <strong>Expedited</strong> : "Standard"}</td>
                  <td>
                    {row.eligibilityDue ? (
                      <>
                        {row.eligibilityDue}
                        <div>
                          {row.state ? <span className={STATE_BADGE[row.state].className}>{STATE_BADGE[row.state].label}</span> : null} {row.timeLeft}
                        </div>
                      </>
                    ) : (
                      "No clock running"
                    )}
                  </td>
                  <td>{STATUS_LABELS[row.status]}</td>
                  <td>{row.plan ?? "Not chosen"}</td>
                  <td>{row.filed ?? "Not filed"}</td>
                  <td>{row.coordinator ?? "Nobody yet"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <section className="empty-state" aria-labelledby="queue-empty">
          <h2 id="queue-empty">Nothing to screen</h2>
          <p>New requests appear here as soon as they are filed.</p>
        </section>
      )}
      <Pagination page={page} pages={pages} />
    </>
  );
}
