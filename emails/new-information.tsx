import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface NewInformationProps {
  organizationName: string;
  /** The case's reference number; never the patient's name, condition or the file's name. */
  reference: string;
  /** What the document is ("Letter from a doctor"). */
  documentKind: string;
  /** When the applicant added it, in the organization's time zone. */
  added: string;
  link: string;
}

export const newInformationSubject = (props: NewInformationProps) => `${props.reference}: new information from the applicant`;

/** To the plan's recipients when the applicant adds a document after acceptance: the plan may reconsider and reverse its denial. */
export default function NewInformation({ organizationName, reference, documentKind, added, link }: NewInformationProps) {
  return (
    <EmailLayout preview={`New information on ${reference}`} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        New information from the applicant
      </Heading>
      <Text>Reference number: {reference}</Text>
      <Text>
        The applicant added a document to the case under review on {added}: <strong>{documentKind}</strong>. We forward it to you so you can reconsider your
        denial. You can open it on the case in the portal.
      </Text>
      <Text>If it changes your decision, reverse your denial on the case page: the review then ends and everyone is told.</Text>
      <Button href={link} style={buttonStyle}>
        Open the case
      </Button>
    </EmailLayout>
  );
}
