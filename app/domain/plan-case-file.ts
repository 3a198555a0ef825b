import { can } from "./case-actions";
/**
 * The plan's case file (docs/rules/plan-case-file.md, "The checklist"): what the plan
 * must send once a case is accepted, and where it stands. Documents of kind
 * PLAN_CASE_FILE name the checklist item they answer (Document.caseFileItem);
 * the plan may declare an item it does not have (Case.planCaseFileNotApplicable).
 */
import type { CaseStatus } from "./case-status";

export const CASE_FILE_ITEMS = [
  {
    key: "letters",
    label: "Denial and appeal letters",
    help: "The plan's denial letter and its decision on the internal appeal.",
  },
  {
    key: "medicalRecords",
    label: "Medical records the plan used",
    help: "Every record the plan relied on to decide.",
  },
  {
    key: "criteria",
    label: "Criteria or guidelines applied",
    help: "The clinical criteria, guidelines or protocols the plan applied.",
  },
  {
    key: "policy",
    label: "Policy or contract language",
    help: "The parts of the member's policy or contract the denial rests on.",
  },
  {
    key: "expertOpinions",
    label: "Expert opinions received",
    help: "Any opinion of a doctor or other expert the plan received about the case.",
  },
  {
    key: "applicantList",
    label: "List of what was sent, given to the applicant",
    help: "The list of the documents sent, which the plan must also give the applicant.",
  },
] as const;

export type CaseFileItemKey = (typeof CASE_FILE_ITEMS)[number]["key"];
export const CASE_FILE_ITEM_KEYS: readonly CaseFileItemKey[] = CASE_FILE_ITEMS.map((item) => item.key);

export function isCaseFileItem(value: string): value is CaseFileItemKey {
  return (CASE_FILE_ITEM_KEYS as readonly string[]).includes(value);
}

export type CaseFileItemState = "received" | "not_applicable" | "missing";

export type CaseFileState =
  /** Not asked for yet: the case has not been accepted. */
  | "not_requested"
  /** Asked for, not complete, still in time. */
  | "requested"
  /** Not complete and its due time has passed. */
  | "late"
  | "received"
  | "received_late"
  /** Late, and the coordinator let the review go ahead without it. */
  | "proceeded_without";

export const CASE_FILE_STATE_LABELS: Record<CaseFileState, string> = {
  not_requested: "Not requested yet",
  requested: "Requested",
  late: "Late",
  received: "Received complete",
  received_late: "Received complete, late",
  proceeded_without: "Late: the review goes ahead without it",
};

export interface CaseFileInput {
  requestedAt: Date | null;
  completedAt: Date | null;
  notApplicable: readonly string[];
  proceededWithoutAt: Date | null;
  /** The checklist item of each of the plan's case file documents (null when it names none). */
  documentItems: readonly (string | null)[];
  /** The plan case file clock, when one was started. */
  clock: { status: "OPEN" | "MET" | "MISSED" | "STOPPED"; dueAt: Date } | null;
  now: Date;
}

export interface CaseFileStatus {
  state: CaseFileState;
  dueAt: Date | null;
  items: { key: CaseFileItemKey; label: string; state: CaseFileItemState; documents: number }[];
  /** Items neither received nor declared not applicable. */
  missing: CaseFileItemKey[];
}

export function planCaseFileStatus(input: CaseFileInput): CaseFileStatus {
  const items = CASE_FILE_ITEMS.map((item) => {
    const documents = input.documentItems.filter((key) => key === item.key).length;
    const state: CaseFileItemState = documents > 0 ? "received" : input.notApplicable.includes(item.key) ? "not_applicable" : "missing";
    return { key: item.key, label: item.label, state, documents };
  });
  const missing = items.filter((item) => item.state === "missing").map((item) => item.key);
  const dueAt = input.clock?.dueAt ?? null;
  return { state: caseFileState(input), dueAt, items, missing };
}

function caseFileState(input: CaseFileInput): CaseFileState {
  if (!input.requestedAt) return "not_requested";
  const due = input.clock?.dueAt;
  if (input.completedAt) return due && input.completedAt > due ? "received_late" : "received";
  if (input.proceededWithoutAt) return "proceeded_without";
  // A clock stopped because the review ended is no longer late: nothing more is due.
  const late = input.clock?.status === "MISSED" || (input.clock?.status === "OPEN" && input.clock.dueAt < input.now);
  return late ? "late" : "requested";
}

/**
 * The coordinator may let the review go ahead without the plan's file once
 * it is late (the NAIC model even lets the organization reverse the denial).
 */
export function mayProceedWithoutCaseFile(status: CaseStatus, file: Pick<CaseFileStatus, "state">): boolean {
  // The state machine keeps it to the review before its determination.
  return file.state === "late" && can("proceedWithoutCaseFile", status, ["COORDINATOR"]);
}
