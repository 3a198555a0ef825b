import { Button, Heading, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { EmailLayout, buttonStyle } from "./layout";

export interface ExpeditedDecisionProps {
  organizationName: string;
  /** The case's reference number; never the patient's name, condition or the outcome. */
  reference: string;
  audience: "applicant" | "plan";
  /** When the written letter is due at the latest, in words and in the email's language. */
  letterDue: string;
  /** The notice in the portal (sign-in needed). */
  link: string;
}

export const expeditedDecisionSubject = (props: ExpeditedDecisionProps, t: TFunction) =>
  t("{reference}: the expedited independent review has been decided", { reference: props.reference });

/** The expedited decision, told at once: the notice is on the case; the written letter follows. */
export default function ExpeditedDecision({ organizationName, reference, audience, letterDue, link }: ExpeditedDecisionProps) {
  const { t } = useTranslation();
  return (
    <EmailLayout preview={t("The expedited independent review has been decided")} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {audience === "applicant" ? t("Your expedited review has been decided") : t("An expedited independent review has been decided")}
      </Heading>
      <Text>{t("Reference number: {reference}", { reference })}</Text>
      <Text>
        {audience === "plan"
          ? t("The notice of the decision is in the portal: it says what was decided and what happens now. The decision is binding on your plan from now.")
          : t("The notice of the decision is in the portal: it says what was decided and what happens now.")}
      </Text>
      <Text>{t("The written decision letter, with the reasons, follows by {time} at the latest.", { time: letterDue })}</Text>
      <Button href={link} style={buttonStyle}>
        {t("Read the notice")}
      </Button>
    </EmailLayout>
  );
}
