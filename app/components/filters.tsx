import type { ReactNode } from "react";
import { Form, useLocation } from "react-router";

/**
 * A list page's filters: a GET form. It is keyed by the query, because a
 * field's defaultValue applies only when the field mounts: without the key,
 * "Clear" or the back button would leave the fields showing filters that no
 * longer apply.
 */
export function FilterForm(props: { label: string; children: ReactNode }) {
  const { search } = useLocation();
  return (
    <Form key={search} method="get" className="filters" aria-label={props.label}>
      {props.children}
    </Form>
  );
}

export interface FilterOption {
  value: string;
  label: string;
}

/**
 * One filter of a list page's GET form: a labelled select whose first
 * choice, the empty value, means the list is not narrowed by it.
 */
export function FilterSelect(props: { name: string; label: string; anyLabel: string; value: string | null | undefined; options: readonly FilterOption[] }) {
  const id = `filter-${props.name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} defaultValue={props.value ?? ""}>
        <option value="">{props.anyLabel}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
