import { Button, Heading, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { EmailLayout, buttonStyle } from "./layout";

export interface VerifyEmailProps {
  organizationName: string;
  name: string;
  link: string;
}

export const verifyEmailSubject = (_props: VerifyEmailProps, t: TFunction) => t("Confirm your email address");

export default function VerifyEmail({ organizationName, name, link }: VerifyEmailProps) {
  const { t } = useTranslation();
  return (
    <EmailLayout preview={t("Confirm your email to finish creating your account")} organizationName={organizationName}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {t("Confirm your email address")}
      </Heading>
      <Text>{t("Hello {name},", { name })}</Text>
      <Text>
        {t("You created an account to request an independent medical review. Confirm that this is your email address to finish. The link works for 24 hours.")}
      </Text>
      <Button href={link} style={buttonStyle}>
        {t("Confirm my email")}
      </Button>
      <Text style={{ fontSize: "13px" }}>{t("Or paste this address into your browser: {link}", { link })}</Text>
    </EmailLayout>
  );
}
