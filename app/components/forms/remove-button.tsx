import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";

/** A one-button form that acts on one row (removes it, revokes it, sends it again); `what` names the row for screen readers. */
export function RemoveButton({ intent, fields, what, label }: { intent: string; fields: Record<string, string>; what: ReactNode; label?: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="button button--secondary">
        {label ?? t("Remove")}
        <span className="visually-hidden"> {what}</span>
      </button>
    </Form>
  );
}
