import { Button, Heading, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { EmailLayout, buttonStyle } from "./layout";

export interface CaseIneligibleProps {
  organizationName: string;
  /** The case's reference number; never the patient's name or condition. */
  reference: string;
  /** The applicant reads "your request"; the plan reads "the request". */
  forApplicant: boolean;
  regulatorName: string;
  /** Where to read the notice (it needs signing in). */
  link: string;
}

export const caseIneligibleSubject = (props: CaseIneligibleProps, t: TFunction) =>
  props.forApplicant
    ? t("{reference}: your request could not be accepted for review", { reference: props.reference })
    : t("{reference}: the request could not be accepted for review", { reference: props.reference });

export default function CaseIneligible({ organizationName, reference, forApplicant, regulatorName, link }: CaseIneligibleProps) {
  const { t } = useTranslation();
  return (
    <EmailLayout preview={t("A notice about the request is ready in the portal")} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {forApplicant ? t("Your request could not be accepted for review") : t("The request was found not eligible for review")}
      </Heading>
      <Text>{t("Reference number: {reference}", { reference })}</Text>
      <Text>
        {forApplicant
          ? t("We checked your request and found that it cannot be reviewed. The notice in the portal explains why and how to contest this decision.")
          : t("The review organization found this request not eligible for independent review. The notice in the portal gives the reason.")}
      </Text>
      {forApplicant ? (
        <Text>{t("If you disagree, you can contact the {regulatorName}; the notice gives their contact details.", { regulatorName })}</Text>
      ) : null}
      <Button href={link} style={buttonStyle}>
        {t("Read the notice")}
      </Button>
    </EmailLayout>
  );
}
