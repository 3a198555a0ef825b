import { data } from "react-router";
import type { z } from "zod";
import { echoableValues, formDataToValues, zodFieldErrors, type FieldErrors, type FormFailure } from "~/forms/form-data";
import { AppError } from "./errors.server";

export type ParsedForm<T> = { ok: true; data: T; values: Record<string, unknown> } | { ok: false; failure: FormFailure };

/**
 * The request's form. A body that is not one (JSON, plain text, no
 * Content-Type, a broken multipart) is a 400, not the parser's TypeError.
 */
export async function readForm(body: Pick<Request, "formData">): Promise<FormData> {
  try {
    return await body.formData();
  } catch {
    throw new AppError("BAD_REQUEST", "This form could not be read. Reload the page and send it again.");
  }
}

/** `form`'s text fields, without its files. */
export function textFields(form: FormData): FormData {
  const fields = new FormData();
  for (const [name, value] of form.entries()) if (typeof value === "string") fields.append(name, value);
  return fields;
}

/**
 * The request again, with `fields` for its body: the form was read once to
 * take its file, and the answers are parsed from this copy without holding
 * the file's bytes twice.
 */
export function requestWithFields(request: Request, fields: FormData): Request {
  return new Request(request.url, { method: request.method, body: fields });
}

const NUL = "\u0000";
const NUL_MESSAGE = "Remove the invisible NUL character from this answer.";

/** The fields whose text holds a NUL character, which PostgreSQL cannot store: a message by each. */
export function nulFieldErrors(form: FormData): FieldErrors {
  const errors: FieldErrors = {};
  for (const [name, value] of form.entries()) {
    if (name.includes(NUL) || (typeof value === "string" && value.includes(NUL))) errors[name.replaceAll(NUL, "")] = NUL_MESSAGE;
  }
  return errors;
}

/** Reads the request's form with the same zod schema the browser validated against. */
export async function parseForm<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { arrayFields?: readonly string[] } = {},
): Promise<ParsedForm<z.output<S>>> {
  const form = await readForm(request);
  const values = formDataToValues(form, options.arrayFields);
  const unstorable = nulFieldErrors(form);
  if (Object.keys(unstorable).length > 0) return { ok: false, failure: { values: echoableValues(withoutNul(values)), fieldErrors: unstorable } };
  const result = await schema.safeParseAsync(values);
  if (result.success) return { ok: true, data: result.data, values };
  return { ok: false, failure: { values: echoableValues(values), fieldErrors: zodFieldErrors(result.error) } };
}

/** What was typed, without its NUL characters, to show back in the form. */
function withoutNul(values: Record<string, unknown>): Record<string, unknown> {
  const strip = (value: unknown) => (typeof value === "string" ? value.replaceAll(NUL, "") : value);
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name.replaceAll(NUL, ""), Array.isArray(value) ? value.map(strip) : strip(value)]));
}

/** A 400 (or other 4xx) answer that puts each message next to its field and keeps what was typed. */
export function formFailure(values: Record<string, unknown>, fieldErrors: FieldErrors, formError?: string, status = 400) {
  const failure: FormFailure = { values: echoableValues(values), fieldErrors, formError };
  return data(failure, { status });
}

export function rejectForm(failure: FormFailure) {
  return data(failure, { status: 400 });
}
