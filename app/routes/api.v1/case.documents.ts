import type { Route } from "./+types/case.documents";
import { postDocument } from "~/server/api/plan-actions.server";

/** POST /api/v1/cases/{reference}/documents — the raw file as the body. */
export const action = ({ request, params }: Route.ActionArgs) => postDocument(request, params.reference);
