import type { Route } from "./+types/index";
import { CaseTable } from "~/components/case-table";
import { OPEN_STATUSES } from "~/domain/case-status";
import { listVisibleCases } from "~/server/cases/list-cases.server";
import { requireRole } from "~/server/session.server";

export function meta() {
  return [{ title: "Cases | Independent Medical Review" }];
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireRole(request, "COORDINATOR");
  return { cases: await listVisibleCases(user, { statuses: [...OPEN_STATUSES] }) };
}

export default function CoordinatorHome({ loaderData }: Route.ComponentProps) {
  const { cases } = loaderData;
  const expedited = cases.filter((row) => row.track === "EXPEDITED").length;
  return (
    <>
      <h1>Open cases</h1>
      <div className="cards" style={{ marginBottom: "1.5rem" }}>
        <div className="card">
          <h2>Open</h2>
          <p className="stat">{cases.length}</p>
        </div>
        <div className="card">
          <h2>Expedited</h2>
          <p className="stat">{expedited}</p>
        </div>
      </div>
      {cases.length ? (
        <CaseTable caption="Open cases, most recently changed first" rows={cases} />
      ) : (
        <section className="empty-state" aria-labelledby="no-cases">
          <h2 id="no-cases">No open cases</h2>
          <p>When an applicant files a request, it appears here.</p>
        </section>
      )}
    </>
  );
}
