import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./layout";

export interface PasswordResetProps {
  organizationName: string;
  name: string;
  link: string;
}

export const passwordResetSubject = () => "Reset your password";

export default function PasswordReset({ organizationName, name, link }: PasswordResetProps) {
  return (
    <EmailLayout preview="A link to choose a new password" organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Reset your password
      </Heading>
      <Text>Hello {name},</Text>
      <Text>
        Someone asked to reset the password of your account. If it was you, choose a new password with the button below. The link works once, for one hour. If
        it was not you, ignore this email: your password stays the same.
      </Text>
      <Button href={link} style={buttonStyle}>
        Choose a new password
      </Button>
      <Text style={{ fontSize: "13px" }}>Or paste this address into your browser: {link}</Text>
    </EmailLayout>
  );
}
