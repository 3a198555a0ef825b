import { Document, Font, Page, StyleSheet, Text, View, type PageLayoutProps } from "@react-pdf/renderer";
import { Fragment } from "react";
import type { LetterContents, LetterField } from "~/domain/decision-letter";
import { translator } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import { LanguageAccess } from "./language-access";

// A binding letter is quoted and searched: words are never split across lines with a hyphen.
Font.registerHyphenationCallback((word) => [word]);

const INK = "#1b1f24";
const BRAND = "#1d4e89";
const MUTED = "#4f5966";
const FONT_SIZE = 10.5;
// react-pdf resolves a line height against the element's own font size (18 when it has none), so
// every style that sets one sets the font size beside it.
const BODY_TEXT = { fontSize: FONT_SIZE, lineHeight: 1.4 };

const styles = StyleSheet.create({
  page: { paddingTop: 48, paddingHorizontal: 56, paddingBottom: 28, fontSize: FONT_SIZE, fontFamily: "Helvetica", color: INK },
  line: BODY_TEXT,
  organization: { fontSize: 12, fontFamily: "Helvetica-Bold", color: BRAND, marginBottom: 2 },
  letterhead: { marginBottom: 14 },
  recipient: { marginBottom: 14 },
  title: { fontSize: 16, fontFamily: "Helvetica-Bold", marginBottom: 10 },
  facts: { marginBottom: 12 },
  notice: { borderWidth: 1, borderColor: "#b26b00", padding: 8, marginBottom: 12 },
  summary: { borderWidth: 1.5, borderColor: BRAND, padding: 12, marginBottom: 16 },
  summaryHeading: { fontSize: 13, fontFamily: "Helvetica-Bold", color: BRAND, marginBottom: 6 },
  outcome: { fontSize: 13, fontFamily: "Helvetica-Bold", marginBottom: 6 },
  part: { fontSize: 14, fontFamily: "Helvetica-Bold", marginTop: 6, marginBottom: 6, paddingBottom: 3, borderBottomWidth: 1, borderBottomColor: BRAND },
  heading: { fontSize: 11.5, fontFamily: "Helvetica-Bold", marginTop: 10, marginBottom: 4 },
  subheading: { fontFamily: "Helvetica-Bold", marginTop: 6, marginBottom: 2 },
  paragraph: { ...BODY_TEXT, marginBottom: 5 },
  row: { flexDirection: "row", marginBottom: 2 },
  label: { width: 170, ...BODY_TEXT, fontFamily: "Helvetica-Bold" },
  value: { flex: 1, ...BODY_TEXT },
  item: { marginLeft: 12, marginBottom: 2, ...BODY_TEXT },
  divider: { marginTop: 6, marginBottom: 2, borderTopWidth: 0.5, borderTopColor: "#9aa3ad" },
  statement: { fontFamily: "Helvetica-Oblique", ...BODY_TEXT, marginBottom: 5 },
  flow: { flexGrow: 1, flexShrink: 1 },
  footer: { marginTop: 16, fontSize: 8.5, color: MUTED, borderTopWidth: 0.5, borderTopColor: "#9aa3ad", paddingTop: 4 },
});

function Fields({ fields }: { fields: readonly LetterField[] }) {
  return (
    <View>
      {fields.map((field) => (
        <View key={field.label} style={styles.row} wrap={false}>
          <Text style={styles.label}>{field.label}</Text>
          <Text style={styles.value}>{field.value}</Text>
        </View>
      ))}
    </View>
  );
}

