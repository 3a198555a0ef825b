import { DataTable } from "~/components/data-table";
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
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(row) => row.id}
      empty={<p>No deadline has started on this case yet.</p>}
      columns={[
        { header: "Deadline", cell: (row) => row.text },
        { header: "Who acts", cell: (row) => row.responsible },
        { header: "State", cell: (row) => <DeadlineStateBadge state={row.state} /> },
      ]}
    />
  );
}
