import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FieldValues } from "react-hook-form";
import { Form, useLocation, type ShouldRevalidateFunctionArgs } from "react-router";
import type { z } from "zod";
import { FormError } from "./error-summary";
import type { AnyForm } from "./fields";
import { Notice } from "./notices";
import { useZodForm, type ZodForm } from "./use-zod-form";
import { translateMessage } from "~/i18n/i18n";
import { CONFLICT_MESSAGE } from "~/schemas/intake";

/**
 * The form's hidden intent and case version. The version is the one on the
 * page now, so after a conflict the kept input can be sent again against
 * the latest case.
 */
export function CaseFormFields({ intent, version }: { intent?: string; version: number }) {
  return (
    <>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <input type="hidden" name="version" value={version} />
    </>
  );
}

/** A form on a case page: its refusal at the top, its hidden intent and case version, then what the caller puts in it. */
export function CaseForm(props: { zod: AnyForm; intent: string; version: number; "aria-labelledby"?: string; children: ReactNode }) {
  return (
    <Form method="post" noValidate onSubmit={props.zod.onSubmit} aria-labelledby={props["aria-labelledby"]}>
      <FormError message={props.zod.formError} />
      <CaseFormFields intent={props.intent} version={props.version} />
      {props.children}
    </Form>
  );
}

/** The answer an action gave when someone else changed the case first. */
export function isConflict(actionData: unknown): boolean {
  return (actionData as { formError?: unknown } | undefined)?.formError === CONFLICT_MESSAGE;
}

/**
 * Said at the top of the page, since the form that was sent may no longer be
 * offered on the latest case. The page already shows the latest (see
 * revalidateAfterConflict); reloading also clears what was typed.
 */
export function ConflictAlert({ actionData }: { actionData: unknown }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (!isConflict(actionData)) return null;
  return (
    <Notice tone="error">
      {translateMessage(t, CONFLICT_MESSAGE)}. <a href={location.pathname}>{t("Reload the page")}</a>
    </Notice>
  );
}

/**
 * React Router does not reload a page's data after an action answered 4xx;
 * after a conflict it must, so the forms are sent again against the latest
 * case (they keep what was typed: see useCaseForm).
 */
export function revalidateAfterConflict({ actionResult, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs): boolean {
  return isConflict(actionResult) || defaultShouldRevalidate;
}

/**
 * One of several forms on a case page: the action's answer is this form's
 * only when it names this form's intent. The case version goes into the
 * values the browser checks; the page's hidden field sends the current one.
 */
export function useCaseForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: { intent?: string; version: number; actionData: unknown; defaultValues?: Record<string, unknown> },
): ZodForm<z.input<S>> {
  const values = (options.actionData as { values?: Record<string, unknown> } | undefined)?.values;
  const mine = values && (options.intent === undefined || values.intent === options.intent) ? options.actionData : undefined;
  return useZodForm(schema, {
    // A conflict is said once, at the top of the page (ConflictAlert), not again by the form.
    actionData: isConflict(mine) ? { ...(mine as object), formError: undefined } : mine,
    defaultValues: { ...options.defaultValues, intent: options.intent, version: options.version },
  });
}
