import { data, Link } from "react-router";
import type { Route } from "./+types/reports.reviewer-workload";
import { DataTable } from "~/components/data-table";
import { ReportRange } from "~/components/report-range";
import { formatDays } from "~/domain/reports/timeliness";
import { parseTimelinessQuery } from "~/schemas/reports";
import { reviewerWorkloadReport } from "~/server/reports/reviewer-workload-report.server";
import { permittedUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "Reviewer workload and turnaround | Independent Medical Review" }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  permittedUser(context, "report:read");
  const query = parseTimelinessQuery(new URL(request.url).searchParams);
  if (!query.ok) return data({ report: null, values: query.values, fieldErrors: query.fieldErrors }, { status: 400 });
  const report = await reviewerWorkloadReport(query.range);
  return { report, values: report.range, fieldErrors: {} as Record<string, string> };
}

const orNa = (value: string | null) => value ?? "n/a";

export default function ReviewerWorkloadReport({ loaderData }: Route.ComponentProps) {
  const { report, values, fieldErrors } = loaderData;
  return (
    <>
      <p>
        <Link to="/iro/reports">Reports</Link>
      </p>
      <h1>Reviewer workload and turnaround</h1>
      <p>
        Per reviewer: the offers made in the range and how they were answered, the determinations submitted in it and the median days from accepting the case to
        submitting, the cases held now against their capacity, and the minutes of work each logged in the range, for billing.
      </p>
      <ReportRange label="Offered or determined" values={values} fieldErrors={fieldErrors} report={report} csvPath="/iro/reports/reviewer-workload.csv" />
      {report ? (
        <DataTable
          caption="Reviewer workload and turnaround"
          rows={report.reviewers}
          rowKey={(row) => row.reviewerId}
          empty={<p>No reviewer was offered a case or submitted a determination between these dates, and none holds one now.</p>}
          columns={[
            { header: "Reviewer", cell: (row) => row.name },
            { header: "Specialty", cell: (row) => row.specialty },
            { header: "Held now", cell: (row) => `${row.currentLoad} of ${row.capacity}` },
            { header: "Offered", cell: (row) => row.offered },
            { header: "Accepted", cell: (row) => row.accepted },
            { header: "Declined", cell: (row) => row.declined },
            { header: "Lapsed", cell: (row) => row.lapsed },
            { header: "Determinations", cell: (row) => row.determinations },
            { header: "Median days to determine", cell: (row) => orNa(formatDays(row.medianDaysToDetermine)) },
            { header: "Median hours to answer", cell: (row) => orNa(formatDays(row.medianHoursToAnswer)) },
            { header: "Minutes logged", cell: (row) => row.minutesLogged },
          ]}
        />
      ) : null}
    </>
  );
}
