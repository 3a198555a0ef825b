import { data } from "react-router";
import type { z } from "zod";
import { echoableValues, formDataToValues, zodFieldErrors, type FieldErrors, type FormFailure } from "~/forms/form-data";

export type ParsedForm<T> = { ok: true; data: T; values: Record<string, unknown> } | { ok: false; failure: FormFailure };

/** Reads the request's form with the same zod schema the browser validated against. */
export async function parseForm<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { arrayFields?: readonly string[] } = {},
): Promise<ParsedForm<z.output<S>>> {
  const values = formDataToValues(await request.formData(), options.arrayFields);
  const result = await schema.safeParseAsync(values);
  if (result.success) return { ok: true, data: result.data, values };
  return { ok: false, failure: { values: echoableValues(values), fieldErrors: zodFieldErrors(result.error) } };
}

/** A 400 (or other 4xx) answer that puts each message next to its field and keeps what was typed. */
export function formFailure(values: Record<string, unknown>, fieldErrors: FieldErrors, formError?: string, status = 400) {
  const failure: FormFailure = { values: echoableValues(values), fieldErrors, formError };
  return data(failure, { status });
}

export function rejectForm(failure: FormFailure) {
  return data(failure, { status: 400 });
}
