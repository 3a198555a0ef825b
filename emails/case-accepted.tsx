import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface CaseAcceptedProps {
  organizationName: string;
  /** The case's reference number; never the patient's name or condition. */
  reference: string;
  /** When the decision is due, in plain words ("Tue 6 Jan 2027, 11:59 PM ET"). */
  decisionDue: string;
  link: string;
}

export const caseAcceptedSubject = (props: CaseAcceptedProps) => `${props.reference}: your request was accepted for independent review`;

export default function CaseAccepted({ organizationName, reference, decisionDue, link }: CaseAcceptedProps) {
  return (
    <EmailLayout preview="Your request was accepted for independent review" organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Your request was accepted
      </Heading>
      <Text>Reference number: {reference}</Text>
      <Text>
        We checked your request and it can be reviewed. We are asking your health plan for its records and finding an independent doctor with no ties to your
        plan to review it.
      </Text>
      <Text>The decision is due by {decisionDue}. You do not need to do anything now; we will write if we need more from you.</Text>
      <Button href={link} style={buttonStyle}>
        Follow your request
      </Button>
    </EmailLayout>
  );
}
