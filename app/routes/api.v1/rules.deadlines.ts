import type { Route } from "./+types/rules.deadlines";
import { deadlinePreviewQuery } from "~/schemas/deadline-preview";
import { badParameters } from "~/server/api/problem.server";
import { previewDeadlines } from "~/server/deadlines/preview-deadlines.server";

/** GET /api/v1/rules/deadlines — public: the deadlines a case would have, for plans' own planning. */
export async function loader({ request }: Route.LoaderArgs) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = deadlinePreviewQuery.safeParse(params);
  if (!parsed.success) {
    return badParameters(parsed.error.issues.map((issue) => ({ name: String(issue.path[0] ?? "query"), reason: issue.message })));
  }
  return Response.json(await previewDeadlines(parsed.data), { headers: { "Cache-Control": "no-store" } });
}
