import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface OfferDeclinedProps {
  organizationName: string;
  /** The case's reference number; never the patient, the condition or the treatment. */
  reference: string;
  /** The reviewer the offer was made to (coordinators only receive this email). */
  reviewerName: string;
  /** Declined by the reviewer, or left unanswered past its time. */
  ending: "declined" | "expired";
  /** What happens next, e.g. "The next suggestion is Dr. … : offer the case from its assignment page." */
  next: string;
  link: string;
}

export const offerDeclinedSubject = (props: OfferDeclinedProps) =>
  `${props.reference}: offer ${props.ending === "declined" ? "declined" : "not answered in time"} — next suggestion ready`;

/** To coordinators: an offer ended without an acceptance and the case needs another reviewer. */
export default function OfferDeclined({ organizationName, reference, reviewerName, ending, next, link }: OfferDeclinedProps) {
  const headline = ending === "declined" ? `${reviewerName} declined the offer` : `${reviewerName} did not answer the offer in time`;
  return (
    <EmailLayout preview={headline} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {headline}
      </Heading>
      <Text>Reference number: {reference}</Text>
      <Text>{next}</Text>
      <Button href={link} style={buttonStyle}>
        Find and offer reviewers
      </Button>
    </EmailLayout>
  );
}
