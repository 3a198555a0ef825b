import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Form, Link, useLocation } from "react-router";
import { describedByFor, FieldFrame, OptionList, type Option, type OptionGroups } from "./fields";

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

/**
 * The list without its filters: the page's own address. (A link to "." from
 * an area's home page, an index route, would keep React Router's `?index`.)
 */
export function ClearFilters() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return <Link to={pathname}>{t("Clear")}</Link>;
}

/**
 * One filter of a list page's GET form: a labelled select whose first
 * choice, the empty value, means the list is not narrowed by it.
 */
export function FilterSelect(props: {
  name: string;
  label: string;
  anyLabel: string;
  value: string | null | undefined;
  options?: readonly Option[];
  groups?: OptionGroups;
}) {
  const id = `filter-${props.name}`;
  return (
    <FieldFrame id={id} label={props.label} error={undefined}>
      <select id={id} name={props.name} defaultValue={props.value ?? ""}>
        <OptionList placeholder={props.anyLabel} options={props.options} groups={props.groups} />
      </select>
    </FieldFrame>
  );
}

/** A typed filter or range end of a GET form, with the server's message when it is not usable. */
export function FilterInput(props: {
  name: string;
  label: string;
  type?: "text" | "search" | "date";
  value: string | null | undefined;
  error?: string;
  /** Ids start with it: "filter" for a list's filters, "range" for a report's dates. */
  idPrefix?: string;
}) {
  const { name, label, type = "text", value, error, idPrefix = "filter" } = props;
  const id = `${idPrefix}-${name}`;
  return (
    <FieldFrame id={id} label={label} error={error}>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByFor(id, undefined, error)}
      />
    </FieldFrame>
  );
}
