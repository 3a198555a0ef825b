import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface InvitationProps {
  organizationName: string;
  name: string;
  roleNames: string;
  link: string;
}

export const invitationSubject = (props: InvitationProps) => `You are invited to the ${props.organizationName} portal`;

export default function Invitation({ organizationName, name, roleNames, link }: InvitationProps) {
  return (
    <EmailLayout preview="Set your password to start using the portal" organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        You have been given access
      </Heading>
      <Text>Hello {name},</Text>
      <Text>
        An administrator created your account on the independent medical review portal as: {roleNames}. Choose your password to start. The link works once, for
        7 days.
      </Text>
      <Button href={link} style={buttonStyle}>
        Set my password
      </Button>
      <Text style={{ fontSize: "13px" }}>Or paste this address into your browser: {link}</Text>
    </EmailLayout>
  );
}
