import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { STATUS_LABELS, type CaseStatus } from "~/domain/case-status";
import { translateMessage, translator } from "~/i18n/i18n";
import { msg } from "~/i18n/msg";

/** One entry of a case's timeline, as the server prepared it for the person looking. */
export interface TimelineItem {
  id: string;
  type: string;
  toStatus: CaseStatus | null;
  /** When, in the organization's time zone. */
  at: string;
  /** ISO 8601, for the <time> element. */
  atIso: string;
  /** Who, in words the viewer may see ("You", "The reviewer", "A coordinator"…): never a reviewer's name for applicants. */
  actor: string;
  note: string | null;
  /** A fact the portal adds to the entry (a due time, which deadline), not anyone's words. */
  detail?: string | null;
}

const EVENT_LABELS: Readonly<Record<string, string>> = {
  submitted: msg("Request filed"),
  eligibility_review_started: msg("Eligibility check started"),
  found_ineligible: msg("Found not eligible for review"),
  accepted: msg("Accepted for review"),
  review_started: msg("Independent review started"),
  determined: msg("Reviewer's determination submitted"),
  sent_back: msg("Determination sent back for changes"),
  decision_issued: msg("Decision issued"),
  closed: msg("Case closed"),
  reversed_by_plan: msg("Health plan reversed its denial"),
  withdrawn: msg("Request withdrawn"),
  information_requested: msg("More information requested"),
  information_provided: msg("Requested information sent"),
  information_forwarded: msg("New information forwarded to the health plan"),
  certification_received: msg("The doctor's certification for the expedited review arrived"),
  deadline_missed: msg("A deadline was missed"),
  classification_corrected: msg("Dispute type or track corrected"),
  coordinator_assigned: msg("Coordinator assigned"),
  eligibility_checked: msg("Eligibility checklist recorded"),
  eligibility_objection: msg("The health plan objected to eligibility"),
  case_file_completed: msg("The health plan's case file completed"),
  proceeded_without_case_file: msg("Review went ahead without the plan's case file"),
  matching_facts_recorded: msg("Parties recorded for the conflict check"),
  specialty_recorded: msg("Specialty needed recorded"),
  possible_conflict_cleared: msg("Possible conflict cleared"),
  reviewer_offered: msg("Case offered to a reviewer"),
  offer_accepted: msg("A reviewer accepted the case"),
  offer_declined: msg("A reviewer declined the case"),
  offer_expired: msg("A reviewer's time to answer passed"),
  reviewer_replaced: msg("Reviewer replaced"),
  reviewer_due_date_set: msg("Reviewer's internal due date set"),
  quality_approved: msg("Determination passed quality review"),
  expedited_decision_notified: msg("Expedited decision notice sent"),
  decision_amended: msg("Decision amended"),
  publication_edited: msg("De-identified decision edited for the public library"),
  decision_published: msg("De-identified decision approved for the public library"),
  compliance_confirmed: msg("The health plan confirmed it complied"),
  offer_withdrawn: msg("Offer withdrawn: the reviewer no longer qualifies"),
  reviewer_flagged_for_replacement: msg("Reviewer to replace: no longer qualifies"),
  case_file_requested: msg("Case file asked of the health plan"),
  compliance_due: msg("Compliance with the decision asked of the health plan"),
};

/**
 * What an event is called on the timeline: what happened, in the past, since
 * every entry is done. Events named later read from their status or their type.
 * In the reader's language when given its `t`.
 */
export function timelineLabel(type: string, toStatus: CaseStatus | null, t: TFunction = translator("en")): string {
  const known = EVENT_LABELS[type];
  if (known) return translateMessage(t, known);
  if (toStatus) return t("Moved to: {status}", { status: translateMessage(t, STATUS_LABELS[toStatus]).toLowerCase() });
  const words = type.replace(/[_.-]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "Update";
}

/** A case's history, oldest first. */
export function CaseTimeline({ items }: { items: readonly TimelineItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{t("Nothing has happened on this case yet.")}</p>;
  return (
    <ol>
      {items.map((item) => (
        <li key={item.id} className="space-below-sm">
          <p className="flush">
            <strong>{timelineLabel(item.type, item.toStatus, t)}</strong>
          </p>
          <p className="muted flush">
            <time dateTime={item.atIso}>{item.at}</time>
            {" · "}
            {item.actor}
          </p>
          {item.detail ? <p className="subnote">{item.detail}</p> : null}
          {item.note ? <p className="subnote">{t("“{note}”", { note: item.note })}</p> : null}
        </li>
      ))}
    </ol>
  );
}
