import { Button, Heading, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { EmailLayout, buttonStyle } from "./layout";

/** Who the email is for: each reads what concerns them. */
export type DecisionAudience = "applicant" | "patient" | "plan" | "provider";

export interface DecisionIssuedProps {
  organizationName: string;
  /** The case's reference number; never the patient's name, condition or the outcome. */
  reference: string;
  audience: DecisionAudience;
  expedited: boolean;
  /** For the plan, when the letter requires it to act ("Tue 6 Jan 2027, 11:59 PM ET"); null when nothing is required. */
  actionDue: string | null;
  /** The applicant and the plan: the case in the portal (sign-in needed). The patient of a representative and the provider: the /verify page. */
  link: string;
}

export const decisionIssuedSubject = (props: DecisionIssuedProps, t: TFunction) =>
  props.expedited
    ? t("{reference}: the expedited independent review decision has been issued", { reference: props.reference })
    : t("{reference}: the independent review decision has been issued", { reference: props.reference });

export default function DecisionIssued({ organizationName, reference, audience, expedited, actionDue, link }: DecisionIssuedProps) {
  const { t } = useTranslation();
  return (
    <EmailLayout preview={t("The independent review decision has been issued")} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {audience === "applicant" ? t("The decision on your request is ready") : t("An independent review decision has been issued")}
      </Heading>
      <Text>{t("Reference number: {reference}", { reference })}</Text>
      {audience === "applicant" ? (
        <Text>
          {t(
            "The independent review of your request is complete. The decision letter in the portal says what was decided, why, and what happens now. The decision is binding on your health plan.",
          )}
        </Text>
      ) : null}
      {audience === "patient" ? (
        <Text>
          {t(
            "The independent review your representative asked for on your behalf is complete, and the decision letter has been issued. Your representative has the letter in the portal and can give you a copy. Anyone holding the letter can check that it is genuine on our website, with the reference number and the verification code printed on each page.",
          )}
        </Text>
      ) : null}
      {audience === "plan" ? (
        <Text>
          {actionDue
            ? t(
                "The decision letter for this case is in the portal. The decision is binding on the plan. It requires the plan to act by {time} and to confirm in the portal that it did so.",
                { time: actionDue },
              )
            : t("The decision letter for this case is in the portal. The decision is binding on the plan. It requires no action from the plan.")}
        </Text>
      ) : null}
      {audience === "provider" ? (
        <Text>
          {t(
            "Your patient asked us to let you know that the decision on their independent medical review has been issued. They have the decision letter and can share it with you. Anyone holding the letter can check that it is genuine on our website, with the reference number and the verification code printed on each page.",
          )}
        </Text>
      ) : null}
      {expedited ? <Text>{t("This was an expedited review, so we are telling you at once.")}</Text> : null}
      <Button href={link} style={buttonStyle}>
        {audience === "patient" || audience === "provider" ? t("Check a copy of the letter") : t("Read the decision letter")}
      </Button>
    </EmailLayout>
  );
}
