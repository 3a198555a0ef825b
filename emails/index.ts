import type { ComponentType } from "react";
import CaseUpdate, { caseUpdateSubject, type CaseUpdateProps } from "./case-update";
import Invitation, { invitationSubject, type InvitationProps } from "./invitation";
import PasswordReset, { passwordResetSubject, type PasswordResetProps } from "./password-reset";
import VerifyEmail, { verifyEmailSubject, type VerifyEmailProps } from "./verify-email";

/** Every email the portal sends, by the name the outbox stores. */
export interface EmailTemplateProps {
  "verify-email": VerifyEmailProps;
  invitation: InvitationProps;
  "password-reset": PasswordResetProps;
  "case-update": CaseUpdateProps;
}
export type EmailTemplateName = keyof EmailTemplateProps;

interface TemplateEntry<P> {
  component: ComponentType<P>;
  subject: (props: P) => string;
}

export const EMAIL_TEMPLATES: { [N in EmailTemplateName]: TemplateEntry<EmailTemplateProps[N]> } = {
  "verify-email": { component: VerifyEmail, subject: verifyEmailSubject },
  invitation: { component: Invitation, subject: invitationSubject },
  "password-reset": { component: PasswordReset, subject: passwordResetSubject },
  "case-update": { component: CaseUpdate, subject: caseUpdateSubject },
};
