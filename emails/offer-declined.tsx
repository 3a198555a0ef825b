import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface OfferDeclinedProps {
  organizationName: string;
  /** The case's reference number; never the patient, the condition or the treatment. */
  reference: string;
  /** The reviewer the offer was made to (coordinators only receive this email). */
  reviewerName: string;
  /** Declined by the reviewer, left unanswered past its time, or withdrawn because the reviewer no longer qualifies. */
  ending: "declined" | "expired" | "withdrawn";
  /** What happens next, e.g. "The next suggestion is Dr. … : offer the case from its assignment page." */
  next: string;
  link: string;
}

const ENDING_WORDS: Record<OfferDeclinedProps["ending"], string> = {
  declined: "declined",
  expired: "not answered in time",
  withdrawn: "withdrawn, the reviewer no longer qualifies",
};

export const offerDeclinedSubject = (props: OfferDeclinedProps) => `${props.reference}: offer ${ENDING_WORDS[props.ending]} — next step ready`;

/** To coordinators: an offer ended without an acceptance and the case needs another reviewer. */
export default function OfferDeclined({ organizationName, reference, reviewerName, ending, next, link }: OfferDeclinedProps) {
  const headline =
    ending === "declined"
      ? `${reviewerName} declined the offer`
      : ending === "expired"
        ? `${reviewerName} did not answer the offer in time`
        : `The offer to ${reviewerName} was withdrawn: they no longer qualify`;
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
