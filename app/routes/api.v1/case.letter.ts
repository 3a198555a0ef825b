import type { Route } from "./+types/case.letter";
import { getLetterPdf } from "~/server/api/plan-actions.server";

/** GET /api/v1/cases/{reference}/letters/{version} — one version's PDF; "latest" is the current one. */
export const loader = ({ request, params }: Route.LoaderArgs) => getLetterPdf(request, params.reference, params.version);
