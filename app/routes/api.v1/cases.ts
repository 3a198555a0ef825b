import type { Route } from "./+types/cases";
import { caseListQuery } from "~/schemas/api";
import { apiRequest } from "~/server/api/api-request.server";
import { BadCursor, listPlanCases } from "~/server/api/plan-cases.server";
import { badParameters } from "~/server/api/problem.server";

/** GET /api/v1/cases — the key's plan's cases. */
export async function loader({ request }: Route.LoaderArgs) {
  return apiRequest(request, async (client) => {
    const query = caseListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    try {
      return Response.json(await listPlanCases(client.planId, query), { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      if (error instanceof BadCursor) return badParameters([{ name: "cursor", reason: "is not a cursor this API gave out" }]);
      throw error;
    }
  });
}
