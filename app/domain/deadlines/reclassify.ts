/**
 * The running clocks of a case whose dispute type or track a coordinator
 * corrected (docs/rules/deadlines.md, "A corrected dispute type or track").
 * Each is counted again from its own start under the new classification;
 * where the correction brings in NAIC's opinions clock, the decision clock
 * started at acceptance becomes the opinions clock, and back when it takes
 * the opinions out.
 */
import type { RuleSet } from "~/domain/rule-profiles";
import type { DeadlineCalendar } from "./calendar";
import { computeDeadline, decisionFollowsOpinions, type DeadlineKind, type Dispute, type Track } from "./case-deadlines";

/** The kinds whose time depends on the track or the dispute type. */
const CLASSIFIED_KINDS: ReadonlySet<DeadlineKind> = new Set(["eligibility", "planCaseFile", "opinions", "decision"]);

export interface RunningClock {
  id: string;
  kind: DeadlineKind;
  startedAt: Date;
  dueAt: Date;
}

export interface CorrectedClock {
  id: string;
  kind: DeadlineKind;
  startedAt: Date;
  dueAt: Date;
}

/**
 * The clocks to change: `running` are the case's open clocks, `everStarted`
 * every kind the case has had (a met opinions clock means the decision's
 * clock already counts from the last opinion).
 */
export function reclassifiedClocks(
  running: readonly RunningClock[],
  everStarted: ReadonlySet<DeadlineKind | "offerResponse">,
  rules: RuleSet,
  track: Track,
  dispute: Dispute,
  calendar: DeadlineCalendar,
): CorrectedClock[] {
  const split = decisionFollowsOpinions(rules, dispute);
  const changed: CorrectedClock[] = [];
  for (const clock of running) {
    if (!CLASSIFIED_KINDS.has(clock.kind)) continue;
    let kind = clock.kind;
    if (kind === "decision" && split && !everStarted.has("opinions")) kind = "opinions";
    else if (kind === "opinions" && !split) kind = "decision";
    const dueAt = computeDeadline(kind, rules, track, dispute, clock.startedAt, calendar);
    if (kind !== clock.kind || dueAt.getTime() !== clock.dueAt.getTime()) changed.push({ id: clock.id, kind, startedAt: clock.startedAt, dueAt });
  }
  return changed;
}
