import type { Route } from "./+types/case.case-file.complete";
import { postCaseFileComplete } from "~/server/api/plan-actions.server";

/** POST /api/v1/cases/{reference}/case-file/complete — the plan's case file is all sent. */
export const action = ({ request, params }: Route.ActionArgs) => postCaseFileComplete(request, params.reference);
