import type { ReactNode } from "react";
import type { ZodForm } from "~/components/forms";

// Any step's form: the field names are checked by the step's schema at runtime.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm = ZodForm<any>;

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

function describedBy(...ids: (string | null | undefined | false)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field-error" id={id}>
      <span className="visually-hidden">Error: </span>
      {error}
    </p>
  );
}

/** One answer among a few, each a large target with its own explanation. */
export function RadioGroup({ zod, name, legend, hint, choices }: { zod: AnyForm; name: string; legend: string; hint?: ReactNode; choices: readonly Choice[] }) {
  const id = `field-${name}`;
  const error = zod.errorFor(name);
  const chosen = zod.valueFor(name);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <fieldset aria-describedby={describedBy(hint ? `${id}-hint` : null, error ? `${id}-error` : null)}>
        <legend>{legend}</legend>
        {hint ? (
          <p className="hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        <FieldError id={`${id}-error`} error={error} />
        {choices.map((choice) => (
          <label className="choice" key={choice.value}>
            <input
              type="radio"
              value={choice.value}
              defaultChecked={chosen === choice.value}
              aria-describedby={choice.hint ? `${id}-${choice.value}-hint` : undefined}
              {...zod.form.register(name)}
            />
            <span>
              {choice.label}
              {choice.hint ? (
                <span className="hint" id={`${id}-${choice.value}-hint`}>
                  {choice.hint}
                </span>
              ) : null}
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}

/** A list to choose from when there are too many answers for radio buttons. */
export function SelectField({ zod, name, label, hint, choices }: { zod: AnyForm; name: string; label: string; hint?: ReactNode; choices: readonly Choice[] }) {
  const id = `field-${name}`;
  const error = zod.errorFor(name);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
      <select
        id={id}
        defaultValue={zod.valueFor(name)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : null, error ? `${id}-error` : null)}
        {...zod.form.register(name)}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A yes/no question as one box to tick. */
export function CheckboxField({ zod, name, label, hint }: { zod: AnyForm; name: string; label: string; hint?: ReactNode }) {
  const id = `field-${name}`;
  const error = zod.errorFor(name);
  const value: unknown = zod.form.getValues(name);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <FieldError id={`${id}-error`} error={error} />
      <label className="choice" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          value="true"
          defaultChecked={value === true || value === "true" || value === "on"}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint ? `${id}-hint` : null, error ? `${id}-error` : null)}
          {...zod.form.register(name)}
        />
        <span>
          {label}
          {hint ? (
            <span className="hint" id={`${id}-hint`}>
              {hint}
            </span>
          ) : null}
        </span>
      </label>
    </div>
  );
}

/** Answers that only matter after another one, set off so it is clear what they belong to. */
export function FollowUp({ children }: { children: ReactNode }) {
  return <div className="follow-up">{children}</div>;
}
