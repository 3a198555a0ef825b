import { Link } from "react-router";
import { DEADLINE_LINE_STATE_LABELS } from "~/domain/next-steps";
import type { ActiveReview } from "~/server/determinations/active-reviews.server";

const PROGRESS_LABELS: Record<ActiveReview["progress"], string> = {
  not_started: "Not started",
  draft: "Draft saved",
  submitted: "Submitted",
  returned: "Sent back to you with comments",
};

const DEADLINE_BADGES: Record<string, string> = { at_risk: "badge badge--warn", overdue: "badge badge--danger" };

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
                    {DEADLINE_BADGES[review.deadline.state] ? (
                      <>
                        {" "}
                        <span className={DEADLINE_BADGES[review.deadline.state]}>{DEADLINE_LINE_STATE_LABELS[review.deadline.state]}</span>
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
