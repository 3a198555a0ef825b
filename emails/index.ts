import type { TFunction } from "i18next";
import type { ComponentType } from "react";
import CaseAccepted, { caseAcceptedSubject, type CaseAcceptedProps } from "./case-accepted";
import CaseFiled, { caseFiledSubject, type CaseFiledProps } from "./case-filed";
import CaseFileRequested, { caseFileRequestedSubject, type CaseFileRequestedProps } from "./case-file-requested";
import CaseIneligible, { caseIneligibleSubject, type CaseIneligibleProps } from "./case-ineligible";
import CaseUpdate, { caseUpdateSubject, type CaseUpdateProps } from "./case-update";
import DecisionAmended, { decisionAmendedSubject, type DecisionAmendedProps } from "./decision-amended";
import DecisionIssued, { decisionIssuedSubject, type DecisionIssuedProps } from "./decision-issued";
import DeterminationReady, { determinationReadySubject, type DeterminationReadyProps } from "./determination-ready";
import DeterminationReturned, { determinationReturnedSubject, type DeterminationReturnedProps } from "./determination-returned";
import ExpeditedDecision, { expeditedDecisionSubject, type ExpeditedDecisionProps } from "./expedited-decision";
import InformationRequested, { informationRequestedSubject, type InformationRequestedProps } from "./information-requested";
import Invitation, { invitationSubject, type InvitationProps } from "./invitation";
import NewInformation, { newInformationSubject, type NewInformationProps } from "./new-information";
import NewRequest, { newRequestSubject, type NewRequestProps } from "./new-request";
import OfferDeclined, { offerDeclinedSubject, type OfferDeclinedProps } from "./offer-declined";
import PasswordReset, { passwordResetSubject, type PasswordResetProps } from "./password-reset";
import RequestReceived, { requestReceivedSubject, type RequestReceivedProps } from "./request-received";
import ReviewOffer, { reviewOfferSubject, type ReviewOfferProps } from "./review-offer";
import VerifyEmail, { verifyEmailSubject, type VerifyEmailProps } from "./verify-email";

/** Every email the portal sends, by the name the outbox stores. */
export interface EmailTemplateProps {
  "verify-email": VerifyEmailProps;
  invitation: InvitationProps;
  "password-reset": PasswordResetProps;
  "case-update": CaseUpdateProps;
  "request-received": RequestReceivedProps;
  "new-request": NewRequestProps;
  "case-filed": CaseFiledProps;
  "case-accepted": CaseAcceptedProps;
  "case-file-requested": CaseFileRequestedProps;
  "case-ineligible": CaseIneligibleProps;
  "information-requested": InformationRequestedProps;
  "new-information": NewInformationProps;
  "determination-ready": DeterminationReadyProps;
  "determination-returned": DeterminationReturnedProps;
  "decision-issued": DecisionIssuedProps;
  "decision-amended": DecisionAmendedProps;
  "expedited-decision": ExpeditedDecisionProps;
  "review-offer": ReviewOfferProps;
  "offer-declined": OfferDeclinedProps;
}
export type EmailTemplateName = keyof EmailTemplateProps;

interface TemplateEntry<P> {
  component: ComponentType<P>;
  /** Written when the email is queued, in the recipient's language. */
  subject: (props: P, t: TFunction) => string;
}

export const EMAIL_TEMPLATES: { [N in EmailTemplateName]: TemplateEntry<EmailTemplateProps[N]> } = {
  "verify-email": { component: VerifyEmail, subject: verifyEmailSubject },
  invitation: { component: Invitation, subject: invitationSubject },
  "password-reset": { component: PasswordReset, subject: passwordResetSubject },
  "case-update": { component: CaseUpdate, subject: caseUpdateSubject },
  "request-received": { component: RequestReceived, subject: requestReceivedSubject },
  "new-request": { component: NewRequest, subject: newRequestSubject },
  "case-filed": { component: CaseFiled, subject: caseFiledSubject },
  "case-accepted": { component: CaseAccepted, subject: caseAcceptedSubject },
  "case-file-requested": { component: CaseFileRequested, subject: caseFileRequestedSubject },
  "case-ineligible": { component: CaseIneligible, subject: caseIneligibleSubject },
  "information-requested": { component: InformationRequested, subject: informationRequestedSubject },
  "new-information": { component: NewInformation, subject: newInformationSubject },
  "determination-ready": { component: DeterminationReady, subject: determinationReadySubject },
  "determination-returned": { component: DeterminationReturned, subject: determinationReturnedSubject },
  "decision-issued": { component: DecisionIssued, subject: decisionIssuedSubject },
  "decision-amended": { component: DecisionAmended, subject: decisionAmendedSubject },
  "expedited-decision": { component: ExpeditedDecision, subject: expeditedDecisionSubject },
  "review-offer": { component: ReviewOffer, subject: reviewOfferSubject },
  "offer-declined": { component: OfferDeclined, subject: offerDeclinedSubject },
};
