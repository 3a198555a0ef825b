import type { Route } from "./+types/reports.case-log.csv";
import { CASE_LOG_FILE_LIMIT, caseLogCsv } from "~/domain/reports/case-log";
import { parseTimelinessQuery } from "~/schemas/reports";
import { csvResponse } from "~/server/reports/csv-response.server";
import { caseLog } from "~/server/reports/case-log.server";
import { permittedUser } from "~/server/role-areas.server";

/** GET /iro/reports/case-log.csv?from=&to= — the case log as a file. */
export async function loader({ request, context }: Route.LoaderArgs) {
  permittedUser(context, "report:read");
  const query = parseTimelinessQuery(new URL(request.url).searchParams);
  if (!query.ok) throw new Response(Object.values(query.fieldErrors).join(" "), { status: 400 });
  const report = await caseLog(query.range, CASE_LOG_FILE_LIMIT);
  return csvResponse(`imr-case-log-${report.range.from}-to-${report.range.to}.csv`, caseLogCsv(report.rows));
}
