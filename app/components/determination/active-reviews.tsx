import { Link } from "react-router";
import { DeadlineStateBadge } from "~/components/case-deadlines";
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
  if (!reviews.length) {
    return (
      <div className="empty-state">
        <p style={{ margin: 0 }}>You are not reviewing any case at the moment.</p>
      </div>
    );
  }
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Cases you are reviewing, the most urgent first</caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Track</th>
            <th scope="col">Your determination</th>
            <th scope="col">Decision deadline</th>
          </tr>
        </thead>
        <tbody>
          {reviews.map((review) => (
            <tr key={review.caseId}>
              <td>
                <Link to={`/review/cases/${review.caseId}`}>{review.reference}</Link>
              </td>
              <td>{review.track === "EXPEDITED" ? "Expedited" : "Standard"}</td>
              <td>{PROGRESS_LABELS[review.progress]}</td>
              <td>
                {review.deadline ? (
                  <>
                    {review.deadline.text}
                    {ATTENTION_STATES.has(review.deadline.state) ? (
                      <>
                        {" "}
                        <DeadlineStateBadge state={review.deadline.state} />
                      </>
                    ) : null}
                  </>
                ) : (
                  "No deadline running"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
