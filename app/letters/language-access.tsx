import { createRequire } from "node:module";
import path from "node:path";
import { Font, StyleSheet, Text, View } from "@react-pdf/renderer";
import { nondiscriminationNotice, taglines } from "~/domain/language-access";
import { translator } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";

/**
 * The taglines and the nondiscrimination notice, closing every notice and
 * letter. PDF's built-in Helvetica draws only Western European letters; the
 * Russian tagline is set in Liberation Sans, the one font an installed
 * package ships (pdfjs-dist's standard fonts, SIL Open Font License), cut
 * down to Latin-1 and basic Cyrillic. Neither draws Vietnamese's stacked
 * accents nor the Chinese, Korean, Japanese, Armenian, Arabic, Persian,
 * Gurmukhi, Khmer, Devanagari or Thai scripts: those taglines name the
 * language in English with the phone line
 * (docs/decisions/0027-notices-in-the-applicants-language.md).
 */
const FONT_DIRECTORY = path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts");
const CYRILLIC_FONT = "Liberation Sans";
Font.register({ family: CYRILLIC_FONT, src: path.join(FONT_DIRECTORY, "LiberationSans-Regular.ttf") });

/** What Helvetica draws (WinAnsi: Basic Latin, Latin-1, common punctuation), and what Liberation Sans adds: basic Cyrillic. */
const HELVETICA = /^[\u0020-\u007E\u00A0-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026]*$/u;
const CYRILLIC = /^[\u0020-\u007E\u0400-\u045F]*$/u;
const drawable = (text: string) => HELVETICA.test(text) || CYRILLIC.test(text);
/**
 * Latin text stays in Helvetica: react-pdf keeps one loaded copy of a
 * registered font across documents, and a letter (Ó) drawn from parts of
 * another (O) in one document drops that other letter from the next
 * (diegomura/react-pdf#3404). Only the Russian line, the same each time,
 * uses Liberation Sans.
 */
const fontOf = (text: string) => (HELVETICA.test(text) ? "Helvetica" : CYRILLIC_FONT);

const styles = StyleSheet.create({
  section: { marginTop: 18, paddingTop: 6, borderTopWidth: 0.5, borderTopColor: "#9aa3ad" },
  heading: { fontSize: 10, fontFamily: "Helvetica-Bold", marginBottom: 4 },
  tagline: { fontSize: 8, lineHeight: 1.35, marginBottom: 2 },
  paragraph: { fontSize: 8, lineHeight: 1.35, marginBottom: 3 },
});

export function LanguageAccess({ locale, organizationName, phone }: { locale: Locale; organizationName: string; phone: string }) {
  const t = translator(locale);
  const notice = nondiscriminationNotice(t, { name: organizationName, phone });
  return (
    <View style={styles.section}>
      <Text style={styles.heading} minPresenceAhead={40}>
        {t("Help in your language")}
      </Text>
      {taglines(phone, locale, drawable).map((tagline) => (
        <Text key={tagline.englishName} style={[styles.tagline, { fontFamily: fontOf(tagline.text) }]}>
          {tagline.text}
        </Text>
      ))}
      <Text style={styles.heading} minPresenceAhead={40}>
        {notice.heading}
      </Text>
      {notice.paragraphs.map((paragraph) => (
        <Text key={paragraph} style={styles.paragraph}>
          {paragraph}
        </Text>
      ))}
    </View>
  );
}
