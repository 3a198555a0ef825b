import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  APPEAL_NOT_NEEDED_LABELS,
  DISPUTE_TYPE_LABELS,
  FILED_BY_LABELS,
  LANGUAGE_LABELS,
  REFERRAL_LABELS,
  RELATIONSHIP_LABELS,
  SEX_LABELS,
  TRACK_LABELS,
  type Language,
} from "~/domain/requests/options";
import type { RequestDraft } from "~/domain/requests/request-draft";
import { stepPath, stepTitle, type EditStep } from "~/domain/requests/steps";
import { translateMessage } from "~/i18n/i18n";
import { useDraftDate } from "./step-frame";

/** What the summary shows for each kind of answer, "Not given" when there is none. */
function answerShapes(t: TFunction, draftDate: (date: string) => string) {
  const notGiven = <span className="muted">{t("Not given")}</span>;
  const label = (value: string | null | undefined): ReactNode => (value ? translateMessage(t, value) : notGiven);
  return {
    notGiven,
    label,
    show: (value: string | null | undefined): ReactNode => (value?.trim() ? value : notGiven),
    showDate: (value: string | null): ReactNode => (value ? draftDate(value) : notGiven),
    showList: (values: readonly string[]): ReactNode => (values.length ? values.join(", ") : notGiven),
    multiline: (value: string | null): ReactNode => (value?.trim() ? <span className="verbatim">{value}</span> : notGiven),
  };
}

/** One part of the request as entered, with the link to change it. */
function Section({ caseId, step, rows }: { caseId: string; step: EditStep; rows: [string, ReactNode][] }) {
  const { t } = useTranslation();
  const title = translateMessage(t, stepTitle(step));
  return (
    <section className="review-section" aria-labelledby={`review-${step}`}>
      <div className="review-section__head">
        <h2 id={`review-${step}`}>{title}</h2>
        <Link to={`${stepPath(caseId, step)}?from=review`}>
          {t("Change")}
          <span className="visually-hidden"> {title.toLowerCase()}</span>
        </Link>
      </div>
      <dl className="summary">
        {rows.map(([term, value]) => (
          <div key={term} className="summary-row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Everything the applicant entered, step by step, as the review page shows it before signing. */
export function ReviewSummary({
  caseId,
  draft,
  planName,
  profileName,
}: {
  caseId: string;
  draft: RequestDraft;
  planName: string | null;
  profileName: string | null;
}) {
  const { t } = useTranslation();
  const draftDate = useDraftDate();
  const { notGiven, label, show, showDate, showList, multiline } = answerShapes(t, draftDate);
  const d = draft;
  const expedited = d.track === "EXPEDITED";
  return (
    <>
      <Section
        caseId={caseId}
        step="filer"
        rows={[
          [t("Who is filing"), label(d.filedBy && FILED_BY_LABELS[d.filedBy])],
          ...(d.filedBy === "REPRESENTATIVE"
            ? ([[t("Relationship to the patient"), label(d.representativeRelationship && RELATIONSHIP_LABELS[d.representativeRelationship].label)]] as [
                string,
                ReactNode,
              ][])
            : []),
          [t("Who told you about independent review"), label(d.referralSource && REFERRAL_LABELS[d.referralSource])],
        ]}
      />
      <Section
        caseId={caseId}
        step="patient"
        rows={[
          [t("Full legal name"), show(d.patientName)],
          [t("Date of birth"), showDate(d.patientBirthDate)],
          [t("Sex"), label(d.patientSex && SEX_LABELS[d.patientSex])],
          [t("Home address"), multiline(d.patientAddress)],
          [t("Phone"), show(d.patientPhone)],
          [t("Email"), show(d.patientEmail)],
          [t("Language of notices and the letter"), label(d.preferredLanguage && (LANGUAGE_LABELS[d.preferredLanguage as Language] ?? d.preferredLanguage))],
          [t("Member ID"), show(d.memberId)],
          [t("Group number"), show(d.groupNumber)],
        ]}
      />
      <Section
        caseId={caseId}
        step="plan"
        rows={[
          [t("Health plan"), show(planName)],
          [t("Rules that apply"), show(profileName)],
        ]}
      />
      <Section
        caseId={caseId}
        step="denial"
        rows={[
          [t("Date of the final denial"), showDate(d.denialDate)],
          ...(d.lateFilingReason ? ([[t("Why it is filed late"), multiline(d.lateFilingReason)]] as [string, ReactNode][]) : []),
          [t("Plan's reference"), show(d.planDenialReference)],
          [t("Treatment denied"), multiline(d.serviceDescription)],
          [t("Date of treatment or request"), showDate(d.serviceDate)],
          [t("Procedure codes"), showList(d.procedureCodes)],
          [t("Diagnosis codes"), showList(d.diagnosisCodes)],
          [t("Provider"), show(d.providerName)],
          [t("Provider's NPI"), show(d.providerNpi)],
          [t("Hospital or clinic"), show(d.providerFacility)],
          [t("Send the decision to the provider"), d.notifyProvider ? t("Yes, to {email}", { email: d.providerEmail ?? "" }) : t("No")],
          [t("The plan's reason"), multiline(d.denialReason)],
          [t("Kind of denial"), label(d.disputeType && DISPUTE_TYPE_LABELS[d.disputeType].label)],
        ]}
      />
      <Section
        caseId={caseId}
        step="appeal"
        rows={[
          [
            t("Internal appeal"),
            d.appealCompletedDate
              ? t("Decided on {date}", { date: draftDate(d.appealCompletedDate) })
              : d.appealNotNeededReason
                ? t("Not needed: {reason}", { reason: translateMessage(t, APPEAL_NOT_NEEDED_LABELS[d.appealNotNeededReason].label).toLowerCase() })
                : notGiven,
          ],
        ]}
      />
      <Section
        caseId={caseId}
        step="urgency"
        rows={[
          [t("Review"), label(d.track && TRACK_LABELS[d.track].label)],
          ...(expedited
            ? ([
                [t("Why it cannot wait"), multiline(d.expeditedReason)],
                [t("Doctor's certification"), d.certificationToFollow ? t("The doctor will send it later") : t("Uploaded with the documents")],
              ] as [string, ReactNode][])
            : []),
        ]}
      />
      <Section caseId={caseId} step="statement" rows={[[t("In your words"), multiline(d.applicantStatement)]]} />
    </>
  );
}
