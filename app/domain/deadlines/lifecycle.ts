/**
 * Which clocks each status move starts and ends (docs/rules/deadlines.md,
 * "The clocks of a case"). A clock keeps running while the organization
 * waits for information; it stops only when the case is withdrawn, found
 * ineligible, reversed by the plan, or decided.
 */
import type { CaseActionName } from "~/domain/case-actions";
import { msg } from "~/i18n/msg";
import type { DeadlineKind } from "./case-deadlines";

export type ResponsibleParty = "ORGANIZATION" | "APPLICANT" | "PLAN" | "REVIEWER";

export interface DeadlineEffects {
  /** Clocks this transition meets (marked met at the transition's time). */
  meet?: readonly DeadlineKind[];
  /** Clocks this transition starts, counted from the transition's time. */
  start?: readonly DeadlineKind[];
  /** Every other open clock stops: the review ended without meeting them. */
  stopOthers?: boolean;
}

/** The clocks each action meets, starts or stops when it moves the case to a new status (case-actions.ts). */
export const ACTION_DEADLINES: Partial<Record<CaseActionName, DeadlineEffects>> = {
  submit: { start: ["eligibility"] },
  findIneligible: { meet: ["eligibility"], stopOthers: true },
  // Where the profile splits an experimental decision, "decision" here opens
  // the opinions clock, and every reviewer's submission then starts the
  // decision's (decisionClockToStart).
  accept: { meet: ["eligibility"], start: ["decision", "planCaseFile", "assignment"] },
  // The first reviewer's acceptance starts the review.
  acceptOffer: { meet: ["assignment"] },
  determine: { meet: ["opinions"], start: ["decision"] },
  // The decision ends the review's clocks; an overturn starts the plan's
  // compliance clock, which the decision operation asks for.
  issueDecision: { meet: ["decision", "writtenConfirmation"], stopOthers: true },
  closeUpheld: { meet: ["compliance"], stopOthers: true },
  confirmCompliance: { meet: ["compliance"], stopOthers: true },
  reverseDenial: { stopOthers: true },
  withdraw: { stopOthers: true },
};

/** Who must act before each clock runs out, and so who is reminded. */
export const RESPONSIBLE: Record<DeadlineKind, ResponsibleParty> = {
  eligibility: "ORGANIZATION",
  planCaseFile: "PLAN",
  applicantInformation: "APPLICANT",
  // The organization forwards the applicant's new information to the plan.
  informationForwarding: "ORGANIZATION",
  assignment: "ORGANIZATION",
  // The organization answers for its reviewers' opinions: its coordinators are reminded.
  opinions: "ORGANIZATION",
  decision: "ORGANIZATION",
  writtenConfirmation: "ORGANIZATION",
  compliance: "PLAN",
  publication: "ORGANIZATION",
};

/** What each clock is called on pages and in emails. */
export const DEADLINE_LABELS: Record<DeadlineKind | "offerResponse", string> = {
  eligibility: msg("Eligibility decision"),
  planCaseFile: msg("Plan case file"),
  applicantInformation: msg("Additional information"),
  informationForwarding: msg("New information forwarded to the plan"),
  assignment: msg("Reviewer assignment"),
  offerResponse: msg("Reviewer's answer to the offer"),
  opinions: msg("Reviewers' opinions"),
  decision: msg("Decision"),
  writtenConfirmation: msg("Written decision letter"),
  compliance: msg("Plan compliance"),
  publication: msg("Publication of the de-identified decision"),
};

/** The same effects combined: used when an operation adds clocks of its own to a transition's. */
export function mergeEffects(...all: (DeadlineEffects | undefined)[]): Required<DeadlineEffects> {
  const meet = new Set<DeadlineKind>();
  const start = new Set<DeadlineKind>();
  let stopOthers = false;
  for (const effects of all) {
    effects?.meet?.forEach((kind) => meet.add(kind));
    effects?.start?.forEach((kind) => start.add(kind));
    stopOthers ||= effects?.stopOthers ?? false;
  }
  return { meet: [...meet], start: [...start], stopOthers };
}
