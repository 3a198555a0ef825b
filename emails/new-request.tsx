import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface NewRequestProps {
  organizationName: string;
  /** The case's reference number; never the patient's name, condition or treatment. */
  reference: string;
  expedited: boolean;
  /** Filed after the plan's filing window: the coordinator decides on good cause. */
  filedLate: boolean;
  /** When the eligibility decision is due, in plain words. */
  checkBy: string;
  link: string;
}

export const newRequestSubject = (props: NewRequestProps) => `${props.reference}: new ${props.expedited ? "EXPEDITED " : ""}request for independent review`;

export default function NewRequest({ organizationName, reference, expedited, filedLate, checkBy, link }: NewRequestProps) {
  return (
    <EmailLayout preview={`New request ${reference}`} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        New {expedited ? "expedited " : ""}request
      </Heading>
      <Text>Reference number: {reference}</Text>
      <Text>The eligibility decision is due by {checkBy}.</Text>
      {filedLate ? <Text>It was filed after the plan's filing window: decide whether there is good cause to accept it.</Text> : null}
      <Button href={link} style={buttonStyle}>
        Open the case
      </Button>
    </EmailLayout>
  );
}
