import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface LayoutProps {
  preview: string;
  organizationName: string;
  children: ReactNode;
}

/**
 * The frame of every email. Emails never carry medical details: they say that
 * something needs attention and link to the portal, where the person signs in.
 */
export function EmailLayout({ preview, organizationName, children }: LayoutProps) {
  const { t, i18n } = useTranslation();
  return (
    <Html lang={i18n.language}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f4f5f7", fontFamily: "Arial, Helvetica, sans-serif", color: "#1b1f24" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "32px", maxWidth: "560px", margin: "24px auto" }}>
          <Text style={{ fontSize: "14px", fontWeight: 700, color: "#1d4e89", margin: 0 }}>{organizationName}</Text>
          <Section>{children}</Section>
          <Hr />
          <Text style={{ fontSize: "12px", color: "#5b6470" }}>
            {t(
              "For your privacy this email contains no medical information. Sign in to the portal to see the details. If you did not expect this message, you can ignore it.",
            )}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const buttonStyle = {
  backgroundColor: "#1d4e89",
  color: "#ffffff",
  padding: "12px 20px",
  borderRadius: "4px",
  textDecoration: "none",
  display: "inline-block",
  fontWeight: 700,
} as const;
