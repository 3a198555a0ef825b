import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface DeterminationReadyProps {
  organizationName: string;
  /** The case's reference number; never the patient, the condition or the outcome. */
  reference: string;
  /** How many reviewers' opinions the case has (1, or a panel's 3). */
  opinions: number;
  link: string;
}

export const determinationReadySubject = (props: DeterminationReadyProps) => `${props.reference}: ready for quality review`;

/** To coordinators: every required reviewer has submitted; the determination awaits quality review. */
export default function DeterminationReady({ organizationName, reference, opinions, link }: DeterminationReadyProps) {
  return (
    <EmailLayout preview={`${reference} is ready for quality review`} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Ready for quality review
      </Heading>
      <Text>Reference number: {reference}</Text>
      <Text>
        {opinions === 1 ? "The reviewer has submitted their determination." : `All ${opinions} panel reviewers have submitted their opinions.`} Check it before
        the decision letter is issued: approve it, or send it back to the reviewer with your comments.
      </Text>
      <Button href={link} style={buttonStyle}>
        Open the quality review
      </Button>
    </EmailLayout>
  );
}
