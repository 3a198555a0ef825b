import { Button, Heading, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { EmailLayout, buttonStyle } from "./layout";

export interface CaseAcceptedProps {
  organizationName: string;
  /** The case's reference number; never the patient's name or condition. */
  reference: string;
  /** When the decision is due, in plain words and in the email's language ("Tue 6 Jan 2027, 11:59 PM ET"). */
  decisionDue: string;
  link: string;
}

export const caseAcceptedSubject = (props: CaseAcceptedProps, t: TFunction) =>
  t("{reference}: your request was accepted for independent review", { reference: props.reference });

export default function CaseAccepted({ organizationName, reference, decisionDue, link }: CaseAcceptedProps) {
  const { t } = useTranslation();
  return (
    <EmailLayout preview={t("Your request was accepted for independent review")} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {t("Your request was accepted")}
      </Heading>
      <Text>{t("Reference number: {reference}", { reference })}</Text>
      <Text>
        {t(
          "We checked your request and it can be reviewed. We are asking your health plan for its records and finding an independent doctor with no ties to your plan to review it.",
        )}
      </Text>
      <Text>{t("The decision is due by {time}. You do not need to do anything now; we will write if we need more from you.", { time: decisionDue })}</Text>
      <Button href={link} style={buttonStyle}>
        {t("Follow your request")}
      </Button>
    </EmailLayout>
  );
}
