import { Button, Heading, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { EmailLayout, buttonStyle } from "./layout";

export interface PasswordResetProps {
  organizationName: string;
  name: string;
  link: string;
}

export const passwordResetSubject = (_props: PasswordResetProps, t: TFunction) => t("Reset your password");

export default function PasswordReset({ organizationName, name, link }: PasswordResetProps) {
  const { t } = useTranslation();
  return (
    <EmailLayout preview={t("A link to choose a new password")} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {t("Reset your password")}
      </Heading>
      <Text>{t("Hello {name},", { name })}</Text>
      <Text>
        {t(
          "Someone asked to reset the password of your account. If it was you, choose a new password with the button below. The link works once, for one hour. If it was not you, ignore this email: your password stays the same.",
        )}
      </Text>
      <Button href={link} style={buttonStyle}>
        {t("Choose a new password")}
      </Button>
      <Text style={{ fontSize: "13px" }}>{t("Or paste this address into your browser: {link}", { link })}</Text>
    </EmailLayout>
  );
}
