import { Link } from "react-router";
import { DeadlineStateBadge, DeadlineText } from "~/components/case-deadlines";
import { DataTable } from "~/components/data-table";
import type { DeadlineLineState } from "~/domain/next-steps";
import type { ActiveReview } from "~/server/determinations/active-reviews.server";

const PROGRESS_LABELS: Record<ActiveReview["progress"], string> = {
  not_started: "Not started",
  draft: "Draft saved",
  submitted: "Submitted",
  returned: "Sent back to you with comments",
};

/** Only the states that call for the reviewer's attention get a badge here. */
const ATTENTION_STATES: ReadonlySet<DeadlineLineState> = new Set(["at_risk", "overdue"]);

/** The reviewer's cases in review, each with its decision deadline in words. */
export function ActiveReviews({ reviews }: { reviews: readonly ActiveReview[] }) {
  return (
    <DataTable
      caption="Cases you are reviewing, the most urgent first"
      captionHidden
      rows={reviews}
      rowKey={(review) => review.caseId}
      empty={<p className="empty-state">You are not reviewing any case at the moment.</p>}
      columns={[
        { header: "Case", cell: (review) => <Link to={`/review/cases/${review.caseId}`}>{review.reference}</Link> },
        { header: "Track", cell: (review) => (review.track === "EXPEDITED" ? "Expedited" : "Standard") },
        { header: "Your determination", cell: (review) => PROGRESS_LABELS[review.progress] },
        { header: "Internal due date", cell: (review) => review.internalDue ?? "None set" },
        {
          header: "Decision deadline",
          cell: (review) =>
            review.deadline ? (
              <>
                <DeadlineText parts={review.deadline.parts} />
                {ATTENTION_STATES.has(review.deadline.state) ? (
                  <>
                    {" "}
                    <DeadlineStateBadge state={review.deadline.state} />
                  </>
                ) : null}
              </>
            ) : (
              "No deadline running"
            ),
        },
      ]}
    />
  );
}
