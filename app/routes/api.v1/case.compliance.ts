import type { Route } from "./+types/case.compliance";
import { postCompliance } from "~/server/api/plan-actions.server";

/** POST /api/v1/cases/{reference}/compliance — the plan carried out an overturn. */
export const action = ({ request, params }: Route.ActionArgs) => postCompliance(request, params.reference);
