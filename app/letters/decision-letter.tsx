import { Document, Font, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { LetterContents, LetterField } from "~/domain/decision-letter";

// A binding letter is quoted and searched: words are never split across lines with a hyphen.
Font.registerHyphenationCallback((word) => [word]);

const INK = "#1b1f24";
const BRAND = "#1d4e89";
const MUTED = "#4f5966";

const styles = StyleSheet.create({
  page: { paddingTop: 48, paddingHorizontal: 56, paddingBottom: 72, fontSize: 10.5, fontFamily: "Helvetica", color: INK },
  // Line height is set below the page: on the page itself it pushes the fixed footer off every page.
  body: { lineHeight: 1.45 },
  organization: { fontSize: 12, fontFamily: "Helvetica-Bold", color: BRAND, marginBottom: 14 },
  title: { fontSize: 16, fontFamily: "Helvetica-Bold", marginBottom: 10 },
  facts: { marginBottom: 12 },
  notice: { borderWidth: 1, borderColor: "#b26b00", padding: 8, marginBottom: 12 },
  summary: { borderWidth: 1.5, borderColor: BRAND, padding: 12, marginBottom: 16 },
  summaryHeading: { fontSize: 13, fontFamily: "Helvetica-Bold", color: BRAND, marginBottom: 6 },
  outcome: { fontSize: 13, fontFamily: "Helvetica-Bold", marginBottom: 6 },
  part: { fontSize: 14, fontFamily: "Helvetica-Bold", marginTop: 6, marginBottom: 6, paddingBottom: 3, borderBottomWidth: 1, borderBottomColor: BRAND },
  heading: { fontSize: 11.5, fontFamily: "Helvetica-Bold", marginTop: 10, marginBottom: 4 },
  subheading: { fontFamily: "Helvetica-Bold", marginTop: 6, marginBottom: 2 },
  paragraph: { marginBottom: 5 },
  row: { flexDirection: "row", marginBottom: 2 },
  label: { width: 170, fontFamily: "Helvetica-Bold" },
  value: { flex: 1 },
  item: { marginLeft: 12, marginBottom: 2 },
  opinion: { marginTop: 6, paddingTop: 6, borderTopWidth: 0.5, borderTopColor: "#9aa3ad" },
  statement: { fontFamily: "Helvetica-Oblique", marginBottom: 5 },
  footer: { position: "absolute", left: 56, right: 56, bottom: 28, fontSize: 8.5, color: MUTED, borderTopWidth: 0.5, borderTopColor: "#9aa3ad", paddingTop: 4 },
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
 * The binding decision letter: plain language first ("What was decided and
 * what happens now"), the formal record after. Every page carries the
 * reference, the verification code, the address to check it at and its
 * page number.
 */
export function DecisionLetter({ contents }: { contents: LetterContents }) {
  const letter = contents;
  return (
    <Document
      title={`${letter.title}, ${letter.reference}, version ${letter.version}`}
      author={letter.organizationName}
      subject={`Independent medical review ${letter.reference}`}
      creator={letter.organizationName}
      producer={letter.organizationName}
      language="en"
    >
      <Page size="LETTER" style={styles.page}>
        <View style={styles.footer} fixed>
          <Text>{letter.verification.footer}</Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>

        <View style={styles.body}>
          <Text style={styles.organization}>{letter.organizationName}</Text>
          <Text style={styles.title}>{letter.title}</Text>
          <View style={styles.facts}>
            <Text>Reference number: {letter.reference}</Text>
            <Text>Date of the decision: {letter.decisionDate}</Text>
            <Text>
              Letter version {letter.version}, issued on {letter.issuedOn}
            </Text>
          </View>

          {letter.amendment ? (
            <View style={styles.notice}>
              <Text style={styles.subheading}>Amended letter</Text>
              <Text style={styles.paragraph}>{letter.amendment.notice}</Text>
              <Text>Reason for the amendment: {letter.amendment.reason}</Text>
            </View>
          ) : null}
          {letter.translationNote ? (
            <View style={styles.notice}>
              <Text>{letter.translationNote}</Text>
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

          <Text style={styles.part}>The formal record</Text>

          <Text style={styles.heading}>The case</Text>
          <Fields fields={letter.caseDetails} />

          <Text style={styles.heading}>The review</Text>
          <Fields fields={letter.reviewDetails} />

          <Text style={styles.heading}>Documents and evidence considered</Text>
          <Items items={letter.evidence.documents} empty="None listed." />
          <Text style={styles.heading}>Clinical criteria and literature applied</Text>
          <Items items={letter.evidence.criteria} empty="None listed." />
          <Text style={styles.subheading}>Standard of review</Text>
          <Items items={letter.evidence.standards} empty="Not stated." />

          <Text style={styles.heading}>The decision</Text>
          <Text style={styles.paragraph}>{letter.decision.outcome}</Text>
          <Text style={styles.paragraph}>{letter.decision.basis}</Text>

          <Text style={styles.heading}>{letter.opinions.length > 1 ? "The reviewers' opinions" : "The reviewer's opinion"}</Text>
          {letter.opinions.map((opinion) => (
            <View key={opinion.heading} style={styles.opinion}>
              <Text style={styles.subheading} minPresenceAhead={60}>
                {opinion.heading}
              </Text>
              <Items items={opinion.qualifications} empty="" />
              <Text style={styles.subheading}>Opinion, given on {opinion.submittedOn}</Text>
              <Text style={styles.paragraph}>{opinion.outcome}</Text>
              <Text style={styles.subheading}>Principal reasons</Text>
              <Text style={styles.paragraph}>{opinion.principalReasons}</Text>
              <Text style={styles.subheading}>Clinical rationale</Text>
              <Text style={styles.paragraph}>{opinion.clinicalRationale}</Text>
              <Text style={styles.subheading}>Standard of review applied</Text>
              <Text style={styles.paragraph}>{opinion.standardOfReview}</Text>
              <Text style={styles.subheading}>Criteria and literature relied on</Text>
              <Items items={opinion.criteria} empty="None listed." />
              <Text style={styles.subheading}>Documents considered</Text>
              <Items items={opinion.documents} empty="None listed." />
              <Text style={styles.subheading}>Statement of no conflict of interest</Text>
              <Text style={styles.statement}>{opinion.noConflict}</Text>
            </View>
          ))}

          <Text style={styles.heading}>This decision is binding</Text>
          {letter.binding.map((paragraph) => (
            <Text key={paragraph} style={styles.paragraph}>
              {paragraph}
            </Text>
          ))}

          <Text style={styles.heading}>Your rights</Text>
          {letter.rights.map((paragraph) => (
            <Text key={paragraph} style={styles.paragraph}>
              {paragraph}
            </Text>
          ))}

          <Text style={styles.heading}>Questions</Text>
          {letter.contact.map((paragraph) => (
            <Text key={paragraph} style={styles.paragraph}>
              {paragraph}
            </Text>
          ))}
        </View>
      </Page>
    </Document>
  );
}
