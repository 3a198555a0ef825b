import { Link } from "react-router";

interface DueReviewer {
  id: string;
  name: string;
  /** What is due, in words ("Credentials to re-verify by …", "Credentials never verified"). */
  due: string;
  overdue: boolean;
}

/** The coordinators' reminder of reviewers whose credentials need verifying within 30 days. */
export function ReverificationPanel({ reviewers, total }: { reviewers: readonly DueReviewer[]; total: number }) {
  return (
    <section className="card space-below-lg" aria-labelledby="reverification">
      <h2 id="reverification">Reviewer credentials due for re-verification within 30 days</h2>
      {reviewers.length ? (
        <>
          <ul>
            {reviewers.map((reviewer) => (
              <li key={reviewer.id}>
                <Link to={`/iro/roster/${reviewer.id}`}>{reviewer.name}</Link>: {reviewer.overdue ? <strong>{reviewer.due}</strong> : reviewer.due}
              </li>
            ))}
          </ul>
          <Link to="/iro/roster?flag=reverification">{total > reviewers.length ? `See all ${total} on the roster` : "See them on the roster"}</Link>
        </>
      ) : (
        <p className="flush">None: every reviewer's verification is good for more than 30 days.</p>
      )}
    </section>
  );
}
