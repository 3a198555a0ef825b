import type { Route } from "./+types/case.document";
import { getDocumentFile } from "~/server/api/plan-actions.server";

/** GET /api/v1/cases/{reference}/documents/{documentId} — a document the plan was sent or sent itself. */
export const loader = ({ request, params }: Route.LoaderArgs) => getDocumentFile(request, params.reference, params.documentId);
