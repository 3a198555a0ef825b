import { data, Link } from "react-router";
import type { Route } from "./+types/reports.outcomes";
import { DataTable } from "~/components/data-table";
import { percent, ReportRange } from "~/components/report-range";
import { parseTimelinessQuery } from "~/schemas/reports";
import { outcomesReport } from "~/server/reports/outcomes-report.server";
import { permittedUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "Outcomes report | Independent Medical Review" }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  permittedUser(context, "report:read");
  const query = parseTimelinessQuery(new URL(request.url).searchParams);
  if (!query.ok) return data({ report: null, values: query.values, fieldErrors: query.fieldErrors }, { status: 400 });
  const report = await outcomesReport(query.range);
  return { report, values: report.range, fieldErrors: {} as Record<string, string> };
}

export default function OutcomesReport({ loaderData }: Route.ComponentProps) {
  const { report, values, fieldErrors } = loaderData;
  return (
    <>
      <p>
        <Link to="/iro/reports">Reports</Link>
      </p>
      <h1>Outcomes report</h1>
      <p>Decisions made in the range: how many upheld the plan's denial and how many overturned it, wholly or in part.</p>
      <ReportRange label="Decided" values={values} fieldErrors={fieldErrors} report={report} csvPath="/iro/reports/outcomes.csv" />
      {report ? (
        <>
          <ul className="cards" aria-label="All decisions in the range">
            <li className="card">
              <p className="stat">{report.overall.decided}</p>
              <p>cases decided</p>
            </li>
            <li className="card">
              <p className="stat">{percent(report.overall.overturnPercent)}</p>
              <p>
                overturned wholly or in part ({report.overall.overturned} overturned, {report.overall.overturnedInPart} in part, {report.overall.upheld} upheld)
              </p>
            </li>
          </ul>
          {report.sections.map((section) => (
            <section key={section.dimension} aria-labelledby={`by-${section.dimension}`}>
              <h2 id={`by-${section.dimension}`}>By {section.label.toLowerCase()}</h2>
              <DataTable
                caption={`Outcomes by ${section.label.toLowerCase()}`}
                captionHidden
                rows={section.groups}
                rowKey={(group) => group.group}
                empty={<p>No case was decided between these dates.</p>}
                columns={[
                  { header: section.label, cell: (group) => group.group },
                  { header: "Decided", cell: (group) => group.decided },
                  { header: "Upheld", cell: (group) => group.upheld },
                  { header: "Overturned", cell: (group) => group.overturned },
                  { header: "Overturned in part", cell: (group) => group.overturnedInPart },
                  { header: "Overturn rate", cell: (group) => percent(group.overturnPercent) },
                ]}
              />
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}
