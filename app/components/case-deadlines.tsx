import { DataTable } from "~/components/data-table";
import type { IconName } from "~/components/icon";
import { Instant } from "~/components/instant";
import { Badge, type BadgeTone } from "~/components/status-badge";
import { DEADLINE_LINE_STATE_LABELS, type DeadlineItem, type DeadlineLineState, type DeadlinePart } from "~/domain/next-steps";

const BADGES: Record<DeadlineLineState, { tone: BadgeTone; icon: IconName }> = {
  on_track: { tone: "info", icon: "clock" },
  at_risk: { tone: "warn", icon: "alert" },
  overdue: { tone: "danger", icon: "alert" },
  met: { tone: "ok", icon: "check" },
  missed: { tone: "danger", icon: "cross" },
  stopped: { tone: "neutral", icon: "dash" },
};

/** A deadline's state as a badge, written out in words. */
export function DeadlineStateBadge({ state }: { state: DeadlineLineState }) {
  return <Badge {...BADGES[state]}>{DEADLINE_LINE_STATE_LABELS[state]}</Badge>;
}

/** A deadline's line in a table cell: its words, with its instants short (in full in their titles). */
export function DeadlineText({ parts }: { parts: readonly DeadlinePart[] }) {
  return parts.map((part, index) => (typeof part === "string" ? part : <Instant key={index} at={part.at} style="table" />));
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
        { header: "Deadline", cell: (row) => <DeadlineText parts={row.parts} /> },
        { header: "Who acts", cell: (row) => row.responsible },
        { header: "State", cell: (row) => <DeadlineStateBadge state={row.state} /> },
      ]}
    />
  );
}