function Items({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <Text style={styles.item}>{empty}</Text>;
  return (
    <View>
      {items.map((item) => (
        <Text key={item} style={styles.item}>
          • {item}
        </Text>
      ))}
    </View>
  );
}

/**
 * Each page: the letter's text where it flows, and under it the footer with
 * the reference, the verification code, the address to check it at and the
 * page number. A page layout (react-pdf's newer pagination) measures the
 * letter once and packs it into pages; a fixed footer made every page break
 * lay the rest of the letter out again.
 */
function pageLayout(footer: string, locale: Locale) {
  const t = translator(locale);
  return function LetterPage({ children, pageNumber, totalPages }: PageLayoutProps) {
    return (
      <>
        <View style={styles.flow}>{children}</View>
        <View style={styles.footer}>
          <Text>{footer}</Text>
          <Text>{t("Page {page} of {pages}", { page: pageNumber, pages: totalPages })}</Text>
        </View>
      </>
    );
  };
}

/**
 * The binding decision letter: plain language first ("What was decided and
 * what happens now"), the formal record after. Every page carries the
 * reference, the verification code, the address to check it at and its
 * page number.
 */
export function DecisionLetter({ contents }: { contents: LetterContents }) {
  const letter = contents;
  const t = translator(letter.locale);
  return (
    <Document
      title={t("{title}, {reference}, version {version}", { title: letter.title, reference: letter.reference, version: letter.version })}
      author={letter.organizationName}
      subject={t("Independent medical review {reference}", { reference: letter.reference })}
      creator={letter.organizationName}
      producer={letter.organizationName}
      language={letter.locale}
    >
      <Page size="LETTER" style={styles.page} layout={pageLayout(letter.verification.footer, letter.locale)}>
        <View style={styles.letterhead}>
          <Text style={styles.organization}>{letter.organizationName}</Text>
          {letter.organizationContact.map((line) => (
            <Text key={line} style={styles.line}>
              {line}
            </Text>
          ))}
        </View>
        <View style={styles.recipient}>
          {letter.recipient.lines.map((line) => (
            <Text key={line} style={styles.line}>
              {line}
            </Text>
          ))}
        </View>
        <Text style={styles.title}>{letter.title}</Text>
        <View style={styles.facts}>
          <Text style={styles.line}>{t("Reference number: {reference}", { reference: letter.reference })}</Text>
          <Text style={styles.line}>{t("Date of the decision: {date}", { date: letter.decisionDate })}</Text>
          <Text style={styles.line}>{t("Letter version {version}, issued on {date}", { version: letter.version, date: letter.issuedOn })}</Text>
          <Text style={styles.line}>{letter.recipient.copies}</Text>
        </View>

        {letter.amendment ? (
          <View style={styles.notice}>
            <Text style={styles.subheading}>{t("Amended letter")}</Text>
            <Text style={styles.paragraph}>{letter.amendment.notice}</Text>
            <Text style={styles.line}>{t("Reason for the amendment: {reason}", { reason: letter.amendment.reason })}</Text>
          </View>
        ) : null}
        {letter.translationNote ? (
          <View style={styles.notice}>
            <Text style={styles.line}>{letter.translationNote}</Text>
          </View>
        ) : null}

        <View style={styles.summary}>
          <Text style={styles.summaryHeading}>{letter.summary.heading}</Text>
          <Text style={styles.outcome}>{letter.summary.outcome}</Text>
          {letter.summary.paragraphs.map((paragraph) => (
            <Text key={paragraph} style={styles.paragraph}>
              {paragraph}
            </Text>
          ))}
        </View>

        <Text style={styles.part}>{t("The formal record")}</Text>

        <Text style={styles.heading}>{t("The case")}</Text>
        <Fields fields={letter.caseDetails} />

        <Text style={styles.heading}>{t("The review")}</Text>
        <Fields fields={letter.reviewDetails} />

        <Text style={styles.heading}>{t("Documents and evidence considered")}</Text>
        <Items items={letter.evidence.documents} empty={t("None listed.")} />
        <Text style={styles.heading}>{t("Clinical criteria and literature applied")}</Text>
        <Items items={letter.evidence.criteria} empty={t("None listed.")} />
        <Text style={styles.subheading}>{t("Standard of review")}</Text>
        <Items items={letter.evidence.standards} empty={t("Not stated.")} />

        <Text style={styles.heading}>{t("How the decision was reached")}</Text>
        <Text style={styles.paragraph}>{letter.decision.basis}</Text>

        <Text style={styles.heading}>{letter.opinions.length > 1 ? t("The reviewers' opinions") : t("The reviewer's opinion")}</Text>
        {letter.findingsNote ? <Text style={styles.paragraph}>{letter.findingsNote}</Text> : null}
        {letter.opinions.map((opinion) => (
          <Fragment key={opinion.heading}>
            <View style={styles.divider} />
            <Text style={styles.subheading} minPresenceAhead={60}>
              {opinion.heading}
            </Text>
            <Items items={opinion.qualifications} empty="" />
            <Text style={styles.subheading}>{t("Opinion, given on {date}", { date: opinion.submittedOn })}</Text>
            <Text style={styles.paragraph}>{opinion.outcome}</Text>
            <Text style={styles.subheading}>{t("Principal reasons")}</Text>
            <Text style={styles.paragraph}>{opinion.principalReasons}</Text>
            <Text style={styles.subheading}>{t("Clinical rationale")}</Text>
            <Text style={styles.paragraph}>{opinion.clinicalRationale}</Text>
            {opinion.ownEvidence ? (
              <>
                <Text style={styles.subheading}>{t("Standard of review applied")}</Text>
                <Text style={styles.paragraph}>{opinion.ownEvidence.standardOfReview}</Text>
                <Text style={styles.subheading}>{t("Criteria and literature relied on")}</Text>
                <Items items={opinion.ownEvidence.criteria} empty={t("None listed.")} />
                <Text style={styles.subheading}>{t("Documents considered")}</Text>
                <Items items={opinion.ownEvidence.documents} empty={t("None listed.")} />
              </>
            ) : null}
            <Text style={styles.subheading}>{t("Statement of no conflict of interest")}</Text>
            <Text style={styles.statement}>{opinion.noConflict}</Text>
          </Fragment>
        ))}

        <Text style={styles.heading}>{t("This decision is binding")}</Text>
        {letter.binding.map((paragraph) => (
          <Text key={paragraph} style={styles.paragraph}>
            {paragraph}
          </Text>
        ))}

        <Text style={styles.heading}>{t("Your rights")}</Text>
        {letter.rights.map((paragraph) => (
          <Text key={paragraph} style={styles.paragraph}>
            {paragraph}
          </Text>
        ))}

        <Text style={styles.heading}>{t("Questions")}</Text>
        {letter.contact.map((paragraph) => (
          <Text key={paragraph} style={styles.paragraph}>
            {paragraph}
          </Text>
        ))}

        <LanguageAccess locale={letter.locale} organizationName={letter.organizationName} phone={letter.organizationPhone} />
      </Page>
    </Document>
  );
}
