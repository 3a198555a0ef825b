import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface ReviewOfferProps {
  organizationName: string;
  /** The case's reference number; never the patient, the condition or the treatment. */
  reference: string;
  expedited: boolean;
  /** When the offer lapses, in plain words ("Tue 6 Jan 2027, 3:00 PM ET"). */
  answerBy: string;
  link: string;
}

export const reviewOfferSubject = (props: ReviewOfferProps) =>
  `${props.reference}: ${props.expedited ? "an expedited case" : "a case"} is offered to you for review`;

/** To a reviewer: a case is offered to them; they answer in the portal, where the attestation comes before any record. */
export default function ReviewOffer({ organizationName, reference, expedited, answerBy, link }: ReviewOfferProps) {
  return (
    <EmailLayout preview={`A case is offered to you: please answer by ${answerBy}`} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        A case is offered to you
      </Heading>
      <Text>Reference number: {reference}</Text>
      <Text>
        {expedited ? "This is an expedited review. " : ""}Please accept or decline by {answerBy}. If you do not answer by then, the offer goes to another
        reviewer.
      </Text>
      <Text>To accept, you sign a no-conflict attestation for this case in the portal. The case's records open only after that.</Text>
      <Button href={link} style={buttonStyle}>
        See the offer
      </Button>
    </EmailLayout>
  );
}
