import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface VerifyEmailProps {
  organizationName: string;
  name: string;
  link: string;
}

export const verifyEmailSubject = () => "Confirm your email address";

export default function VerifyEmail({ organizationName, name, link }: VerifyEmailProps) {
  return (
    <EmailLayout preview="Confirm your email to finish creating your account" organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Confirm your email address
      </Heading>
      <Text>Hello {name},</Text>
      <Text>
        You created an account to request an independent medical review. Confirm that this is your email address to finish. The link works for 24 hours.
      </Text>
      <Button href={link} style={buttonStyle}>
        Confirm my email
      </Button>
      <Text style={{ fontSize: "13px" }}>Or paste this address into your browser: {link}</Text>
    </EmailLayout>
  );
}
