import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface CaseFiledProps {
  organizationName: string;
  /** The case's reference number; never the patient's name, condition or treatment. */
  reference: string;
  expedited: boolean;
  /** When the eligibility decision is due, in plain words: the plan's objection is read before then. */
  checkBy: string;
  link: string;
}

export const caseFiledSubject = (props: CaseFiledProps) =>
  `${props.reference}: a ${props.expedited ? "expedited " : ""}request for independent review of your denial was filed`;

/** To the plan's recipients when one of its members files: the plan may object to eligibility before it is decided. */
export default function CaseFiled({ organizationName, reference, expedited, checkBy, link }: CaseFiledProps) {
  return (
    <EmailLayout preview={`Request ${reference} was filed`} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        A {expedited ? "expedited " : ""}request for independent review was filed
      </Heading>
      <Text>Reference number: {reference}</Text>
      <Text>
        One of your plan's members asked for an independent review of a denial. We decide whether it is eligible by <strong>{checkBy}</strong>. If you think it
        is not eligible, send your objection in the portal before then.
      </Text>
      <Text>If it is accepted, we will ask you for your case file.</Text>
      <Button href={link} style={buttonStyle}>
        Open the case
      </Button>
    </EmailLayout>
  );
}
