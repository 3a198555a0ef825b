import { Button, Heading, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { EmailLayout, buttonStyle } from "./layout";

export interface RequestReceivedProps {
  organizationName: string;
  /** The case's reference number; never the patient's name, condition or treatment. */
  reference: string;
  /** When the eligibility check is due, in plain words in the email's language ("Tue 6 Jan 2027, 11:59 PM ET"). */
  checkedBy: string;
  expedited: boolean;
  link: string;
}

export const requestReceivedSubject = (props: RequestReceivedProps, t: TFunction) =>
  t("{reference}: we received your request for independent review", { reference: props.reference });

/** To the applicant when they file, in the language of the case's notices. */
export default function RequestReceived({ organizationName, reference, checkedBy, expedited, link }: RequestReceivedProps) {
  const { t } = useTranslation();
  return (
    <EmailLayout preview={t("We received your request for independent review")} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {t("We received your request")}
      </Heading>
      <Text>{t("Reference number: {reference}. Keep it: quote it if you call or write to us.", { reference })}</Text>
      <Text>
        {expedited
          ? t(
              "What happens next: we check that your request can be reviewed, as an expedited request, by {date}. If something is missing we will ask you for it in the portal and tell you by email. When the check is done we will write to you, and your health plan will be told about the review.",
              { date: checkedBy },
            )
          : t(
              "What happens next: we check that your request can be reviewed by {date}. If something is missing we will ask you for it in the portal and tell you by email. When the check is done we will write to you, and your health plan will be told about the review.",
              { date: checkedBy },
            )}
      </Text>
      <Text>{t("You can follow your request, add documents and read every message in the portal.")}</Text>
      <Button href={link} style={buttonStyle}>
        {t("Follow your request")}
      </Button>
    </EmailLayout>
  );
}
