/**
 * The one way a route answers. The server wraps every route module's loader,
 * action and middleware (`withAppErrorPages`, on the build itself, so no route can
 * forget): an AppError thrown anywhere in them becomes its status page (404,
 * 403, 409…) rather than a 500. Form posts go through `submitForm` or
 * `submitIntent`: parse with the form's zod schema, run one operation, then
 * redirect; a refusal the person can act on (BAD_REQUEST, CONFLICT) goes
 * back to the form with what was typed. The API answers problem+json
 * instead (`api-request.server.ts`).
 */
import { redirect, type ServerBuild } from "react-router";
import type { z } from "zod";
import { AppError, toResponse } from "./errors.server";
import { formFailure, parseForm, readForm, rejectForm } from "./forms.server";

/** A loader, action or middleware whose AppErrors become their status pages. */
export function answeringAppErrors<Args extends unknown[], Result>(handle: (...args: Args) => Result): (...args: Args) => Promise<Awaited<Result>> {
  return async (...args: Args): Promise<Awaited<Result>> => {
    try {
      return await handle(...args);
    } catch (error) {
      throw error instanceof AppError ? toResponse(error) : error;
    }
  };
}

type RouteModule = ServerBuild["routes"][string] extends infer Route ? (Route extends { module: infer Module } ? Module : never) : never;

const answering = new WeakMap<ServerBuild, ServerBuild>();

/** The server build with every route's loader and action answering AppErrors as status pages. */
export function withAppErrorPages(build: ServerBuild): ServerBuild {
  const known = answering.get(build);
  if (known) return known;
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      if (!route) return [id, route];
      const module: RouteModule = { ...route.module };
      if (module.loader) module.loader = answeringAppErrors(module.loader);
      if (module.action) module.action = answeringAppErrors(module.action);
      if (module.middleware) module.middleware = module.middleware.map((middleware) => answeringAppErrors(middleware));
      return [id, { ...route, module }];
    }),
  );
  const wrapped = { ...build, routes };
  answering.set(build, wrapped);
  return wrapped;
}

export interface RefusalFields {
  /** The form's name for a field the operation names otherwise. */
  rename?: Record<string, string>;
  /** Where a refusal that names no field is shown, when the form has one field; otherwise it is the form's message. */
  fallbackField?: string;
}

/**
 * An operation's refusal the person can act on goes back to the form: next
 * to the field it names, or as the form's message, with what was typed and
 * the status it carries (400, or 409 for a case that moved on). A conflict
 * that names the case's latest version puts it in the form, so sending again
 * is a choice made on the latest case. Anything else is thrown on.
 */
export function refusedForm(values: Record<string, unknown>, error: unknown, fields: RefusalFields = {}) {
  if (!(error instanceof AppError) || (error.code !== "BAD_REQUEST" && error.code !== "CONFLICT")) throw error;
  const named = typeof error.detail?.field === "string" ? (fields.rename?.[error.detail.field] ?? error.detail.field) : fields.fallbackField;
  // A field of this form ("references.0.title" is one of `references`); a field of another form is the form's message.
  const field = named !== undefined && named.split(".")[0]! in values ? named : undefined;
  const latest = typeof error.detail?.latestVersion === "number" ? { version: String(error.detail.latestVersion) } : {};
  return formFailure({ ...values, ...latest }, field ? { [field]: error.message } : {}, field ? undefined : error.message, error.status);
}

/** One form: its schema, the operation it runs (answering where to go next, or what to show), how its refusals map to fields. */
export interface FormSubmission<Shown> {
  (request: Request): Promise<Shown | ReturnType<typeof formFailure>>;
}

export interface FormOptions extends RefusalFields {
  /** Fields that are always lists (a group of checkboxes). */
  arrayFields?: readonly string[];
  /** The form shows one message, not one by each field (a list of checkboxes): the first field's. */
  oneMessage?: boolean;
}

export function formSubmission<S extends z.ZodType, Shown = never>(
  schema: S,
  run: (input: z.output<S>) => Promise<string | Shown>,
  options: FormOptions = {},
): FormSubmission<Exclude<Shown, string>> {
  return async (request) => {
    const parsed = await parseForm(request, schema, { arrayFields: options.arrayFields });
    if (!parsed.ok) {
      const { failure } = parsed;
      return rejectForm(options.oneMessage ? { ...failure, formError: Object.values(failure.fieldErrors)[0] } : failure);
    }
    let outcome: string | Shown;
    try {
      outcome = await run(parsed.data);
    } catch (error) {
      return refusedForm(parsed.values, error, options);
    }
    if (typeof outcome === "string") throw redirect(outcome);
    return outcome as Exclude<Shown, string>;
  };
}

/** Parses the post with `schema`, runs the operation and redirects where it answers; refusals go back to the form. */
export function submitForm<S extends z.ZodType, Shown = never>(
  request: Request,
  schema: S,
  run: (input: z.output<S>) => Promise<string | Shown>,
  options: FormOptions = {},
) {
  return formSubmission(schema, run, options)(request);
}

/** A page with several forms, told apart by their `intent` field: runs the one posted. */
export async function submitIntent<Forms extends Record<string, FormSubmission<unknown>>>(
  request: Request,
  forms: Forms,
): Promise<Awaited<ReturnType<Forms[keyof Forms]>>> {
  const intent = (await readForm(request.clone())).get("intent");
  if (typeof intent !== "string" || !Object.hasOwn(forms, intent)) {
    throw new Response("Choose one of the actions on the page.", { status: 400 });
  }
  return (await forms[intent]!(request)) as Awaited<ReturnType<Forms[keyof Forms]>>;
}
