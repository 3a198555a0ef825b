import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { translator } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import { LanguageAccess } from "./language-access";

export interface ExpeditedDecisionNoticeProps {
  /** The language the notice is written in. */
  locale: Locale;
  organizationName: string;
  /** Printed with the taglines offering help in other languages. */
  organizationPhone: string;
  reference: string;
  /** When the parties were told, in words ("Tue 1 Dec 2026, 3:05 PM ET"). */
  notifiedAt: string;
  planName: string;
  /** The outcome in plain words, as the letter will state it. */
  outcome: string;
  /** What the outcome means for the patient and the plan, as the letter's summary says it. */
  meaning: string[];
  /** When the written letter is due at the latest, in words. */
  letterDue: string;
  /** Where to ask questions. */
  contact: string;
}

const styles = StyleSheet.create({
  page: { padding: 56, fontSize: 11, lineHeight: 1.45, fontFamily: "Helvetica", color: "#1b1f24" },
  organization: { fontSize: 12, fontFamily: "Helvetica-Bold", color: "#1d4e89", marginBottom: 18 },
  title: { fontSize: 16, fontFamily: "Helvetica-Bold", marginBottom: 14 },
  facts: { marginBottom: 16 },
  outcome: { fontSize: 13, fontFamily: "Helvetica-Bold", marginBottom: 8 },
  heading: { fontSize: 12, fontFamily: "Helvetica-Bold", marginTop: 14, marginBottom: 4 },
  paragraph: { marginBottom: 6 },
  footer: { marginTop: 22, fontSize: 9, color: "#4f5966" },
});

/**
 * The notice of an expedited decision, sent at once (docs/rules/decision-letter.md,
 * "Expedited decisions"): the outcome and what it means; the written letter,
 * with the reasons, follows within the profile's time.
 */
export function ExpeditedDecisionNotice(props: ExpeditedDecisionNoticeProps) {
  const t = translator(props.locale);
  return (
    <Document
      title={t("Notice of expedited decision {reference}", { reference: props.reference })}
      author={props.organizationName}
      subject={t("Expedited independent medical review: the decision")}
      language={props.locale}
    >
      <Page size="LETTER" style={styles.page}>
        <Text style={styles.organization}>{props.organizationName}</Text>
        <Text style={styles.title}>{t("Notice of the expedited independent review decision")}</Text>
        <View style={styles.facts}>
          <Text>{t("Reference number: {reference}", { reference: props.reference })}</Text>
          <Text>{t("Notice given: {date}", { date: props.notifiedAt })}</Text>
          <Text>{t("Health plan: {plan}", { plan: props.planName })}</Text>
        </View>
        <Text style={styles.outcome}>{props.outcome}</Text>
        {props.meaning.map((paragraph) => (
          <Text key={paragraph} style={styles.paragraph}>
            {paragraph}
          </Text>
        ))}
        <Text style={styles.heading}>{t("The written decision letter")}</Text>
        <Text style={styles.paragraph}>
          {t(
            "Because the review is expedited, we tell you the decision now. The written decision letter, with the reviewers' reasons, follows by {due} at the latest. The decision takes effect now.",
            { due: props.letterDue },
          )}
        </Text>
        <Text style={styles.footer}>{props.contact}</Text>
        <LanguageAccess locale={props.locale} organizationName={props.organizationName} phone={props.organizationPhone} />
      </Page>
    </Document>
  );
}
