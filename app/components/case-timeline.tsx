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
  deadline_missed: "A deadline was missed",
  classification_corrected: "Dispute type or track corrected",
};

/** What an event is called on the timeline; events named later read from their status or their type. */
export function timelineLabel(type: string, toStatus: CaseStatus | null): string {
  const known = EVENT_LABELS[type];
  if (known) return known;
  if (toStatus) return `Now: ${STATUS_LABELS[toStatus].toLowerCase()}`;
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
          {item.note ? <p className="subnote">“{item.note}”</p> : null}
        </li>
      ))}
    </ol>
  );
}
