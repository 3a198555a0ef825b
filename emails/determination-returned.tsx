import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface DeterminationReturnedProps {
  organizationName: string;
  /** The case's reference number; never the patient, the condition or the comments themselves. */
  reference: string;
  link: string;
}

export const determinationReturnedSubject = (props: DeterminationReturnedProps) => `${props.reference}: your determination was sent back`;

/** To a reviewer: the coordinator's quality review sent their determination back with comments. */
export default function DeterminationReturned({ organizationName, reference, link }: DeterminationReturnedProps) {
  return (
    <EmailLayout preview={`${reference}: please review the coordinator's comments`} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Your determination was sent back
      </Heading>
      <Text>Reference number: {reference}</Text>
      <Text>
        The coordinator's quality review found something to change before the decision letter can be issued. Sign in to read their comments, update your
        determination and submit it again.
      </Text>
      <Button href={link} style={buttonStyle}>
        Open the case
      </Button>
    </EmailLayout>
  );
}
