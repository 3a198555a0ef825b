/**
 * The languages the applicant's side of the portal is written in. Staff and
 * plan pages stay in English; they show the applicant's language on the case.
 */
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** Each language named in itself, as the language choice offers it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", es: "Español" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language of a case's written notices and letter to the applicant: the
 * one asked for in the request when the portal writes it, English otherwise
 * (every notice carries the taglines offering help in other languages).
 */
export function noticeLocale(preferredLanguage: string | null | undefined): Locale {
  return isLocale(preferredLanguage) ? preferredLanguage : DEFAULT_LOCALE;
}
