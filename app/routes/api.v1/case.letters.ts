import type { Route } from "./+types/case.letters";
import { getLetters } from "~/server/api/plan-actions.server";

/** GET /api/v1/cases/{reference}/letters — the decision letter's versions. */
export const loader = ({ request, params }: Route.LoaderArgs) => getLetters(request, params.reference);
