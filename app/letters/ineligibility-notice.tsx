import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { EligibilityCriterion } from "~/domain/eligibility";
import { translator } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import { msg, type MessageKey } from "~/i18n/msg";
import { LanguageAccess } from "./language-access";

/** The eligibility criteria (eligibility.ts's CRITERION_LABELS), as the notice lists the ones not met. */
const CRITERIA: Record<EligibilityCriterion, MessageKey> = {
  ENROLLED: msg("Enrolled with the plan"),
  COVERED_BENEFIT: msg("A covered benefit denied for an eligible reason"),
  APPEAL_EXHAUSTED: msg("Internal appeal completed or not needed"),
  FILED_IN_TIME: msg("Filed in time, or good cause accepted"),
  COMPLETE: msg("Everything needed to start is here"),
};

export interface IneligibilityNoticeProps {
  /** The language the notice is written in. */
  locale: Locale;
  organizationName: string;
  /** Printed with the taglines offering help in other languages. */
  organizationPhone: string;
  reference: string;
  /** The date of the notice, in words. */
  issuedOn: string;
  /** When the request was filed, in words; null when not recorded. */
  filedOn: string | null;
  /** Who the notice is addressed to: the person who filed the request. */
  addressee: string;
  /** Null when the request names no plan. */
  planName: string | null;
  /** The coordinator's reason, quoted as written. */
  reason: string;
  /** The eligibility criteria the request did not meet. */
  criteriaNotMet: EligibilityCriterion[];
  regulatorName: string;
  regulatorContact: string;
}

const styles = StyleSheet.create({
  page: { padding: 56, fontSize: 11, lineHeight: 1.45, fontFamily: "Helvetica", color: "#1b1f24" },
  organization: { fontSize: 12, fontFamily: "Helvetica-Bold", color: "#1d4e89", marginBottom: 18 },
  title: { fontSize: 16, fontFamily: "Helvetica-Bold", marginBottom: 14 },
  facts: { marginBottom: 16 },
  heading: { fontSize: 12, fontFamily: "Helvetica-Bold", marginTop: 14, marginBottom: 4 },
  paragraph: { marginBottom: 6 },
  quote: { marginLeft: 14, marginBottom: 6, fontFamily: "Helvetica-Oblique" },
  item: { marginLeft: 14 },
  footer: { marginTop: 22, fontSize: 9, color: "#4f5966" },
});

/**
 * The notice sent when a request cannot be reviewed (docs/rules/eligibility.md,
 * "Not eligible: the notice"): the reason, and how to contest it with the regulator.
 */
export function IneligibilityNotice(props: IneligibilityNoticeProps) {
  const t = translator(props.locale);
  const planName = props.planName ?? t("your health plan");
  const filedOn = props.filedOn ?? t("not recorded");
  return (
    <Document
      title={t("Notice of ineligibility {reference}", { reference: props.reference })}
      author={props.organizationName}
      subject={t("Request not eligible for independent review")}
      language={props.locale}
    >
      <Page size="LETTER" style={styles.page}>
        <Text style={styles.organization}>{props.organizationName}</Text>
        <Text style={styles.title}>{t("Notice: your request is not eligible for independent review")}</Text>
        <View style={styles.facts}>
          <Text>{t("Reference number: {reference}", { reference: props.reference })}</Text>
          <Text>{t("Date of this notice: {date}", { date: props.issuedOn })}</Text>
          <Text>{t("Request filed: {date}", { date: filedOn })}</Text>
          <Text>{t("Health plan: {plan}", { plan: planName })}</Text>
        </View>
        <Text style={styles.paragraph}>{t("Dear {name},", { name: props.addressee })}</Text>
        <Text style={styles.paragraph}>
          {t("We checked your request for an independent medical review of a decision by {plan}. We cannot accept it for review.", { plan: planName })}
        </Text>

        <Text style={styles.heading}>{t("Why")}</Text>
        <Text style={styles.quote}>{props.reason}</Text>
        {props.criteriaNotMet.length ? (
          <View>
            <Text style={styles.paragraph}>{t("The request did not meet these conditions for an independent review:")}</Text>
            {props.criteriaNotMet.map((criterion) => (
              <Text key={criterion} style={styles.item}>
                • {t(CRITERIA[criterion])}
              </Text>
            ))}
          </View>
        ) : null}

        <Text style={styles.heading}>{t("What this means")}</Text>
        <Text style={styles.paragraph}>
          {t("No independent reviewer will look at this request, so the plan's decision stays as it is. We keep your request and its documents on record.")}
        </Text>

        <Text style={styles.heading}>{t("How to contest this decision")}</Text>
        <Text style={styles.paragraph}>
          {t(
            "If you disagree, you may ask the regulator of your health plan to look at this decision. Contact the {regulator}: {contact}. Quote the reference number {reference}.",
            { regulator: props.regulatorName, contact: props.regulatorContact, reference: props.reference },
          )}
        </Text>
        <Text style={styles.paragraph}>
          {t("If the reason can be put right (for example, once your plan has decided your internal appeal), you may file a new request.")}
        </Text>

        <Text style={styles.footer}>
          {t("A copy of this notice was sent to {plan}. {organization} is independent of your health plan.", {
            plan: planName,
            organization: props.organizationName,
          })}
        </Text>
        <LanguageAccess locale={props.locale} organizationName={props.organizationName} phone={props.organizationPhone} />
      </Page>
    </Document>
  );
}
