import type { TFunction } from "i18next";
import Negotiator from "negotiator";
import { createCookie } from "react-router";
import { translator } from "~/i18n/i18n";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "~/i18n/locales";
import { config } from "~/server/config.server";
import { getSessionUser, type SessionUser } from "~/server/session.server";

/** The language a signed-out visitor chose, for a year: the account keeps it once they sign in. */
let languageCookie: ReturnType<typeof createCookie> | undefined;
function cookie() {
  languageCookie ??= createCookie("imr_language", {
    httpOnly: true,
    sameSite: "lax",
    secure: config().cookieSecure,
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
  });
  return languageCookie;
}

/** The language this browser chose on a page, if it did. */
export async function chosenLanguage(request: Request): Promise<Locale | null> {
  const value: unknown = await cookie().parse(request.headers.get("Cookie"));
  return isLocale(value) ? value : null;
}

/**
 * The language of a page: staff and plan users read English; an applicant
 * reads the language on their account; a visitor the one they chose, or
 * else the first of ours their browser asks for.
 */
export async function requestLocale(request: Request, user: Pick<SessionUser, "roles" | "language"> | null): Promise<Locale> {
  if (user) return user.roles.every((role) => role === "APPLICANT") && isLocale(user.language) ? user.language : DEFAULT_LOCALE;
  const chosen = await chosenLanguage(request);
  if (chosen) return chosen;
  const accepted = new Negotiator({ headers: { "accept-language": request.headers.get("Accept-Language") ?? undefined } }).language([...LOCALES]);
  return isLocale(accepted) ? accepted : DEFAULT_LOCALE;
}

export function languageCookieHeader(locale: Locale): Promise<string> {
  return cookie().serialize(locale);
}

/** The `t` of the request's page, for messages an action writes with values in them (a wait in minutes). */
export async function requestTranslator(request: Request): Promise<TFunction> {
  return translator(await requestLocale(request, await getSessionUser(request)));
}
