import { STATUS_LABELS, type CaseStatus } from "~/domain/case-status";

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
  submitted: "Request filed",
  eligibility_review_started: "Eligibility check started",
  found_ineligible: "Found not eligible for review",
  accepted: "Accepted for review",
  review_started: "Independent review started",
  determined: "Reviewer's determination submitted",
  sent_back: "Determination sent back for changes",
  decision_issued: "Decision issued",
  closed: "Case closed",
  reversed_by_plan: "Health plan reversed its denial",
  withdrawn: "Request withdrawn",
  information_requested: "More information requested",
  information_provided: "Requested information sent",
  information_forwarded: "New information forwarded to the health plan",
  certification_received: "The doctor's certification for the expedited review arrived",
  deadline_missed: "A deadline was missed",
  classification_corrected: "Dispute type or track corrected",
  coordinator_assigned: "Coordinator assigned",
  eligibility_checked: "Eligibility checklist recorded",
  eligibility_objection: "The health plan objected to eligibility",
  case_file_completed: "The health plan's case file completed",
  proceeded_without_case_file: "Review went ahead without the plan's case file",
  matching_facts_recorded: "Parties recorded for the conflict check",
  specialty_recorded: "Specialty needed recorded",
  possible_conflict_cleared: "Possible conflict cleared",
  reviewer_offered: "Case offered to a reviewer",
  offer_accepted: "A reviewer accepted the case",
  offer_declined: "A reviewer declined the case",
  offer_expired: "A reviewer's time to answer passed",
  reviewer_replaced: "Reviewer replaced",
  reviewer_due_date_set: "Reviewer's internal due date set",
  quality_approved: "Determination passed quality review",
  expedited_decision_notified: "Expedited decision notice sent",
  decision_amended: "Decision amended",
  compliance_confirmed: "The health plan confirmed it complied",
  offer_withdrawn: "Offer withdrawn: the reviewer no longer qualifies",
  reviewer_flagged_for_replacement: "Reviewer to replace: no longer qualifies",
  case_file_requested: "Case file asked of the health plan",
  compliance_due: "Compliance with the decision asked of the health plan",
};

/**
 * What an event is called on the timeline: what happened, in the past, since
 * every entry is done. Events named later read from their status or their type.
 */
export function timelineLabel(type: string, toStatus: CaseStatus | null): string {
  const known = EVENT_LABELS[type];
  if (known) return known;
  if (toStatus) return `Moved to: ${STATUS_LABELS[toStatus].toLowerCase()}`;
  const words = type.replace(/[_.-]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "Update";
}

/** A case's history, oldest first. */
export function CaseTimeline({ items }: { items: readonly TimelineItem[] }) {
  if (items.length === 0) return <p>Nothing has happened on this case yet.</p>;
  return (
    <ol>
      {items.map((item) => (
        <li key={item.id} className="space-below-sm">
          <p className="flush">
            <strong>{timelineLabel(item.type, item.toStatus)}</strong>
          </p>
          <p className="muted flush">
            <time dateTime={item.atIso}>{item.at}</time> · {item.actor}
          </p>
          {item.detail ? <p className="subnote">{item.detail}</p> : null}
          {item.note ? <p className="subnote">“{item.note}”</p> : null}
        </li>
      ))}
    </ol>
  );
}
