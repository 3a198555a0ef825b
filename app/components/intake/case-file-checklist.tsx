import { DataTable } from "~/components/data-table";
import type { CaseFileItemState } from "~/domain/plan-case-file";

const ITEM_STATES: Record<CaseFileItemState, { label: string; className: string }> = {
  received: { label: "Received", className: "badge badge--ok" },
  not_applicable: { label: "The plan has none", className: "badge" },
  missing: { label: "Missing", className: "badge badge--warn" },
};

/** The plan case file's checklist: each required item, and whether it came. */
export function CaseFileChecklist({ items }: { items: readonly { key: string; label: string; state: CaseFileItemState; documents: number }[] }) {
  return (
    <DataTable
      caption="What the plan's case file must hold"
      rows={items}
      rowKey={(item) => item.key}
      columns={[
        { header: "Item", cell: (item) => item.label },
        { header: "State", cell: (item) => <span className={ITEM_STATES[item.state].className}>{ITEM_STATES[item.state].label}</span> },
        { header: "Documents", cell: (item) => item.documents },
      ]}
    />
  );
}
