import type { CaseFileItemState } from "~/domain/plan-case-file";

const ITEM_STATES: Record<CaseFileItemState, { label: string; className: string }> = {
  received: { label: "Received", className: "badge badge--ok" },
  not_applicable: { label: "The plan has none", className: "badge" },
  missing: { label: "Missing", className: "badge badge--warn" },
};

/** The plan case file's checklist: each required item, and whether it came. */
export function CaseFileChecklist({ items }: { items: readonly { key: string; label: string; state: CaseFileItemState; documents: number }[] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>What the plan's case file must hold</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">State</th>
            <th scope="col">Documents</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.key}>
              <td>{item.label}</td>
              <td>
                <span className={ITEM_STATES[item.state].className}>{ITEM_STATES[item.state].label}</span>
              </td>
              <td>{item.documents}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
