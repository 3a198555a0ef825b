import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigation } from "react-router";
import type { ZodForm } from "./use-zod-form";

// Any form's fields: the field names are checked by the form's schema at runtime.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyForm = ZodForm<any>;

/** One entry of a choice list. */
export interface Option {
  value: string;
  label: string;
}

/** One radio button or checkbox, with an explanation of its own when it needs one. */
interface Choice {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

/** A field's id: `idPrefix` keeps ids apart when one page has several forms with the same field names. */
export const fieldId = (name: string, idPrefix = "field") => `${idPrefix}-${name.replace(/\./g, "-")}`;

const fieldClass = (error: string | undefined, className?: string) => ["field", error ? "field--error" : null, className].filter(Boolean).join(" ");

/** The ids a control names in aria-describedby: its hint and its error, when shown. */
export function describedByFor(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function FieldHint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <p className="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

/** A field's message, announced to screen readers as an error. */
function FieldErrorText({ id, error }: { id: string; error: string | undefined }) {
  const { t } = useTranslation();
  return error ? (
    <p className="field-error" id={`${id}-error`}>
      <span className="visually-hidden">{t("Error:")} </span>
      {error}
    </p>
  ) : null;
}

/** The label, hint and error around one control; the control names them with describedByFor. */
export function FieldFrame(props: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error: string | undefined;
  /** For a control whose column heading already says what it is (a table of inputs). */
  labelHidden?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const { id, label, hint, error, labelHidden, className, children } = props;
  return (
    <div className={fieldClass(error, className)}>
      <label htmlFor={id} className={labelHidden ? "visually-hidden" : undefined}>
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldErrorText id={id} error={error} />
      {children}
    </div>
  );
}

/** The legend, hint and error around a group of radio buttons or checkboxes; the fieldset names the hint and error. */
function FieldsetFrame({
  id,
  legend,
  hint,
  error,
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={fieldClass(error)}>
      <fieldset id={id} aria-describedby={describedByFor(id, hint, error)}>
        <legend>{legend}</legend>
        <FieldHint id={id} hint={hint} />
        <FieldErrorText id={id} error={error} />
        {children}
      </fieldset>
    </div>
  );
}

interface FieldProps {
  zod: AnyForm;
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  idPrefix?: string;
}

/** A labelled input with its hint and its error, announced to screen readers. */
export function TextField(
  props: FieldProps & {
    type?: "text" | "email" | "password" | "date" | "search" | "tel";
    autoComplete?: string;
    inputMode?: "numeric";
    /** The value before the browser takes over, when it is not the form's own (a row of a field array). */
    defaultValue?: string;
  },
) {
  const { zod, name, label, hint, required, idPrefix, type = "text", autoComplete, inputMode, defaultValue } = props;
  const id = fieldId(name, idPrefix);
  const error = zod.errorFor(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByFor(id, hint, error)}
        aria-required={required || undefined}
        defaultValue={type === "password" ? undefined : (defaultValue ?? zod.valueFor(name))}
        {...zod.form.register(name)}
      />
    </FieldFrame>
  );
}

/** A labelled multi-line answer with its hint and its error. */
export function TextAreaField(props: FieldProps & { rows?: number }) {
  const { zod, name, label, hint, required, idPrefix, rows = 8 } = props;
  const id = fieldId(name, idPrefix);
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

function Options({ options }: { options: readonly Option[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}

/** Choices grouped under headings (specialties by board, time zones by region). */
export type OptionGroups = readonly { label: string; options: readonly Option[] }[];

/** A select's entries: the empty first choice when there is one, the choices, then the grouped ones. */
export function OptionList({ placeholder, options = [], groups = [] }: { placeholder?: string; options?: readonly Option[]; groups?: OptionGroups }) {
  return (
    <>
      {placeholder === undefined ? null : <option value="">{placeholder}</option>}
      <Options options={options} />
      {groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          <Options options={group.options} />
        </optgroup>
      ))}
    </>
  );
}

/** A list to choose from when there are too many answers for radio buttons; `placeholder` is the empty first choice. */
export function SelectField(
  props: FieldProps & {
    placeholder?: string;
    options?: readonly Option[];
    groups?: OptionGroups;
    disabled?: boolean;
    /** The choice before the browser takes over, when it is not the form's own (a row of a field array). */
    defaultValue?: string;
  },
) {
  const { zod, name, label, hint, required, idPrefix, placeholder, options, groups, disabled, defaultValue } = props;
  const id = fieldId(name, idPrefix);
  const error = zod.errorFor(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByFor(id, hint, error)}
        aria-required={required || undefined}
        disabled={disabled}
        defaultValue={defaultValue ?? zod.valueFor(name)}
        {...zod.form.register(name)}
      >
        <OptionList placeholder={placeholder} options={options} groups={groups} />
      </select>
    </FieldFrame>
  );
}

interface ChoiceGroupProps {
  zod: AnyForm;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  choices: readonly Choice[];
  idPrefix?: string;
  /** Large targets, each with room for its own hint: the applicant's request form. */
  large?: boolean;
}

/** One radio button or checkbox of a group, its label around it. */
function ChoiceInput(props: {
  zod: AnyForm;
  name: string;
  type: "radio" | "checkbox";
  id: string;
  choice: Choice;
  checked: boolean;
  invalid: boolean;
  large?: boolean;
}) {
  const { zod, name, type, id, choice, checked, invalid, large } = props;
  return (
    <label className={large ? "choice" : "checkbox"} htmlFor={id}>
      <input
        id={id}
        type={type}
        value={choice.value}
        disabled={choice.disabled}
        defaultChecked={checked}
        aria-invalid={invalid || undefined}
        aria-describedby={choice.hint ? `${id}-hint` : undefined}
        {...zod.form.register(name)}
      />
      <span>
        {choice.label}
        {choice.hint ? (
          <span className="hint" id={`${id}-hint`}>
            {choice.hint}
          </span>
        ) : null}
      </span>
    </label>
  );
}

/** The fieldset of a group; `isChosen` says which boxes start ticked and `choiceIdPrefix` how the inputs' ids start. */
function ChoiceGroup(
  props: ChoiceGroupProps & {
    type: "radio" | "checkbox";
    id: string;
    choiceIdPrefix: string;
    error: string | undefined;
    isChosen: (choice: Choice) => boolean;
  },
) {
  const { zod, name, legend, hint, choices, large, type, id, choiceIdPrefix, error, isChosen } = props;
  return (
    <FieldsetFrame id={id} legend={legend} hint={hint} error={error}>
      {choices.map((choice) => (
        <ChoiceInput
          key={choice.value}
          zod={zod}
          name={name}
          type={type}
          id={`${choiceIdPrefix}-${choice.value}`}
          choice={choice}
          checked={isChosen(choice)}
          invalid={!!error}
          large={large}
        />
      ))}
    </FieldsetFrame>
  );
}

/** One answer among a few, in a fieldset whose legend is the question. */
export function RadioGroup(props: ChoiceGroupProps) {
  const id = fieldId(props.name, props.idPrefix);
  const chosen = props.zod.valueFor(props.name);
  return (
    <ChoiceGroup {...props} type="radio" id={id} choiceIdPrefix={id} error={props.zod.errorFor(props.name)} isChosen={(choice) => choice.value === chosen} />
  );
}

/** Any number of answers among a few; a disabled choice is never ticked. */
export function CheckboxGroup(props: ChoiceGroupProps & { id?: string; choiceIdPrefix?: string }) {
  const id = props.id ?? fieldId(props.name, props.idPrefix);
  const chosen = props.zod.valuesFor(props.name);
  return (
    <ChoiceGroup
      {...props}
      type="checkbox"
      id={id}
      choiceIdPrefix={props.choiceIdPrefix ?? id}
      error={props.zod.errorFor(props.name)}
      isChosen={(choice) => !choice.disabled && chosen.includes(choice.value)}
    />
  );
}

/** A yes/no question as one box to tick; `value` is what a ticked box sends. */
export function CheckboxField(props: { zod: AnyForm; name: string; label: ReactNode; hint?: ReactNode; value?: string; large?: boolean }) {
  const { zod, name, label, hint, value = "true", large } = props;
  const id = fieldId(name);
  const error = zod.errorFor(name);
  const current: unknown = zod.form.getValues(name);
  return (
    <div className={fieldClass(error)}>
      <FieldErrorText id={id} error={error} />
      <label className={large ? "choice" : "checkbox"} htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          value={value}
          defaultChecked={current === true || current === value || current === "on"}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedByFor(id, hint, error)}
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

export function SubmitButton({ children, submitting }: { children: ReactNode; submitting: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="submit" className="button" disabled={submitting}>
      {submitting ? t("Please wait…") : children}
    </button>
  );
}

/** The form's submit button, busy only while this form (not another on the page) is being sent. */
export function IntentSubmit({ intent, children }: { intent: string; children: ReactNode }) {
  const navigation = useNavigation();
  return <SubmitButton submitting={navigation.state === "submitting" && navigation.formData?.get("intent") === intent}>{children}</SubmitButton>;
}
