import { createRequire } from "node:module";
import { Font, StyleSheet, Text, View } from "@react-pdf/renderer";
import { nondiscriminationNotice, taglines, type Tagline, type TaglineScript } from "~/domain/language-access";
import { translator } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";

/**
 * The taglines and the nondiscrimination notice, closing every notice and
 * letter. PDF's built-in Helvetica draws only Western European letters, so
 * every other tagline is set in a font for its script: Google Fonts'
 * TrueType files, which the @expo-google-fonts/* packages ship and `npm ci`
 * installs (never fetched at run time; SIL Open Font License). Noto Sans
 * draws Latin with Vietnamese, Cyrillic, Devanagari, and the digits and
 * punctuation of the others; Noto Sans TC, JP and KR draw Chinese, Japanese
 * and Korean each in its own forms; then Noto Sans Armenian and Thai,
 * Vazirmatn (Arabic and Persian), Baloo Paaji 2 (Gurmukhi) and Kantumruy
 * Pro (Khmer). react-pdf embeds only the letters a document uses, shapes
 * joined and stacked scripts, and orders right-to-left ones
 * (docs/decisions/0027-notices-in-the-applicants-language.md).
 *
 * What react-pdf's font engine (fontkit 2) can do chose the files: Noto
 * Sans Arabic draws each dot as a mark that it places beside its letter,
 * not on it; Noto Sans Gurmukhi and Khmer have mark anchors it fails on
 * (foliojs/fontkit#367); it unpacks a WOFF's glyph table again for every
 * letter it embeds (a tenth of a second for the Arabic line alone); and it
 * embeds an OpenType (CFF) CJK font with an entry for each of its
 * thousands of shared subroutines (30 KB a font, where TrueType adds 8).
 * Each file has its own name: PDFKit keeps one embedded font per name, and
 * two files of one name are embedded again for every line that uses them.
 */
const require = createRequire(import.meta.url);
/** A regular-weight file of an @expo-google-fonts package. */
const googleFont = (file: string) => require.resolve(`@expo-google-fonts/${file}`);

const FONT_FILES = {
  "Noto Sans": googleFont("noto-sans/400Regular/NotoSans_400Regular.ttf"),
  "Noto Sans TC": googleFont("noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf"),
  "Noto Sans JP": googleFont("noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf"),
  "Noto Sans KR": googleFont("noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf"),
  "Noto Sans Armenian": googleFont("noto-sans-armenian/400Regular/NotoSansArmenian_400Regular.ttf"),
  "Noto Sans Thai": googleFont("noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf"),
  Vazirmatn: googleFont("vazirmatn/400Regular/Vazirmatn_400Regular.ttf"),
  "Baloo Paaji 2": googleFont("baloo-paaji-2/BalooPaaji2_400Regular.ttf"),
  "Kantumruy Pro": googleFont("kantumruy-pro/400Regular/KantumruyPro_400Regular.ttf"),
} as const;
type TaglineFamily = keyof typeof FONT_FILES;
for (const [family, src] of Object.entries(FONT_FILES)) Font.register({ family, src });

/** The fonts each script is drawn in, first to last: a letter comes from the first that has it. */
export const SCRIPT_FONTS: Record<TaglineScript, TaglineFamily[]> = {
  Latn: ["Noto Sans"],
  Cyrl: ["Noto Sans"],
  Deva: ["Noto Sans"],
  Hant: ["Noto Sans TC"],
  Jpan: ["Noto Sans JP"],
  Hang: ["Noto Sans KR"],
  Armn: ["Noto Sans Armenian", "Noto Sans"],
  Thai: ["Noto Sans Thai", "Noto Sans"],
  Arab: ["Vazirmatn", "Noto Sans"],
  Guru: ["Baloo Paaji 2", "Noto Sans"],
  Khmr: ["Kantumruy Pro", "Noto Sans"],
};

/** What Helvetica draws (WinAnsi: Basic Latin, Latin-1, common punctuation). */
const HELVETICA = /^[\u0020-\u007E\u00A0-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026]*$/u;
/**
 * Latin text that Helvetica draws stays in Helvetica, like the rest of the
 * notice, and so stays out of the registered fonts: react-pdf keeps one
 * loaded copy of a registered font across documents, and a letter (Ó)
 * drawn from parts of another (O) in one document drops that other letter
 * from the next (diegomura/react-pdf#3404). The taglines set in Noto are
 * the same in every notice, so each font draws the same letters each time.
 */
const fontOf = (tagline: Tagline) => (HELVETICA.test(tagline.text) ? "Helvetica" : SCRIPT_FONTS[tagline.script]);

/**
 * The shaper draws each of Khmer's two-part vowels (ើ, ោ) as two glyphs,
 * the part written before the consonant and the part after; react-pdf
 * counts one glyph a letter, and the line then loses as many letters at
 * its end. Written in their two parts, the vowels look the same and every
 * letter is drawn.
 */
const KHMER_VOWEL_PARTS: Record<string, string> = { "\u17BE": "\u17C1\u17B8", "\u17C4": "\u17C1\u17B6" };
const drawnText = (tagline: Tagline) =>
  tagline.script === "Khmr" ? tagline.text.replace(/[\u17BE\u17C4]/gu, (vowel) => KHMER_VOWEL_PARTS[vowel] ?? vowel) : tagline.text;

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
      {taglines(phone, locale).map((tagline) => (
        <Text key={tagline.englishName} style={[styles.tagline, { fontFamily: fontOf(tagline), direction: tagline.script === "Arab" ? "rtl" : "ltr" }]}>
          {drawnText(tagline)}
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
