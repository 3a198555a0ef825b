/**
 * A case's history as its health plan may see it: every change of status,
 * and the steps that concern the plan (its case file asked for and due, its
 * own answers, questions put to it, new information forwarded to it, the
 * decision and what it must do). Internal steps (offers to reviewers,
 * conflict checks, quality review notes) stay off, and reviewers are never
 * named: the plan reads "A reviewer" (docs/rules/reviewers.md, reviewers are
 * anonymous to the parties).
 */
import type { CaseStatus } from "./case-status";
import { formatDeadlineTime, type DeadlineKind } from "./deadlines/case-deadlines";
import type { Role } from "./roles";

export interface PlanTimelineEvent {
  id: string;
  type: string;
  toStatus: CaseStatus | null;
  /** Why, in the actor's words: shown to the plan only for its own steps and for what it is sent anyway. */
  note: string | null;
  createdAt: Date;
  /** The roles of the person who acted; null for the portal's own workers and for API keys. */
  actorRoles: readonly Role[] | null;
  /** A request for information: to whom it was put. */
  addressedTo: string | null;
  /** A missed deadline: who had to act, and the deadline's name. */
  missed: { responsible: string; label: string } | null;
}

/** A clock on the case, as the plan's timeline reads its start and due time. */
export interface PlanTimelineClock {
  id: string;
  kind: DeadlineKind | "offerResponse";
  startedAt: Date;
  dueAt: Date;
}

export interface PlanTimelineEntry {
  id: string;
  type: string;
  toStatus: CaseStatus | null;
  at: Date;
  actor: string;
  /** The actor's own words, quoted. */
  note: string | null;
  /** A fact the portal adds, such as a due time. */
  detail: string | null;
}

/** The plan's own steps: whoever acted for the plan (a person or its API key), the plan reads "Your plan". */
const PLAN_OWN_EVENTS = new Set(["eligibility_objection", "case_file_completed", "reversed_by_plan", "compliance_confirmed"]);

/** Steps that keep the status but concern the plan, besides its own. */
const PLAN_EVENTS = new Set([
  ...PLAN_OWN_EVENTS,
  "proceeded_without_case_file",
  "information_forwarded",
  "classification_corrected",
  "expedited_decision_notified",
  "decision_amended",
]);

/**
 * Notes the plan reads besides its own: the reason it was sent in the
 * ineligibility notice, and the amendment's reason printed in the letter.
 * Every other note (a coordinator's, a reviewer's, the applicant's) stays
 * with the organization.
 */
const NOTES_FOR_PLAN = new Set([...PLAN_OWN_EVENTS, "found_ineligible", "decision_amended"]);

/** The clocks the plan answers to, entered on its timeline when they start, with their due time. */
const PLAN_CLOCK_ENTRIES: Partial<Record<PlanTimelineClock["kind"], string>> = {
  planCaseFile: "case_file_requested",
  compliance: "compliance_due",
};

function seenByPlan(event: PlanTimelineEvent): boolean {
  if (event.toStatus !== null || PLAN_EVENTS.has(event.type)) return true;
  if (event.type === "information_requested") return event.addressedTo === "PLAN";
  if (event.type === "deadline_missed") return event.missed?.responsible === "PLAN";
  return false;
}

/** Who did it, in words the plan may see: a role, never a person's name. */
function actorWords(event: PlanTimelineEvent): string {
  if (PLAN_OWN_EVENTS.has(event.type)) return "Your plan";
  const roles = event.actorRoles;
  if (!roles) return "The portal";
  if (roles.includes("COORDINATOR")) return "The review organization";
  if (roles.includes("REVIEWER")) return "A reviewer";
  if (roles.includes("APPLICANT")) return "The applicant";
  return "The review organization";
}

/** The plan's timeline, oldest first; an entry for a clock follows the event that started it at the same instant. */
export function planTimeline(events: readonly PlanTimelineEvent[], clocks: readonly PlanTimelineClock[], timeZone: string): PlanTimelineEntry[] {
  const fromEvents = events.filter(seenByPlan).map((event): PlanTimelineEntry => ({
    id: event.id,
    type: event.type,
    toStatus: event.toStatus,
    at: event.createdAt,
    actor: actorWords(event),
    note: NOTES_FOR_PLAN.has(event.type) ? event.note : null,
    detail: event.type === "deadline_missed" && event.missed ? event.missed.label : null,
  }));
  const fromClocks = clocks.flatMap((clock): PlanTimelineEntry[] => {
    const type = PLAN_CLOCK_ENTRIES[clock.kind];
    if (!type) return [];
    return [
      {
        id: `clock-${clock.id}`,
        type,
        toStatus: null,
        at: clock.startedAt,
        actor: "The review organization",
        note: null,
        detail: `Due by ${formatDeadlineTime(clock.dueAt, timeZone)}`,
      },
    ];
  });
  // Array.prototype.sort is stable: at the same instant, events stay before the clocks they started.
  return [...fromEvents, ...fromClocks].sort((a, b) => a.at.getTime() - b.at.getTime());
}
