import { Button, Heading, Text } from "@react-email/components";
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

export const decisionAmendedSubject = (props: DecisionAmendedProps) => `${props.reference}: the decision letter was amended (version ${props.version})`;

export default function DecisionAmended({ organizationName, reference, audience, version, link }: DecisionAmendedProps) {
  return (
    <EmailLayout preview="An amended decision letter has been issued" organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        An amended decision letter has been issued
      </Heading>
      <Text>Reference number: {reference}</Text>
      <Text>
        We issued version {version} of the decision letter. It says why it was amended. The earlier version stays on file, but the new one replaces it: please
        use the new letter from now on.
      </Text>
      {audience === "provider" ? (
        <Text>Your patient has the amended letter and can share it with you; you can check that a copy is genuine on our website.</Text>
      ) : null}
      {audience === "patient" ? (
        <Text>Your representative has the amended letter in the portal and can give you a copy; you can check that a copy is genuine on our website.</Text>
      ) : null}
      <Button href={link} style={buttonStyle}>
        {audience === "provider" || audience === "patient" ? "Check a copy of the letter" : "Read the amended letter"}
      </Button>
    </EmailLayout>
  );
}
