import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { audit } from "~/server/audit.server";
import { actorOf, endSession, getSessionUser } from "~/server/session.server";

export async function loader() {
  throw redirect("/");
}

export async function action({ request }: Route.ActionArgs) {
  const user = await getSessionUser(request);
  const cookie = await endSession(request);
  if (user) await audit(actorOf(user, request), { action: "auth.logout", objectType: "User", objectId: user.id });
  throw redirect("/login", { headers: { "Set-Cookie": cookie } });
}
