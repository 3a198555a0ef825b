import { Button, Heading, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import { EmailLayout, buttonStyle } from "./layout";

export interface InformationRequestedProps {
  organizationName: string;
  /** The case's reference number; never the patient's name or condition. */
  reference: string;
  /** The applicant reads "we need more information from you"; the plan reads it about the case. */
  forApplicant: boolean;
  /** When the answer is due, in plain words and in the email's language ("Tue 6 Jan 2027, 11:59 PM ET"). */
  due: string;
  link: string;
}

export const informationRequestedSubject = (props: InformationRequestedProps, t: TFunction) =>
  t("{reference}: more information needed by {due}", { reference: props.reference, due: props.due });

export default function InformationRequested({ organizationName, reference, forApplicant, due, link }: InformationRequestedProps) {
  const { t } = useTranslation();
  return (
    <EmailLayout preview={t("Please answer by {due}", { due })} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {t("More information is needed")}
      </Heading>
      <Text>{t("Reference number: {reference}", { reference })}</Text>
      <Text>
        {forApplicant
          ? t("To go on with your request, we need more information from you. Sign in to see what we need, then answer with text or documents.")
          : t("The review organization needs more information from your plan about this case. Sign in to see what is needed.")}
      </Text>
      <Text>
        <Trans i18nKey="Please answer by <0>{due}</0>." values={{ due }} components={[<strong key="due" />]} />
      </Text>
      <Button href={link} style={buttonStyle}>
        {t("See what is needed")}
      </Button>
    </EmailLayout>
  );
}
