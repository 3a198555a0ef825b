/**
 * How a panel's opinions become one outcome (docs/rules/reviewers.md,
 * "Panels and the majority"). A single reviewer's opinion is the
 * outcome. For a panel, an "overturn in part" is a vote to overturn at least
 * part of the denial, so:
 *   1. an outcome more than half the panel chose wins outright;
 *   2. otherwise, if more than half voted to overturn (fully or in part), the
 *      majority agrees on overturning only the part: OVERTURNED_IN_PART
 *      (e.g. uphold / overturn / overturn in part);
 *   3. otherwise there is no majority (a tie in an even panel): null, and the
 *      coordinator's quality review cannot approve it.
 * Every opinion is kept for the letter whatever the majority.
 */
export const DECISION_OUTCOMES = ["UPHELD", "OVERTURNED", "OVERTURNED_IN_PART"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** The outcome in the words reviewers and coordinators choose from. */
export const OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  UPHELD: "Uphold the denial",
  OVERTURNED: "Overturn the denial",
  OVERTURNED_IN_PART: "Overturn the denial in part",
};

export interface OutcomeCounts {
  UPHELD: number;
  OVERTURNED: number;
  OVERTURNED_IN_PART: number;
}

export function countOutcomes(outcomes: readonly DecisionOutcome[]): OutcomeCounts {
  const counts: OutcomeCounts = { UPHELD: 0, OVERTURNED: 0, OVERTURNED_IN_PART: 0 };
  for (const outcome of outcomes) counts[outcome] += 1;
  return counts;
}

/** The panel's outcome, or null when there are no opinions or no majority. */
export function majorityOutcome(outcomes: readonly DecisionOutcome[]): DecisionOutcome | null {
  const half = outcomes.length / 2;
  if (outcomes.length === 0) return null;
  const counts = countOutcomes(outcomes);
  for (const outcome of DECISION_OUTCOMES) if (counts[outcome] > half) return outcome;
  if (counts.OVERTURNED + counts.OVERTURNED_IN_PART > half) return "OVERTURNED_IN_PART";
  return null;
}
