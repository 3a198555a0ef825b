import type { Route } from "./+types/case.reversal";
import { postReversal } from "~/server/api/plan-actions.server";

/** POST /api/v1/cases/{reference}/reversal — the plan reversed its own denial. */
export const action = ({ request, params }: Route.ActionArgs) => postReversal(request, params.reference);
