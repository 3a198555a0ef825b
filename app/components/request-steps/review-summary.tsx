import type { ReactNode } from "react";
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
import { formatLocalDate } from "~/domain/rule-profiles";

const NOT_GIVEN = <span className="muted">Not given</span>;

const show = (value: string | null | undefined): ReactNode => (value?.trim() ? value : NOT_GIVEN);
const showDate = (value: string | null): ReactNode => (value ? formatLocalDate(value) : NOT_GIVEN);
const showList = (values: readonly string[]): ReactNode => (values.length ? values.join(", ") : NOT_GIVEN);
const multiline = (value: string | null): ReactNode => (value?.trim() ? <span className="verbatim">{value}</span> : NOT_GIVEN);

/** One part of the request as entered, with the link to change it. */
function Section({ caseId, step, rows }: { caseId: string; step: EditStep; rows: [string, ReactNode][] }) {
  const title = stepTitle(step);
  return (
    <section className="review-section" aria-labelledby={`review-${step}`}>
      <div className="review-section__head">
        <h2 id={`review-${step}`}>{title}</h2>
        <Link to={`${stepPath(caseId, step)}?from=review`}>
          Change<span className="visually-hidden"> {title.toLowerCase()}</span>
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
  const d = draft;
  const expedited = d.track === "EXPEDITED";
  return (
    <>
      <Section
        caseId={caseId}
        step="filer"
        rows={[
          ["Who is filing", d.filedBy ? FILED_BY_LABELS[d.filedBy] : NOT_GIVEN],
          ...(d.filedBy === "REPRESENTATIVE"
            ? ([["Relationship to the patient", d.representativeRelationship ? RELATIONSHIP_LABELS[d.representativeRelationship].label : NOT_GIVEN]] as [
                string,
                ReactNode,
              ][])
            : []),
          ["Who told you about independent review", d.referralSource ? REFERRAL_LABELS[d.referralSource] : NOT_GIVEN],
        ]}
      />
      <Section
        caseId={caseId}
        step="patient"
        rows={[
          ["Full legal name", show(d.patientName)],
          ["Date of birth", showDate(d.patientBirthDate)],
          ["Sex", d.patientSex ? SEX_LABELS[d.patientSex] : NOT_GIVEN],
          ["Home address", multiline(d.patientAddress)],
          ["Phone", show(d.patientPhone)],
          ["Email", show(d.patientEmail)],
          ["Preferred language", d.preferredLanguage ? (LANGUAGE_LABELS[d.preferredLanguage as Language] ?? d.preferredLanguage) : NOT_GIVEN],
          ["Member ID", show(d.memberId)],
          ["Group number", show(d.groupNumber)],
        ]}
      />
      <Section
        caseId={caseId}
        step="plan"
        rows={[
          ["Health plan", show(planName)],
          ["Rules that apply", show(profileName)],
        ]}
      />
      <Section
        caseId={caseId}
        step="denial"
        rows={[
          ["Date of the final denial", showDate(d.denialDate)],
          ...(d.lateFilingReason ? ([["Why it is filed late", multiline(d.lateFilingReason)]] as [string, ReactNode][]) : []),
          ["Plan's reference", show(d.planDenialReference)],
          ["Treatment denied", multiline(d.serviceDescription)],
          ["Date of treatment or request", showDate(d.serviceDate)],
          ["Procedure codes", showList(d.procedureCodes)],
          ["Diagnosis codes", showList(d.diagnosisCodes)],
          ["Provider", show(d.providerName)],
          ["Provider's NPI", show(d.providerNpi)],
          ["Hospital or clinic", show(d.providerFacility)],
          ["Send the decision to the provider", d.notifyProvider ? `Yes, to ${d.providerEmail ?? ""}` : "No"],
          ["The plan's reason", multiline(d.denialReason)],
          ["Kind of denial", d.disputeType ? DISPUTE_TYPE_LABELS[d.disputeType].label : NOT_GIVEN],
        ]}
      />
      <Section
        caseId={caseId}
        step="appeal"
        rows={[
          [
            "Internal appeal",
            d.appealCompletedDate
              ? `Decided on ${formatLocalDate(d.appealCompletedDate)}`
              : d.appealNotNeededReason
                ? `Not needed: ${APPEAL_NOT_NEEDED_LABELS[d.appealNotNeededReason].label.toLowerCase()}`
                : NOT_GIVEN,
          ],
        ]}
      />
      <Section
        caseId={caseId}
        step="urgency"
        rows={[
          ["Review", d.track ? TRACK_LABELS[d.track].label : NOT_GIVEN],
          ...(expedited
            ? ([
                ["Why it cannot wait", multiline(d.expeditedReason)],
                ["Doctor's certification", d.certificationToFollow ? "The doctor will send it later" : "Uploaded with the documents"],
              ] as [string, ReactNode][])
            : []),
        ]}
      />
      <Section caseId={caseId} step="statement" rows={[["In your words", multiline(d.applicantStatement)]]} />
    </>
  );
}
