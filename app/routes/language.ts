import { redirect } from "react-router";
import type { Route } from "./+types/language";
import { languageChoiceSchema } from "~/schemas/language";
import { parseForm, rejectForm } from "~/server/forms.server";
import { languageCookieHeader } from "~/server/i18n/locale.server";
import { chooseLanguage } from "~/server/users/choose-language.server";
import { actorOf, getSessionUser, safeRedirectPath } from "~/server/session.server";

export async function loader() {
  throw redirect("/");
}

/** The language choice: kept in a cookie for a visitor, and on the account of a signed-in person, then back to the page. */
export async function action({ request }: Route.ActionArgs) {
  const parsed = await parseForm(request, languageChoiceSchema);
  if (!parsed.ok) return rejectForm(parsed.failure);
  const user = await getSessionUser(request);
  if (user) await chooseLanguage(user.id, parsed.data.language, actorOf(user, request));
  throw redirect(safeRedirectPath(parsed.data.redirectTo, "/"), { headers: { "Set-Cookie": await languageCookieHeader(parsed.data.language) } });
}
