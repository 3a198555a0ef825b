import type { Route } from "./+types/document.text";
import { coordinatorDocumentText } from "~/server/casefile/document-viewer.server";
import { idParam } from "~/server/route-params.server";
import { signedInUser } from "~/server/role-areas.server";
import { actorOf } from "~/server/session.server";

/** GET …/documents/:documentId/text?page=N — the text of the twenty pages holding page N, as the coordinator's viewer turns to them. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = signedInUser(context);
  return coordinatorDocumentText({
    user,
    actor: actorOf(user, request),
    caseId: idParam(params.caseId, "This case"),
    documentId: idParam(params.documentId, "This document"),
    page: new URL(request.url).searchParams.get("page"),
  });
}
