import type { Route } from "./+types/reports.outcomes.csv";
import { outcomesCsv } from "~/domain/reports/outcomes";
import { parseTimelinessQuery } from "~/schemas/reports";
import { csvResponse } from "~/server/reports/csv-response.server";
import { outcomesReport } from "~/server/reports/outcomes-report.server";
import { permittedUser } from "~/server/role-areas.server";

/** GET /iro/reports/outcomes.csv?from=&to= — the outcomes report as a file. */
export async function loader({ request, context }: Route.LoaderArgs) {
  permittedUser(context, "report:read");
  const query = parseTimelinessQuery(new URL(request.url).searchParams);
  if (!query.ok) throw new Response(Object.values(query.fieldErrors).join(" "), { status: 400 });
  const report = await outcomesReport(query.range);
  return csvResponse(`imr-outcomes-${report.range.from}-to-${report.range.to}.csv`, outcomesCsv(report));
}
