import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useForm, type FieldValues, type Resolver, type UseFormReturn } from "react-hook-form";
import { useNavigation, useSubmit } from "react-router";
import type { z } from "zod";
import type { FieldErrors, FormFailure } from "~/forms/form-data";
import { translateMessage } from "~/i18n/i18n";

export interface ZodForm<T extends FieldValues> {
  form: UseFormReturn<T>;
  /** The message to show next to a field, in the page's language: the browser's check first, else the server's. */
  errorFor: (name: string) => string | undefined;
  /** The value to render before the browser takes over (so forms work without JavaScript). */
  valueFor: (name: string) => string;
  /** The chosen values of a checkbox group, for the first render. */
  valuesFor: (name: string) => string[];
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  formError: string | undefined;
  submitting: boolean;
}

function isFailure(value: unknown): value is FormFailure {
  return typeof value === "object" && value !== null && "fieldErrors" in value;
}

/**
 * react-hook-form with the form's zod schema in the browser; the action
 * checks the same schema. Without JavaScript the form posts normally and the
 * server's messages render next to the fields.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: { defaultValues?: Record<string, unknown>; actionData?: unknown },
): ZodForm<z.input<S>> {
  const { t } = useTranslation();
  const failure = isFailure(options.actionData) ? options.actionData : undefined;
  const values = { ...options.defaultValues, ...failure?.values };
  const form = useForm<z.input<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>>,
    defaultValues: values as never,
    mode: "onTouched",
  });
  const [serverErrors, setServerErrors] = useState<FieldErrors>(failure?.fieldErrors ?? {});
  useEffect(() => setServerErrors(failure?.fieldErrors ?? {}), [failure]);
  useEffect(() => {
    const subscription = form.watch((_value, { name }) => {
      if (name) setServerErrors((current) => (name in current ? omit(current, name) : current));
    });
    return () => subscription.unsubscribe();
  }, [form]);
  const submit = useSubmit();
  const navigation = useNavigation();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void form.handleSubmit(() => submit(submitter ?? element, { method: "post", action: element.getAttribute("action") ?? undefined }))(event);
  };
  const errorFor = (name: string) => {
    const clientError = name.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], form.formState.errors) as
      { message?: string } | undefined;
    const message = clientError?.message ?? serverErrors[name];
    // Schemas and actions write their messages in English (msg), the catalog's keys.
    return message === undefined ? undefined : translateMessage(t, message);
  };
  const valueFor = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value : "";
  };
  const valuesFor = (name: string) => {
    const value = values[name];
    return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
  };
  return {
    form,
    errorFor,
    valueFor,
    valuesFor,
    onSubmit,
    formError: failure?.formError === undefined ? undefined : translateMessage(t, failure.formError),
    submitting: navigation.state === "submitting",
  };
}

function omit(errors: FieldErrors, name: string): FieldErrors {
  const { [name]: _removed, ...rest } = errors;
  return rest;
}

/** The failure an action answered for this form (the page has several, told apart by the `intent` they send). */
export function failureFor(actionData: unknown, intent: string): FormFailure | undefined {
  if (typeof actionData !== "object" || actionData === null) return undefined;
  const answer = actionData as Partial<FormFailure>;
  return answer.values?.intent === intent && answer.fieldErrors ? (answer as FormFailure) : undefined;
}
