import type { Route } from "./+types/case";
import { apiRequest } from "~/server/api/api-request.server";
import { planCaseByReference } from "~/server/api/plan-cases.server";

/** GET /api/v1/cases/{reference} — one case of the key's plan. */
export async function loader({ request, params }: Route.LoaderArgs) {
  return apiRequest(request, async (client) =>
    Response.json(await planCaseByReference(client.planId, params.reference, client.actor), { headers: { "Cache-Control": "no-store" } }),
  );
}
