import { Form, Link } from "react-router";
import type { Route } from "./+types/reports";
import { exportYears } from "~/server/reports/regulator-export.server";
import { permittedUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "Reports | Independent Medical Review" }];
}

export async function loader({ context }: Route.LoaderArgs) {
  permittedUser(context, "report:read");
  return { years: await exportYears() };
}

export default function Reports({ loaderData }: Route.ComponentProps) {
  const { years } = loaderData;
  return (
    <>
      <h1>Reports</h1>
      <div className="cards">
        <section className="card" aria-labelledby="timeliness">
          <h2 id="timeliness">Timeliness</h2>
          <p>Cases decided in a date range: the share decided on time, median and 95th-percentile days to decide, and the deadlines that were missed.</p>
          <Link to="/iro/reports/timeliness">Open the timeliness report</Link>
        </section>
        <section className="card" aria-labelledby="outcomes">
          <h2 id="outcomes">Outcomes</h2>
          <p>Decisions in a date range: upheld and overturned, by type of dispute, diagnosis category, treatment category and health plan.</p>
          <Link to="/iro/reports/outcomes">Open the outcomes report</Link>
        </section>
        <section className="card" aria-labelledby="reviewer-workload">
          <h2 id="reviewer-workload">Reviewer workload and turnaround</h2>
          <p>Per reviewer: offers and how they were answered, determinations and the days they took, and the cases held now.</p>
          <Link to="/iro/reports/reviewer-workload">Open the reviewer workload report</Link>
        </section>
        <section className="card" aria-labelledby="plan-compliance">
          <h2 id="plan-compliance">Plan compliance</h2>
          <p>Overturns in a date range: whether each plan confirmed implementing them on time, late, or not yet.</p>
          <Link to="/iro/reports/plan-compliance">Open the plan compliance report</Link>
        </section>
        <section className="card" aria-labelledby="case-log">
          <h2 id="case-log">Case log</h2>
          <p>
            Every case received in a date range: dates received, file arrived and information due, the issue, who referred it, the determination and notices.
          </p>
          <Link to="/iro/reports/case-log">Open the case log</Link>
        </section>
        <section className="card" aria-labelledby="regulator-export">
          <h2 id="regulator-export">Yearly export for regulators</h2>
          <p>One line per case decided in the year, with the columns regulators publish. No names, contact details or member IDs.</p>
          {/* A file download, not a page: the browser submits this form itself. */}
          <Form method="get" action="/iro/reports/regulator-export.csv" reloadDocument>
            <div className="field">
              <label htmlFor="export-year">Year decided</label>
              <select id="export-year" name="year" defaultValue={years[0]}>
                {years.map((year) => (
                  <option key={year} value={year}>
                    {year}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button">
              Download the export (CSV)
            </button>
          </Form>
        </section>
      </div>
    </>
  );
}
