import type { ReactNode } from "react";
import { describedByFor, FieldFrame, type ZodForm } from "./forms";

/** A labelled multi-line answer with its hint and its error, announced to screen readers (TextField's twin). */
export function TextAreaField(props: {
  // Any form's fields: the field name is checked by the schema at runtime.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  zod: ZodForm<any>;
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  rows?: number;
  /** Keeps ids apart when one page has several forms with the same field names. */
  idPrefix?: string;
}) {
  const { zod, name, label, hint, required, rows = 8, idPrefix = "field" } = props;
  const id = `${idPrefix}-${name}`;
  const error = zod.errorFor(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByFor(id, hint, error)}
        aria-required={required || undefined}
        defaultValue={zod.valueFor(name)}
        {...zod.form.register(name)}
      />
    </FieldFrame>
  );
}
