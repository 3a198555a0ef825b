import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface CaseFileRequestedProps {
  organizationName: string;
  /** The case's reference number; never the patient's name or condition. */
  reference: string;
  /** When the case file is due, in plain words ("Tue 6 Jan 2027, 11:59 PM ET"). */
  due: string;
  /** The checklist of what the file must hold. */
  items: string[];
  link: string;
}

export const caseFileRequestedSubject = (props: CaseFileRequestedProps) => `${props.reference}: your case file is due by ${props.due}`;

export default function CaseFileRequested({ organizationName, reference, due, items, link }: CaseFileRequestedProps) {
  return (
    <EmailLayout preview={`Upload your case file by ${due}`} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        A case was accepted for independent review
      </Heading>
      <Text>Reference number: {reference}</Text>
      <Text>
        A request for independent review of one of your plan's denials was accepted. Upload your case file in the portal by <strong>{due}</strong>. It must
        hold:
      </Text>
      <ul>
        {items.map((item) => (
          <li key={item}>
            <Text style={{ margin: "4px 0" }}>{item}</Text>
          </li>
        ))}
      </ul>
      <Text>If a late file holds up the review, the review organization may go ahead without it.</Text>
      <Button href={link} style={buttonStyle}>
        Open the case
      </Button>
    </EmailLayout>
  );
}
