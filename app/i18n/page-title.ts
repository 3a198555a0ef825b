import { translateMessage, translator } from "./i18n";
import { DEFAULT_LOCALE, isLocale } from "./locales";

/**
 * A page's title in the page's language, for a route's `meta`:
 * `({ matches }) => [pageTitle(matches, msg("Sign in"))]`. The language is
 * the root loader's, like everything else on the page.
 */
export function pageTitle(matches: readonly ({ id: string; loaderData?: unknown } | undefined)[], title: string): { title: string } {
  const locale = (matches.find((match) => match?.id === "root")?.loaderData as { locale?: unknown } | undefined)?.locale;
  const t = translator(isLocale(locale) ? locale : DEFAULT_LOCALE);
  return { title: `${translateMessage(t, title)} | ${t("Independent Medical Review")}` };
}
