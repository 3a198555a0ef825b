import type { Route } from "./+types/reports.plan-compliance.csv";
import { planComplianceCsv } from "~/domain/reports/plan-compliance";
import { parseTimelinessQuery } from "~/schemas/reports";
import { csvResponse } from "~/server/reports/csv-response.server";
import { planComplianceReport } from "~/server/reports/plan-compliance-report.server";
import { permittedUser } from "~/server/role-areas.server";

/** GET /iro/reports/plan-compliance.csv?from=&to= — the plan compliance report as a file. */
export async function loader({ request, context }: Route.LoaderArgs) {
  permittedUser(context, "report:read");
  const query = parseTimelinessQuery(new URL(request.url).searchParams);
  if (!query.ok) throw new Response(Object.values(query.fieldErrors).join(" "), { status: 400 });
  const report = await planComplianceReport(query.range);
  return csvResponse(`imr-plan-compliance-${report.range.from}-to-${report.range.to}.csv`, planComplianceCsv(report.plans));
}
