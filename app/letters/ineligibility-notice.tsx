import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";

export interface IneligibilityNoticeProps {
  organizationName: string;
  reference: string;
  /** The date of the notice, in words. */
  issuedOn: string;
  /** When the request was filed, in words. */
  filedOn: string;
  /** Who the notice is addressed to: the person who filed the request. */
  addressee: string;
  planName: string;
  /** The coordinator's reason, quoted as written. */
  reason: string;
  /** The eligibility criteria the request did not meet, in words. */
  criteriaNotMet: string[];
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
  return (
    <Document
      title={`Notice of ineligibility ${props.reference}`}
      author={props.organizationName}
      subject="Request not eligible for independent review"
      language="en"
    >
      <Page size="LETTER" style={styles.page}>
        <Text style={styles.organization}>{props.organizationName}</Text>
        <Text style={styles.title}>Notice: your request is not eligible for independent review</Text>
        <View style={styles.facts}>
          <Text>Reference number: {props.reference}</Text>
          <Text>Date of this notice: {props.issuedOn}</Text>
          <Text>Request filed: {props.filedOn}</Text>
          <Text>Health plan: {props.planName}</Text>
        </View>
        <Text style={styles.paragraph}>Dear {props.addressee},</Text>
        <Text style={styles.paragraph}>
          We checked your request for an independent medical review of a decision by {props.planName}. We cannot accept it for review.
        </Text>

        <Text style={styles.heading}>Why</Text>
        <Text style={styles.quote}>{props.reason}</Text>
        {props.criteriaNotMet.length ? (
          <View>
            <Text style={styles.paragraph}>The request did not meet these conditions for an independent review:</Text>
            {props.criteriaNotMet.map((criterion) => (
              <Text key={criterion} style={styles.item}>
                • {criterion}
              </Text>
            ))}
          </View>
        ) : null}

        <Text style={styles.heading}>What this means</Text>
        <Text style={styles.paragraph}>
          No independent reviewer will look at this request, so the plan's decision stays as it is. We keep your request and its documents on record.
        </Text>

        <Text style={styles.heading}>How to contest this decision</Text>
        <Text style={styles.paragraph}>
          If you disagree, you may ask the regulator of your health plan to look at this decision. Contact the {props.regulatorName}: {props.regulatorContact}.
          Quote the reference number {props.reference}.
        </Text>
        <Text style={styles.paragraph}>
          If the reason can be put right (for example, once your plan has decided your internal appeal), you may file a new request.
        </Text>

        <Text style={styles.footer}>
          A copy of this notice was sent to {props.planName}. {props.organizationName} is independent of your health plan.
        </Text>
      </Page>
    </Document>
  );
}
