/**
 * The five eligibility criteria (docs/rules/eligibility.md, "The five criteria") and which
 * outcomes the coordinator's answers allow. A request is eligible only when
 * all five hold; when something is missing the coordinator asks for it
 * rather than refusing, so a request for information is always possible.
 */
import { can } from "./case-actions";
import type { CaseStatus } from "./case-status";
import type { Role } from "./roles";

export const ELIGIBILITY_CRITERIA = ["ENROLLED", "COVERED_BENEFIT", "APPEAL_EXHAUSTED", "FILED_IN_TIME", "COMPLETE"] as const;
export type EligibilityCriterion = (typeof ELIGIBILITY_CRITERIA)[number];

export interface CriterionText {
  /** The question the coordinator answers yes or no. */
  question: string;
  /** What counts, in a line. */
  help: string;
}

export const CRITERION_TEXT: Record<EligibilityCriterion, CriterionText> = {
  ENROLLED: {
    question: "Was the patient enrolled with the plan when the service was asked for or given?",
    help: "Check the member ID and the dates of coverage against the date of the service.",
  },
  COVERED_BENEFIT: {
    question: "Is the service a benefit the plan covers, denied as not medically necessary, experimental or investigational, or as unpaid urgent care?",
    help: "A plain contract exclusion (a service the plan never covers) is not eligible.",
  },
  APPEAL_EXHAUSTED: {
    question: "Was the plan's internal appeal completed, or is it not needed?",
    help: "Not needed for an expedited case, when the plan failed to decide the appeal on time, or when the plan waived it.",
  },
  FILED_IN_TIME: {
    question: "Was the request filed within the filing window, or is there good cause for the delay?",
    help: "For a late request, answer yes only if you accept the applicant's reason as good cause, and record it in the note.",
  },
  COMPLETE: {
    question: "Is everything needed to start here?",
    help: "The authorization (for a representative), the signed consent and the denial letter. If something is missing, ask for it instead of answering no.",
  },
};

/** A short name for each criterion, for lists and the notice. */
export const CRITERION_LABELS: Record<EligibilityCriterion, string> = {
  ENROLLED: "Enrolled with the plan",
  COVERED_BENEFIT: "A covered benefit denied for an eligible reason",
  APPEAL_EXHAUSTED: "Internal appeal completed or not needed",
  FILED_IN_TIME: "Filed in time, or good cause accepted",
  COMPLETE: "Everything needed to start is here",
};

export interface CriterionAnswer {
  met: boolean;
  note: string | null;
}
export type EligibilityAnswers = Partial<Record<EligibilityCriterion, CriterionAnswer>>;

export const NOTE_REQUIRED_WHEN_NOT_MET = "Say why this criterion is not met.";
export const GOOD_CAUSE_REQUIRED = "This request was filed late: record the good cause you accepted for the delay.";

/** The message for an answer that cannot be saved as it is, or null when it can. */
export function answerProblem(criterion: EligibilityCriterion, met: boolean, note: string, filing: { filedLate: boolean }): string | null {
  if (!met && !note.trim()) return NOTE_REQUIRED_WHEN_NOT_MET;
  if (met && criterion === "FILED_IN_TIME" && filing.filedLate && !note.trim()) return GOOD_CAUSE_REQUIRED;
  return null;
}

export type ChecklistValue = { met: "yes" | "no" | ""; note: string };

/**
 * What the checklist shows before the coordinator changes it: the saved
 * answers, and for a request filed in time, "filed in time" already answered
 * from the filing date. A late request leaves that answer to the coordinator.
 */
export function checklistDefaults(saved: EligibilityAnswers, filing: { filedLate: boolean }): Record<EligibilityCriterion, ChecklistValue> {
  const values = {} as Record<EligibilityCriterion, ChecklistValue>;
  for (const criterion of ELIGIBILITY_CRITERIA) {
    const answer = saved[criterion];
    values[criterion] = answer ? { met: answer.met ? "yes" : "no", note: answer.note ?? "" } : { met: "", note: "" };
  }
  if (!saved.FILED_IN_TIME && !filing.filedLate) values.FILED_IN_TIME = { met: "yes", note: "Filed within the filing window." };
  return values;
}

export interface EligibilityOutcomes {
  /** Every criterion is answered "yes". */
  accept: boolean;
  /** At least one criterion is answered "no". */
  ineligible: boolean;
  /** Always possible: something missing is asked for rather than refused. */
  requestInformation: true;
  unanswered: EligibilityCriterion[];
  unmet: EligibilityCriterion[];
}

export function eligibilityOutcomes(answers: EligibilityAnswers): EligibilityOutcomes {
  const unanswered = ELIGIBILITY_CRITERIA.filter((criterion) => !answers[criterion]);
  const unmet = ELIGIBILITY_CRITERIA.filter((criterion) => answers[criterion]?.met === false);
  return { accept: unanswered.length === 0 && unmet.length === 0, ineligible: unmet.length > 0, requestInformation: true, unanswered, unmet };
}

export interface ScreeningActions {
  /** The checklist may be answered (the case is waiting for its eligibility decision). */
  recordEligibility: boolean;
  accept: boolean;
  findIneligible: boolean;
  requestInformation: boolean;
}

/**
 * What a person may do at intake now: the actions the case's status and the
 * person's roles allow (case-actions.ts), narrowed by the answers.
 */
export function screeningActions(status: CaseStatus, roles: readonly Role[], answers: EligibilityAnswers): ScreeningActions {
  const outcomes = eligibilityOutcomes(answers);
  return {
    recordEligibility: can("checkEligibility", status, roles),
    accept: can("accept", status, roles) && outcomes.accept,
    findIneligible: can("findIneligible", status, roles) && outcomes.ineligible,
    requestInformation: can("requestInformation", status, roles),
  };
}

/** Why "Accept" is not offered yet, in the coordinator's words; null when it is. */
export function acceptBlockedReason(answers: EligibilityAnswers): string | null {
  const { unanswered, unmet } = eligibilityOutcomes(answers);
  if (unanswered.length === ELIGIBILITY_CRITERIA.length)
    return "Answer the eligibility checklist first: a request is accepted only when all five criteria are met.";
  if (unanswered.length) return `Answer every criterion first (${unanswered.map((c) => CRITERION_LABELS[c].toLowerCase()).join("; ")}).`;
  if (unmet.length)
    return `A request is accepted only when all five criteria are met; not met: ${unmet.map((c) => CRITERION_LABELS[c].toLowerCase()).join("; ")}.`;
  return null;
}
