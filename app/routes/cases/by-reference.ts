import { redirect } from "react-router";
import type { Route } from "./+types/by-reference";
import { casePageForReference } from "~/server/requests/case-page.server";
import { actorOf, requireUser } from "~/server/session.server";

/**
 * /cases/<reference>: the link every email about a case carries. It sends
 * each person to their own page for the case; signed out, to the login page
 * and back here.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const path = params.reference.length <= 64 ? await casePageForReference(user, params.reference, actorOf(user, request)) : null;
  if (!path) throw new Response("This case was not found.", { status: 404 });
  throw redirect(path);
}

/**
 * Never shown: the loader always redirects or answers 404. Having a
 * component makes this a page route, so a 404 renders the friendly error page
 * rather than bare text.
 */
export default function CaseLink() {
  return null;
}
