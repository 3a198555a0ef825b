import type { ReactNode } from "react";
import type { ZodForm } from "./forms";

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
}) {
  const { zod, name, label, hint, required, rows = 8 } = props;
  const id = `field-${name}`;
  const error = zod.errorFor(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        defaultValue={zod.valueFor(name)}
        {...zod.form.register(name)}
      />
    </div>
  );
}
