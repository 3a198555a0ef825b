import type { Route } from "./+types/reports.reviewer-workload.csv";
import { reviewerWorkloadCsv } from "~/domain/reports/reviewer-workload";
import { parseTimelinessQuery } from "~/schemas/reports";
import { csvResponse } from "~/server/reports/csv-response.server";
import { reviewerWorkloadReport } from "~/server/reports/reviewer-workload-report.server";
import { permittedUser } from "~/server/role-areas.server";

/** GET /iro/reports/reviewer-workload.csv?from=&to= — the reviewer workload and turnaround report as a file. */
export async function loader({ request, context }: Route.LoaderArgs) {
  permittedUser(context, "report:read");
  const query = parseTimelinessQuery(new URL(request.url).searchParams);
  if (!query.ok) throw new Response(Object.values(query.fieldErrors).join(" "), { status: 400 });
  const report = await reviewerWorkloadReport(query.range);
  return csvResponse(`imr-reviewer-workload-${report.range.from}-to-${report.range.to}.csv`, reviewerWorkloadCsv(report.reviewers));
}
