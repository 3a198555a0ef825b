import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface ExpeditedDecisionProps {
  organizationName: string;
  /** The case's reference number; never the patient's name, condition or the outcome. */
  reference: string;
  audience: "applicant" | "plan";
  /** When the written letter is due at the latest, in words. */
  letterDue: string;
  /** The notice in the portal (sign-in needed). */
  link: string;
}

export const expeditedDecisionSubject = (props: ExpeditedDecisionProps) => `${props.reference}: the expedited independent review has been decided`;

/** The expedited decision, told at once: the notice is on the case; the written letter follows. */
export default function ExpeditedDecision({ organizationName, reference, audience, letterDue, link }: ExpeditedDecisionProps) {
  return (
    <EmailLayout preview="The expedited independent review has been decided" organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {audience === "applicant" ? "Your expedited review has been decided" : "An expedited independent review has been decided"}
      </Heading>
      <Text>Reference number: {reference}</Text>
      <Text>
        The notice of the decision is in the portal: it says what was decided and what happens now.
        {audience === "plan" ? " The decision is binding on your plan from now." : null}
      </Text>
      <Text>The written decision letter, with the reasons, follows by {letterDue} at the latest.</Text>
      <Button href={link} style={buttonStyle}>
        Read the notice
      </Button>
    </EmailLayout>
  );
}
