import type { Route } from "./+types/case.documents";
import { getDocuments, postDocument } from "~/server/api/plan-actions.server";

/** GET /api/v1/cases/{reference}/documents — the applicant's new information forwarded to the plan, and the plan's case file. */
export const loader = ({ request, params }: Route.LoaderArgs) => getDocuments(request, params.reference);

/** POST /api/v1/cases/{reference}/documents — the raw file as the body. */
export const action = ({ request, params }: Route.ActionArgs) => postDocument(request, params.reference);
