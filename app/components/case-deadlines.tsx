import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import type { IconName } from "~/components/icon";
import { Instant } from "~/components/instant";
import { Badge, type BadgeTone } from "~/components/status-badge";
import { translateMessage } from "~/i18n/i18n";
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
  const { t } = useTranslation();
  return <Badge {...BADGES[state]}>{translateMessage(t, DEADLINE_LINE_STATE_LABELS[state])}</Badge>;
}

/** A deadline's line in a table cell: its words, with its instants short (in full in their titles). */
export function DeadlineText({ parts }: { parts: readonly DeadlinePart[] }) {
  return parts.map((part, index) => (typeof part === "string" ? part : <Instant key={index} at={part.at} style="table" />));
}

/** A case's deadlines in plain words (rows from deadlineItems, worked out on the server). */
export function CaseDeadlines({ rows, caption }: { rows: readonly DeadlineItem[]; caption?: string }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={caption ?? t("Deadlines on this case")}
      rows={rows}
      rowKey={(row) => row.id}
      empty={<p>{t("No deadline has started on this case yet.")}</p>}
      columns={[
        { header: t("Deadline"), cell: (row) => <DeadlineText parts={row.parts} /> },
        { header: t("Who acts"), cell: (row) => row.responsible },
        { header: t("State"), cell: (row) => <DeadlineStateBadge state={row.state} /> },
      ]}
    />
  );
}
