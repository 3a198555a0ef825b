// `npm run i18n:extract`: every message the source marks (`t("…")`, `msg("…")`,
// `<Trans>`) into app/i18n/catalogs; the English text is the key. New
// messages get an empty Spanish, which tests/unit/i18n/catalogs.test.ts
// refuses until it is written; removed messages leave both catalogs.
const functions = ["t", "msg"];

export default {
  input: ["app/**/*.{ts,tsx}", "emails/**/*.{ts,tsx}"],
  output: "app/i18n/catalogs/$LOCALE.json",
  locales: ["en", "es"],
  defaultNamespace: "translation",
  keySeparator: false,
  namespaceSeparator: false,
  contextSeparator: false,
  // Plurals are ICU inside one message, not i18next's key_one/key_other.
  pluralSeparator: false,
  createOldCatalogs: false,
  keepRemoved: false,
  sort: true,
  indentation: 2,
  defaultValue: (locale, _namespace, key) => (locale === "en" ? key : ""),
  lexers: {
    ts: [{ lexer: "JavascriptLexer", functions }],
    tsx: [{ lexer: "JsxLexer", functions, transSupportBasicHtmlNodes: true }],
    default: [],
  },
};
