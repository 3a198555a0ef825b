/**
 * The request form, one step per part of a request (docs/rules/filing.md,
 * "The request form"). The slugs are stored in Case.draftStep to resume a draft there;
 * the titles are English (msg), translated where they are shown.
 */
import { msg } from "~/i18n/msg";

export const REQUEST_STEPS = [
  { slug: "filer", title: msg("Who is filing") },
  { slug: "patient", title: msg("The patient") },
  { slug: "plan", title: msg("The plan") },
  { slug: "denial", title: msg("The denial") },
  { slug: "appeal", title: msg("Internal appeal") },
  { slug: "urgency", title: msg("Urgency") },
  { slug: "statement", title: msg("Why you disagree") },
  { slug: "documents", title: msg("Documents") },
  { slug: "review", title: msg("Review and sign") },
] as const;

export type RequestStep = (typeof REQUEST_STEPS)[number]["slug"];
/** The steps that are forms of their own; "review" is the last page, where the request is signed and sent. */
export type EditStep = Exclude<RequestStep, "review">;

export const EDIT_STEPS = REQUEST_STEPS.map((step) => step.slug).filter((slug): slug is EditStep => slug !== "review");

function isRequestStep(value: string | null | undefined): value is RequestStep {
  return REQUEST_STEPS.some((step) => step.slug === value);
}

export function isEditStep(value: string | null | undefined): value is EditStep {
  return isRequestStep(value) && value !== "review";
}

/** 1-based position, for "Step 3 of 9". */
export function stepNumber(step: RequestStep): number {
  return REQUEST_STEPS.findIndex((entry) => entry.slug === step) + 1;
}

export function stepTitle(step: RequestStep): string {
  return REQUEST_STEPS[stepNumber(step) - 1]!.title;
}

export function nextStep(step: RequestStep): RequestStep | null {
  return REQUEST_STEPS[stepNumber(step)]?.slug ?? null;
}

export function previousStep(step: RequestStep): RequestStep | null {
  const index = stepNumber(step) - 2;
  return index >= 0 ? REQUEST_STEPS[index]!.slug : null;
}

/** Where a step of a draft is edited; the review has its own page. */
export function stepPath(caseId: string, step: RequestStep): string {
  const id = encodeURIComponent(caseId);
  return step === "review" ? `/requests/${id}/review` : `/requests/${id}/edit/${step}`;
}
