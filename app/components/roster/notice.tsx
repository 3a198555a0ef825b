import { useSearchParams } from "react-router";
import { FormError, Notice } from "~/components/forms";
import type { FormFailure } from "~/forms/form-data";
import type { RosterIntent } from "~/schemas/roster";

const NOTICES: Record<RosterIntent, string> = {
  "save-practice": "The practice and verification details are saved.",
  "save-capacity": "The workload capacity is saved.",
  "add-specialty": "The specialty is added.",
  "make-primary": "The primary specialty is changed.",
  "remove-specialty": "The specialty is removed.",
  "add-certification": "The board certification is added.",
  "remove-certification": "The board certification is removed.",
  "add-license": "The license is added.",
  "remove-license": "The license is removed.",
  "add-unavailability": "The unavailable period is added.",
  "remove-unavailability": "The unavailable period is removed.",
  "add-affiliation": "The affiliation is declared.",
  "remove-affiliation": "The affiliation is removed.",
  "request-affiliation-removal": "Your request to remove the affiliation is sent. It still counts until an administrator approves.",
  "approve-affiliation-removal": "The request is approved: the affiliation is removed.",
  "reject-affiliation-removal": "The request is rejected: the affiliation stays.",
};

/** The changes made by a button alone: a refusal of one has no form to show it beside. */
const BUTTON_INTENTS: readonly string[] = [
  "make-primary",
  "remove-specialty",
  "remove-certification",
  "remove-license",
  "remove-unavailability",
  "remove-affiliation",
  "request-affiliation-removal",
  "approve-affiliation-removal",
  "reject-affiliation-removal",
];

/**
 * After a change the page comes back with ?done=<intent>; this says what was
 * saved. A refused button (the primary specialty removed, say) says why.
 */
export function RosterNotice({ actionData }: { actionData: unknown }) {
  const [searchParams] = useSearchParams();
  const refused = actionData as Partial<FormFailure> | undefined;
  const intent = refused?.values?.intent;
  if (typeof intent === "string" && BUTTON_INTENTS.includes(intent)) {
    return <FormError message={refused?.formError ?? Object.values(refused?.fieldErrors ?? {})[0]} />;
  }
  const done = searchParams.get("done");
  const notice = done && done in NOTICES ? NOTICES[done as RosterIntent] : null;
  if (!notice) return null;
  return <Notice tone="success">{notice}</Notice>;
}

/** Where a page goes after a change: the notice, and a fresh `at` so the add forms start empty again. */
export function afterChange(path: string, intent: RosterIntent, at: number): string {
  return `${path}?done=${intent}&at=${at}`;
}
