import { data, Link } from "react-router";
import type { Route } from "./+types/reports.plan-compliance";
import { DataTable } from "~/components/data-table";
import { percent, ReportRange } from "~/components/report-range";
import { formatDays } from "~/domain/reports/timeliness";
import { parseTimelinessQuery } from "~/schemas/reports";
import { planComplianceReport } from "~/server/reports/plan-compliance-report.server";
import { permittedUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "Plan compliance report | Independent Medical Review" }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  permittedUser(context, "report:read");
  const query = parseTimelinessQuery(new URL(request.url).searchParams);
  if (!query.ok) return data({ report: null, values: query.values, fieldErrors: query.fieldErrors }, { status: 400 });
  const report = await planComplianceReport(query.range);
  return { report, values: report.range, fieldErrors: {} as Record<string, string> };
}

export default function PlanComplianceReport({ loaderData }: Route.ComponentProps) {
  const { report, values, fieldErrors } = loaderData;
  return (
    <>
      <p>
        <Link to="/iro/reports">Reports</Link>
      </p>
      <h1>Plan compliance report</h1>
      <p>Overturns decided in the range: whether each plan confirmed implementing the decision by its compliance time, as it stands today.</p>
      <ReportRange label="Decided" values={values} fieldErrors={fieldErrors} report={report} csvPath="/iro/reports/plan-compliance.csv" />
      {report ? (
        <>
          <ul className="cards" aria-label="All overturns in the range">
            <li className="card">
              <p className="stat">{report.overall.overturns}</p>
              <p>overturns decided</p>
            </li>
            <li className="card">
              <p className="stat">{percent(report.overall.onTimePercent)}</p>
              <p>
                confirmed on time ({report.overall.confirmedOnTime} on time, {report.overall.confirmedLate} late, {report.overall.overdue} overdue)
              </p>
            </li>
          </ul>
          <DataTable
            caption="Compliance with overturns, by health plan"
            rows={report.plans}
            rowKey={(plan) => plan.planName}
            empty={<p>No overturn was decided between these dates.</p>}
            columns={[
              { header: "Health plan", cell: (plan) => plan.planName },
              { header: "Overturns", cell: (plan) => plan.overturns },
              { header: "Confirmed on time", cell: (plan) => plan.confirmedOnTime },
              { header: "Confirmed late", cell: (plan) => plan.confirmedLate },
              { header: "Overdue, not confirmed", cell: (plan) => plan.overdue },
              { header: "Not due yet", cell: (plan) => plan.awaiting },
              { header: "Share on time", cell: (plan) => percent(plan.onTimePercent) },
              { header: "Median days to confirm", cell: (plan) => formatDays(plan.medianDaysToConfirm) ?? "n/a" },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
