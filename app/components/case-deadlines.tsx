import { DEADLINE_LINE_STATE_LABELS, type DeadlineItem, type DeadlineLineState } from "~/domain/next-steps";

// The state is written out in every badge, so the colour is never the only cue.
const BADGES: Record<DeadlineLineState, string> = {
  on_track: "badge",
  at_risk: "badge badge--warn",
  overdue: "badge badge--danger",
  met: "badge badge--ok",
  missed: "badge badge--danger",
  stopped: "badge",
};

/** A deadline's state as a badge, written out in words. */
export function DeadlineStateBadge({ state }: { state: DeadlineLineState }) {
  return <span className={BADGES[state]}>{DEADLINE_LINE_STATE_LABELS[state]}</span>;
}

/** A case's deadlines in plain words (rows from deadlineItems, worked out on the server). */
export function CaseDeadlines({ rows, caption = "Deadlines on this case" }: { rows: readonly DeadlineItem[]; caption?: string }) {
  if (rows.length === 0) return <p>No deadline has started on this case yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Deadline</th>
            <th scope="col">Who acts</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.text}</td>
              <td>{row.responsible}</td>
              <td>
                <DeadlineStateBadge state={row.state} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
