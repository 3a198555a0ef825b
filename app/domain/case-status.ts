import type { Role } from "./roles";

/** The life of a case (domain.md, "The life of a case"). */
export const CASE_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "ELIGIBILITY_REVIEW",
  "INELIGIBLE",
  "ACCEPTED",
  "IN_REVIEW",
  "DETERMINED",
  "DECIDED",
  "CLOSED",
  "REVERSED_BY_PLAN",
  "WITHDRAWN",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What each status means, in the words shown to every party. */
export const STATUS_LABELS: Record<CaseStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Received",
  ELIGIBILITY_REVIEW: "Checking eligibility",
  INELIGIBLE: "Not eligible",
  ACCEPTED: "Accepted for review",
  IN_REVIEW: "With the reviewer",
  DETERMINED: "Decision being finalised",
  DECIDED: "Decided",
  CLOSED: "Closed",
  REVERSED_BY_PLAN: "Plan reversed its denial",
  WITHDRAWN: "Withdrawn",
};

/** States in which the review is still going on and clocks may run. */
export const OPEN_STATUSES: readonly CaseStatus[] = ["SUBMITTED", "ELIGIBILITY_REVIEW", "ACCEPTED", "IN_REVIEW", "DETERMINED"];

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export interface Transition {
  from: readonly CaseStatus[];
  to: CaseStatus;
  roles: readonly Role[];
  /** Whether the actor must say why (recorded on the timeline). */
  reasonRequired: boolean;
}

/**
 * Every allowed move, who may make it and whether a reason is needed. A
 * transition not listed here is refused by the server.
 */
export const TRANSITIONS = {
  submit: { from: ["DRAFT"], to: "SUBMITTED", roles: ["APPLICANT"], reasonRequired: false },
  startEligibilityReview: { from: ["SUBMITTED"], to: "ELIGIBILITY_REVIEW", roles: ["COORDINATOR"], reasonRequired: false },
  findIneligible: { from: ["SUBMITTED", "ELIGIBILITY_REVIEW"], to: "INELIGIBLE", roles: ["COORDINATOR"], reasonRequired: true },
  accept: { from: ["SUBMITTED", "ELIGIBILITY_REVIEW"], to: "ACCEPTED", roles: ["COORDINATOR"], reasonRequired: false },
  startReview: { from: ["ACCEPTED"], to: "IN_REVIEW", roles: ["REVIEWER", "COORDINATOR"], reasonRequired: false },
  determine: { from: ["IN_REVIEW"], to: "DETERMINED", roles: ["REVIEWER", "COORDINATOR"], reasonRequired: false },
  sendBack: { from: ["DETERMINED"], to: "IN_REVIEW", roles: ["COORDINATOR"], reasonRequired: true },
  issueDecision: { from: ["DETERMINED"], to: "DECIDED", roles: ["COORDINATOR"], reasonRequired: false },
  close: { from: ["DECIDED"], to: "CLOSED", roles: ["COORDINATOR", "PLAN"], reasonRequired: false },
  reverseByPlan: {
    from: ["SUBMITTED", "ELIGIBILITY_REVIEW", "ACCEPTED", "IN_REVIEW", "DETERMINED"],
    to: "REVERSED_BY_PLAN",
    roles: ["PLAN"],
    reasonRequired: false,
  },
  withdraw: {
    from: ["SUBMITTED", "ELIGIBILITY_REVIEW", "ACCEPTED", "IN_REVIEW", "DETERMINED"],
    to: "WITHDRAWN",
    roles: ["APPLICANT"],
    reasonRequired: false,
  },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;

export type TransitionRefusal = "wrong-status" | "wrong-role" | "reason-required";

/** Whether `transition` may happen now: the status and the actor's roles decide. */
export function checkTransition(
  name: TransitionName,
  status: CaseStatus,
  roles: readonly Role[],
  reason?: string | null,
): { ok: true; to: CaseStatus } | { ok: false; refusal: TransitionRefusal } {
  const transition: Transition = TRANSITIONS[name];
  if (!transition.from.includes(status)) return { ok: false, refusal: "wrong-status" };
  if (!transition.roles.some((role) => roles.includes(role))) return { ok: false, refusal: "wrong-role" };
  if (transition.reasonRequired && !reason?.trim()) return { ok: false, refusal: "reason-required" };
  return { ok: true, to: transition.to };
}

/** The transitions a person with these roles may make on a case in this status. */
export function availableTransitions(status: CaseStatus, roles: readonly Role[]): TransitionName[] {
  return (Object.keys(TRANSITIONS) as TransitionName[]).filter((name) => {
    const transition: Transition = TRANSITIONS[name];
    return transition.from.includes(status) && transition.roles.some((role) => roles.includes(role));
  });
}
