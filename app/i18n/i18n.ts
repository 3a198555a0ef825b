import i18next, { type i18n, type TFunction } from "i18next";
import ICU from "i18next-icu";
import en from "./catalogs/en.json" with { type: "json" };
import es from "./catalogs/es.json" with { type: "json" };
import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales";
import type { MessageKey, MessageValues } from "./msg";

/**
 * The portal's messages: the English text is the key (catalogs/en.json holds
 * each once, extracted from the source by `npm run i18n:extract`), and
 * catalogs/es.json its Spanish. Messages are ICU (plurals, dates, numbers).
 * One ready instance per language, shared by the server, the browser, the
 * worker's emails and the letters: nothing loads at run time, and the first
 * byte is already in the reader's language (docs/decisions/0026-*.md).
 */
const CATALOGS: Record<Locale, Record<string, string>> = { en, es };

function instanceFor(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(ICU).init({
    lng: locale,
    // A message without its Spanish shows the English key rather than nothing; the catalog test fails on it first.
    fallbackLng: false,
    initAsync: false,
    keySeparator: false,
    nsSeparator: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    resources: { [locale]: { translation: CATALOGS[locale] } },
  });
  return instance;
}

const INSTANCES = Object.fromEntries(LOCALES.map((locale) => [locale, instanceFor(locale)])) as Record<Locale, i18n>;

export function i18nFor(locale: Locale): i18n {
  return INSTANCES[locale];
}

/** The `t` of one language, for text written outside React: emails, letters, notices. */
export function translator(locale: Locale): TFunction {
  return INSTANCES[locale].t;
}

/** The language of a `t` that `translator` gave; English for any other. */
export function localeOf(t: TFunction): Locale {
  return LOCALES.find((locale) => INSTANCES[locale].t === t) ?? DEFAULT_LOCALE;
}

/**
 * A message that arrives as data (a zod error, an action's refusal): its
 * translation when the catalog has it, itself otherwise (a staff page's
 * English, or text the person typed), with `values` in its placeholders.
 */
export function translateMessage(t: TFunction, message: string, values?: MessageValues): string {
  return (values ? t(message as MessageKey, values) : t(message as MessageKey)) as string;
}
