import type { Route } from "./+types/reports.timeliness.csv";
import { timelinessCsv } from "~/domain/reports/timeliness";
import { parseTimelinessQuery } from "~/schemas/reports";
import { csvResponse } from "~/server/reports/csv-response.server";
import { timelinessReport } from "~/server/reports/timeliness-report.server";
import { permittedUser } from "~/server/role-areas.server";

/** GET /iro/reports/timeliness.csv?from=&to= — the timeliness report's table as a file. */
export async function loader({ request, context }: Route.LoaderArgs) {
  permittedUser(context, "report:read");
  const query = parseTimelinessQuery(new URL(request.url).searchParams);
  if (!query.ok) {
    throw new Response(Object.values(query.fieldErrors).join(" "), { status: 400 });
  }
  const report = await timelinessReport(query.range);
  return csvResponse(`imr-timeliness-${report.range.from}-to-${report.range.to}.csv`, timelinessCsv(report.groups));
}
