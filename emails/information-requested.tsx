import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface InformationRequestedProps {
  organizationName: string;
  /** The case's reference number; never the patient's name or condition. */
  reference: string;
  /** The applicant reads "we need more information from you"; the plan reads it about the case. */
  forApplicant: boolean;
  /** When the answer is due, in plain words ("Tue 6 Jan 2027, 11:59 PM ET"). */
  due: string;
  link: string;
}

export const informationRequestedSubject = (props: InformationRequestedProps) => `${props.reference}: more information needed by ${props.due}`;

export default function InformationRequested({ organizationName, reference, forApplicant, due, link }: InformationRequestedProps) {
  return (
    <EmailLayout preview={`Please answer by ${due}`} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        More information is needed
      </Heading>
      <Text>Reference number: {reference}</Text>
      <Text>
        {forApplicant
          ? "To go on with your request, we need more information from you. Sign in to see what we need, then answer with text or documents."
          : "The review organization needs more information from your plan about this case. Sign in to see what is needed."}
      </Text>
      <Text>
        Please answer by <strong>{due}</strong>.
      </Text>
      <Button href={link} style={buttonStyle}>
        See what is needed
      </Button>
    </EmailLayout>
  );
}
