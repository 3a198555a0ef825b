import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface CaseUpdateProps {
  organizationName: string;
  /** The case's reference number; never the patient's name or condition. */
  reference: string;
  /** A short line without medical details, e.g. "We received your request". */
  headline: string;
  /** What the reader should do, if anything. */
  action: string;
  link: string;
}

export const caseUpdateSubject = (props: CaseUpdateProps) => `${props.reference}: ${props.headline}`;

export default function CaseUpdate({ organizationName, reference, headline, action, link }: CaseUpdateProps) {
  return (
    <EmailLayout preview={headline} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {headline}
      </Heading>
      <Text>Reference number: {reference}</Text>
      <Text>{action}</Text>
      <Button href={link} style={buttonStyle}>
        Open the case
      </Button>
    </EmailLayout>
  );
}
