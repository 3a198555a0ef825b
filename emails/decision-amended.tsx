import { Button, Heading, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { DecisionAudience } from "./decision-issued";
import { EmailLayout, buttonStyle } from "./layout";

export interface DecisionAmendedProps {
  organizationName: string;
  /** The case's reference number; never the patient's name, condition or the outcome. */
  reference: string;
  audience: DecisionAudience;
  /** The new letter's version number. */
  version: number;
  /** The applicant and the plan: the case in the portal (sign-in needed). The patient of a representative and the provider: the /verify page. */
  link: string;
}

export const decisionAmendedSubject = (props: DecisionAmendedProps, t: TFunction) =>
  t("{reference}: the decision letter was amended (version {version})", { reference: props.reference, version: props.version });

export default function DecisionAmended({ organizationName, reference, audience, version, link }: DecisionAmendedProps) {
  const { t } = useTranslation();
  return (
    <EmailLayout preview={t("An amended decision letter has been issued")} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {t("An amended decision letter has been issued")}
      </Heading>
      <Text>{t("Reference number: {reference}", { reference })}</Text>
      <Text>
        {t(
          "We issued version {version} of the decision letter. It says why it was amended. The earlier version stays on file, but the new one replaces it: please use the new letter from now on.",
          { version },
        )}
      </Text>
      {audience === "provider" ? (
        <Text>{t("Your patient has the amended letter and can share it with you; you can check that a copy is genuine on our website.")}</Text>
      ) : null}
      {audience === "patient" ? (
        <Text>
          {t("Your representative has the amended letter in the portal and can give you a copy; you can check that a copy is genuine on our website.")}
        </Text>
      ) : null}
      <Button href={link} style={buttonStyle}>
        {audience === "provider" || audience === "patient" ? t("Check a copy of the letter") : t("Read the amended letter")}
      </Button>
    </EmailLayout>
  );
}
