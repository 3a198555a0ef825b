import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface RequestReceivedProps {
  organizationName: string;
  /** The case's reference number; never the patient's name, condition or treatment. */
  reference: string;
  /** When the eligibility check is due, in plain words ("Tue 6 Jan 2027, 11:59 PM ET"). */
  checkedBy: string;
  expedited: boolean;
  link: string;
}

export const requestReceivedSubject = (props: RequestReceivedProps) => `${props.reference}: we received your request for independent review`;

export default function RequestReceived({ organizationName, reference, checkedBy, expedited, link }: RequestReceivedProps) {
  return (
    <EmailLayout preview="We received your request for independent review" organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        We received your request
      </Heading>
      <Text>Reference number: {reference}. Keep it: quote it if you call or write to us.</Text>
      <Text>
        What happens next: we check that your request can be reviewed{expedited ? ", as an expedited request," : ""} by {checkedBy}. If something is missing we
        will ask you for it in the portal and tell you by email. When the check is done we will write to you, and your health plan will be told about the
        review.
      </Text>
      <Text>You can follow your request, add documents and read every message in the portal.</Text>
      <Button href={link} style={buttonStyle}>
        Follow your request
      </Button>
    </EmailLayout>
  );
}
