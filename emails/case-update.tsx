import { Button, Heading, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { EmailLayout, buttonStyle } from "./layout";

export interface CaseUpdateProps {
  organizationName: string;
  /** The case's reference number; never the patient's name or condition. */
  reference: string;
  /** A short line without medical details, e.g. "We received your request", already in the email's language. */
  headline: string;
  /** What the reader should do, if anything, already in the email's language. */
  action: string;
  link: string;
}

export const caseUpdateSubject = (props: CaseUpdateProps, t: TFunction) =>
  t("{reference}: {headline}", { reference: props.reference, headline: props.headline });

export default function CaseUpdate({ organizationName, reference, headline, action, link }: CaseUpdateProps) {
  const { t } = useTranslation();
  return (
    <EmailLayout preview={headline} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {headline}
      </Heading>
      <Text>{t("Reference number: {reference}", { reference })}</Text>
      <Text>{action}</Text>
      <Button href={link} style={buttonStyle}>
        {t("Open the case")}
      </Button>
    </EmailLayout>
  );
}
