import type { ZodError } from "zod";

/** Errors by field name ("address.city" for nested fields), one message each. */
export type FieldErrors = Record<string, string>;

/** What an action answers when a form does not validate: shown next to each field, with what was typed. */
export interface FormFailure {
  values: Record<string, unknown>;
  fieldErrors: FieldErrors;
  /** A message about the whole form (for example "Email or password is incorrect"). */
  formError?: string;
}

/** A browser form's fields as a plain object; `arrayFields` always become arrays (checkbox groups). */
export function formDataToValues(formData: FormData, arrayFields: readonly string[] = []): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of arrayFields) values[field] = [];
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (arrayFields.includes(key)) (values[key] as string[]).push(value);
    else values[key] = value;
  }
  return values;
}

export function zodFieldErrors(error: ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Values safe to send back into the page: secrets are never echoed. */
export function echoableValues(values: Record<string, unknown>): Record<string, unknown> {
  const safe: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (/password|token/i.test(key)) continue;
    safe[key] = capped(value);
  }
  return safe;
}

/** The longest text any field takes (a determination's rationale); an echo is never longer, so a refused form never grows into a larger answer. */
export const ECHO_MAX_CHARS = 100_000;
const ECHO_MAX_ITEMS = 200;

function capped(value: unknown): unknown {
  if (typeof value === "string") return value.slice(0, ECHO_MAX_CHARS);
  if (Array.isArray(value)) return value.slice(0, ECHO_MAX_ITEMS).map(capped);
  return value;
}
