import { data, Link } from "react-router";
import type { Route } from "./+types/reports.case-log";
import { DataTable } from "~/components/data-table";
import { Instant } from "~/components/instant";
import { ReportRange } from "~/components/report-range";
import { CASE_LOG_PAGE_LIMIT } from "~/domain/reports/case-log";
import { parseTimelinessQuery } from "~/schemas/reports";
import { caseLog } from "~/server/reports/case-log.server";
import { permittedUser } from "~/server/role-areas.server";

export function meta() {
  return [{ title: "Case log | Independent Medical Review" }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  permittedUser(context, "report:read");
  const query = parseTimelinessQuery(new URL(request.url).searchParams);
  if (!query.ok) return data({ report: null, values: query.values, fieldErrors: query.fieldErrors }, { status: 400 });
  const report = await caseLog(query.range, CASE_LOG_PAGE_LIMIT);
  return { report, values: report.range, fieldErrors: {} as Record<string, string> };
}

const orDash = (value: string | null) => value ?? "—";
const dateOrDash = (at: Date | null) => (at ? <Instant at={at} style="table" /> : "—");

export default function CaseLog({ loaderData }: Route.ComponentProps) {
  const { report, values, fieldErrors } = loaderData;
  return (
    <>
      <p>
        <Link to="/iro/reports">Reports</Link>
      </p>
      <h1>Case log</h1>
      <p>Every case received in the range: its dates, the issue, who referred it, the track, the determination and when the notices went out.</p>
      <ReportRange label="Received" values={values} fieldErrors={fieldErrors} report={report} csvPath="/iro/reports/case-log.csv" />
      {report ? (
        <>
          {report.total > report.rows.length ? (
            <p>
              The first {report.rows.length} of {report.total} cases are shown; the CSV holds them all.
            </p>
          ) : null}
          <DataTable
            caption="Cases received in the range, oldest first"
            scrollable
            rows={report.rows}
            rowKey={(row) => row.reference}
            empty={<p>No case was received between these dates.</p>}
            columns={[
              { header: "Reference", cell: (row) => row.reference },
              { header: "Received", cell: (row) => <Instant at={row.at.received} style="table" /> },
              { header: "Health plan", cell: (row) => row.plan },
              { header: "Referred by", cell: (row) => row.referredBy },
              { header: "Issue", cell: (row) => row.issue },
              { header: "Track", cell: (row) => row.track },
              { header: "Case file arrived", cell: (row) => dateOrDash(row.at.caseFileArrived) },
              { header: "Information due", cell: (row) => dateOrDash(row.at.informationDue) },
              { header: "Status", cell: (row) => row.status },
              { header: "Determination", cell: (row) => orDash(row.determination) },
              { header: "Determined", cell: (row) => dateOrDash(row.at.determinationDate) },
              { header: "Notices sent", cell: (row) => dateOrDash(row.at.noticesSent) },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
