import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface CaseIneligibleProps {
  organizationName: string;
  /** The case's reference number; never the patient's name or condition. */
  reference: string;
  /** The applicant reads "your request"; the plan reads "the request". */
  forApplicant: boolean;
  regulatorName: string;
  /** Where to read the notice (it needs signing in). */
  link: string;
}

export const caseIneligibleSubject = (props: CaseIneligibleProps) =>
  `${props.reference}: ${props.forApplicant ? "your request" : "the request"} could not be accepted for review`;

export default function CaseIneligible({ organizationName, reference, forApplicant, regulatorName, link }: CaseIneligibleProps) {
  return (
    <EmailLayout preview="A notice about the request is ready in the portal" organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {forApplicant ? "Your request could not be accepted for review" : "The request was found not eligible for review"}
      </Heading>
      <Text>Reference number: {reference}</Text>
      <Text>
        {forApplicant
          ? "We checked your request and found that it cannot be reviewed. The notice in the portal explains why and how to contest this decision."
          : "The review organization found this request not eligible for independent review. The notice in the portal gives the reason."}
      </Text>
      {forApplicant ? <Text>If you disagree, you can contact the {regulatorName}; the notice gives their contact details.</Text> : null}
      <Button href={link} style={buttonStyle}>
        Read the notice
      </Button>
    </EmailLayout>
  );
}
