import type { Route } from "./+types/reports.regulator-export.csv";
import { regulatorExportQuerySchema } from "~/schemas/reports";
import { csvResponse } from "~/server/reports/csv-response.server";
import { regulatorExport } from "~/server/reports/regulator-export.server";
import { actorOf } from "~/server/session.server";
import { permittedUser } from "~/server/role-areas.server";

/** GET /iro/reports/regulator-export.csv?year=YYYY — the yearly file regulators publish. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = permittedUser(context, "report:read");
  const parsed = regulatorExportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new Response(parsed.error.issues[0]!.message, { status: 400 });
  const { fileName, csv } = await regulatorExport(parsed.data.year, actorOf(user, request));
  return csvResponse(fileName, csv);
}
