import type { ReactNode } from "react";
import { useNavigation } from "react-router";
import { describedByFor, FieldFrame, SubmitButton, type ZodForm } from "~/components/forms";

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled choice list with its hint and its error (TextField's twin); `groups` become optgroups. */
export function SelectField(props: {
  // Any form's fields: the field name is checked by the schema at runtime.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  zod: ZodForm<any>;
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  placeholder: string;
  options?: readonly SelectOption[];
  groups?: readonly { label: string; options: readonly SelectOption[] }[];
}) {
  const { zod, name, label, hint, required, placeholder, options = [], groups = [] } = props;
  const id = `field-${name}`;
  const error = zod.errorFor(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByFor(id, hint, error)}
        aria-required={required || undefined}
        defaultValue={zod.valueFor(name)}
        {...zod.form.register(name)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldFrame>
  );
}

/** The form's submit button, busy only while this form (not another on the page) is being sent. */
export function IntentSubmit({ intent, children }: { intent: string; children: ReactNode }) {
  const navigation = useNavigation();
  return <SubmitButton submitting={navigation.state === "submitting" && navigation.formData?.get("intent") === intent}>{children}</SubmitButton>;
}
