import { CASE_STATUSES, OPEN_STATUSES, STATUS_LABELS, type CaseStatus } from "./case-status";
import { msg } from "~/i18n/msg";
import { ENDED_STATUSES } from "./retention";
import type { Role } from "./roles";

/**
 * The case's state machine: for every action anyone can take on a case, the
 * statuses it is allowed in, where each leads, and who may take it. Moves
 * that keep the status (approving, recording a notice, amending, offering…)
 * are here as well as the ones that change it, so one table answers "may
 * this person do this now?" for the server, which refuses, and for the pages,
 * which offer only what the server will accept. docs/case-actions.md is this
 * table printed (a unit test keeps the two the same).
 */

/** Who acts: a person in one of their roles, or the portal's own workers (deadline sweep, offer expiry). */
export type CaseActorRole = Role | "WORKER";

export interface CaseAction {
  /** The statuses the action is allowed in, each with the status it leads to (itself when the status stays). */
  moves: Partial<Record<CaseStatus, CaseStatus>>;
  roles: readonly CaseActorRole[];
  /** Whether the actor must say why (the timeline keeps it). */
  reasonRequired?: boolean;
  /** Why the action is refused in a status it is not allowed in, in the words shown to the person. */
  refusal: (status: CaseStatus) => string;
}

const REVIEW_STATUSES = ["ACCEPTED", "IN_REVIEW"] as const satisfies readonly CaseStatus[];
const SCREENING_STATUSES = ["SUBMITTED", "ELIGIBILITY_REVIEW"] as const satisfies readonly CaseStatus[];
const ISSUED_STATUSES = ["DECIDED", "CLOSED"] as const satisfies readonly CaseStatus[];

/** Allowed in each of `statuses`, which it keeps. */
function keeps(statuses: readonly CaseStatus[]): Partial<Record<CaseStatus, CaseStatus>> {
  return Object.fromEntries(statuses.map((status) => [status, status]));
}

/** Allowed in each of `statuses`, from which it leads to `to`. */
function leads(statuses: readonly CaseStatus[], to: CaseStatus): Partial<Record<CaseStatus, CaseStatus>> {
  return Object.fromEntries(statuses.map((status) => [status, to]));
}

const reload = (sentence: string) => () => `${sentence} Reload the page to see where it stands.`;
const notWhile = (status: CaseStatus) => `This step is not possible while the case is "${STATUS_LABELS[status]}". Reload the page to see where it stands.`;

const ALREADY_ISSUED_MESSAGE = "The decision letter has already been issued and cannot be changed. To correct it, issue an amended letter.";
const NO_LONGER_IN_REVIEW = "This case is no longer in review, so the determination cannot be changed.";
const NOT_PUBLISHABLE_MESSAGE = "Only an issued decision can be published.";
export const NOT_ISSUED_MESSAGE = "Only an issued decision can be amended: issue the decision letter first.";

/** Why a request in this status cannot be withdrawn, in the applicant's words. */
function whyNoWithdrawal(status: CaseStatus): string {
  switch (status) {
    case "WITHDRAWN":
      return msg("This request is already withdrawn.");
    case "DECIDED":
    case "CLOSED":
      return msg("This request can no longer be withdrawn: the decision has been issued.");
    case "INELIGIBLE":
      return msg("This request can no longer be withdrawn: it was found not eligible for review.");
    case "REVERSED_BY_PLAN":
      return msg("This request can no longer be withdrawn: your health plan already reversed its denial.");
    default:
      return `This request cannot be withdrawn while it is "${STATUS_LABELS[status]}".`;
  }
}

function whyNoReversal(status: CaseStatus): string {
  if (status === "REVERSED_BY_PLAN") return "The plan has already reversed its denial on this case.";
  if (status === "DECIDED" || status === "CLOSED") {
    return "The decision has been issued: the denial can no longer be reversed here. Confirm compliance instead if the decision overturned it.";
  }
  return `The review of this case has already ended ("${STATUS_LABELS[status]}").`;
}

export const CASE_ACTIONS = {
  // The applicant writes and files the request.
  editDraft: { moves: keeps(["DRAFT"]), roles: ["APPLICANT"], refusal: () => "This request has already been sent." },
  submit: { moves: leads(["DRAFT"], "SUBMITTED"), roles: ["APPLICANT"], refusal: () => "This request has already been sent." },

  // Screening (docs/rules/eligibility.md): the checklist, then accept or not eligible.
  checkEligibility: {
    moves: { SUBMITTED: "ELIGIBILITY_REVIEW", ELIGIBILITY_REVIEW: "ELIGIBILITY_REVIEW" },
    roles: ["COORDINATOR"],
    refusal: reload("The eligibility decision on this case was already made."),
  },
  findIneligible: { moves: leads(SCREENING_STATUSES, "INELIGIBLE"), roles: ["COORDINATOR"], reasonRequired: true, refusal: notWhile },
  accept: { moves: leads(SCREENING_STATUSES, "ACCEPTED"), roles: ["COORDINATOR"], refusal: notWhile },
  objectToEligibility: {
    moves: keeps([...SCREENING_STATUSES, "ACCEPTED"]),
    roles: ["PLAN"],
    refusal: reload("The eligibility of this case can no longer be contested here."),
  },

  // While the review is open.
  lookAfterCase: { moves: keeps(OPEN_STATUSES), roles: ["COORDINATOR"], refusal: reload("This case is no longer open.") },
  requestInformation: {
    moves: keeps(OPEN_STATUSES),
    roles: ["COORDINATOR"],
    refusal: reload("This case is no longer open, so nothing more can be asked."),
  },
  answerInformation: { moves: keeps(OPEN_STATUSES), roles: ["APPLICANT"], refusal: () => msg("This case is no longer open, so it takes no more answers.") },
  addDocument: {
    moves: keeps(OPEN_STATUSES),
    roles: ["APPLICANT", "PLAN"],
    refusal: (status) =>
      `This case is "${STATUS_LABELS[status]}", so documents can no longer be added to it. Contact the review organization if something is missing.`,
  },
  // A document the applicant adds once the case is accepted is new information, forwarded to the plan (documents/new-information.ts).
  addNewInformation: {
    moves: keeps(["ACCEPTED", "IN_REVIEW", "DETERMINED"]),
    roles: ["APPLICANT"],
    refusal: (status) =>
      `This request is "${STATUS_LABELS[status]}": a document added now is not new information for the health plan (before acceptance it joins the request; after the review, nothing more is added).`,
  },
  saveMatchingFacts: {
    moves: keeps(OPEN_STATUSES),
    roles: ["COORDINATOR"],
    refusal: () => "This case is no longer open: its matching facts stay as they were.",
  },
  completeCaseFile: {
    moves: keeps(OPEN_STATUSES),
    roles: ["PLAN"],
    refusal: () => "The review of this case has ended: its case file can no longer be completed.",
  },
  // A dispute type or track filed wrongly is put right before the reviewers have all written.
  correctClassification: {
    moves: keeps([...SCREENING_STATUSES, ...REVIEW_STATUSES]),
    roles: ["COORDINATOR"],
    reasonRequired: true,
    refusal: reload("The dispute type and the track can be corrected only until every reviewer has submitted."),
  },
  proceedWithoutCaseFile: {
    moves: keeps(REVIEW_STATUSES),
    roles: ["COORDINATOR"],
    refusal: reload("The review can go ahead without the plan's case file only once it is late and before the determination."),
  },
  withdraw: { moves: leads(OPEN_STATUSES, "WITHDRAWN"), roles: ["APPLICANT"], refusal: whyNoWithdrawal },
  reverseDenial: { moves: leads(OPEN_STATUSES, "REVERSED_BY_PLAN"), roles: ["PLAN"], refusal: whyNoReversal },

  // Reviewers (docs/rules/reviewers.md, "Offers"): offered until the determination is in.
  offerReviewers: {
    moves: keeps(REVIEW_STATUSES),
    roles: ["COORDINATOR"],
    refusal: () => "Reviewers are offered a case once it is accepted for review, and until the reviewers' determination is in.",
  },
  replaceReviewer: {
    moves: keeps(REVIEW_STATUSES),
    roles: ["COORDINATOR"],
    refusal: () => "Reviewers are replaced while the case is accepted or in review, before the determination is in.",
  },
  // The organization's own date for a reviewer's determination, set with the offer or later.
  setReviewerDueDate: {
    moves: keeps(REVIEW_STATUSES),
    roles: ["COORDINATOR"],
    refusal: () => "A reviewer's internal due date is set while the case is accepted or in review, before the determination is in.",
  },
  // The first acceptance starts the review.
  acceptOffer: {
    moves: { ACCEPTED: "IN_REVIEW", IN_REVIEW: "IN_REVIEW" },
    roles: ["REVIEWER"],
    refusal: () => "This case is no longer waiting for a reviewer, so the offer cannot be accepted.",
  },
  declineOffer: { moves: keeps(REVIEW_STATUSES), roles: ["REVIEWER"], refusal: () => "This case is no longer waiting for a reviewer, so the offer has ended." },
  // The portal re-checks a reviewer when their roster profile changes or they accept (docs/rules/reviewers.md, "Checked again").
  withdrawIneligibleOffer: { moves: keeps(REVIEW_STATUSES), roles: ["WORKER"], refusal: notWhile },
  flagReviewerForReplacement: { moves: keeps(OPEN_STATUSES), roles: ["WORKER"], refusal: notWhile },
  // With the organization's setting on, the next suggestion is offered as soon as an offer ends.
  offerNextAutomatically: { moves: keeps(REVIEW_STATUSES), roles: ["WORKER"], refusal: notWhile },

  // The review and quality review.
  writeOpinion: {
    moves: keeps(["IN_REVIEW"]),
    roles: ["REVIEWER"],
    refusal: () => NO_LONGER_IN_REVIEW,
  },
  // An opinion that is not the panel's last keeps the case in review; the last one completes the determination.
  submitOpinion: { moves: keeps(["IN_REVIEW"]), roles: ["REVIEWER"], refusal: () => NO_LONGER_IN_REVIEW },
  determine: { moves: leads(["IN_REVIEW"], "DETERMINED"), roles: ["REVIEWER"], refusal: () => NO_LONGER_IN_REVIEW },
  // A reviewer's time on the case feeds the organization's billing: it is locked once the decision is issued.
  logTime: {
    moves: keeps(["IN_REVIEW", "DETERMINED"]),
    roles: ["REVIEWER"],
    refusal: (status) =>
      (ISSUED_STATUSES as readonly CaseStatus[]).includes(status)
        ? "The decision has been issued: the time logged on this case is locked for billing."
        : "Time is logged while the case is in review.",
  },
  sendBack: { moves: leads(["DETERMINED"], "IN_REVIEW"), roles: ["COORDINATOR"], reasonRequired: true, refusal: notWhile },
  approveDetermination: {
    moves: keeps(["DETERMINED"]),
    roles: ["COORDINATOR"],
    refusal: reload("Only a case whose determination is complete can be approved."),
  },

  // The decision (docs/rules/decision-letter.md), its notice and amendments.
  recordExpeditedNotice: {
    moves: keeps(["DETERMINED"]),
    roles: ["COORDINATOR"],
    refusal: () => "The expedited notice is recorded between the approval and the letter.",
  },
  issueDecision: {
    moves: leads(["DETERMINED"], "DECIDED"),
    roles: ["COORDINATOR"],
    refusal: (status) =>
      (ISSUED_STATUSES as readonly CaseStatus[]).includes(status)
        ? ALREADY_ISSUED_MESSAGE
        : "The decision can be issued once every reviewer has submitted and the determination is approved.",
  },
  // An upheld denial leaves the plan nothing to do: the case closes with its letter.
  closeUpheld: { moves: leads(["DECIDED"], "CLOSED"), roles: ["COORDINATOR"], refusal: notWhile },
  amendDecision: { moves: keeps(ISSUED_STATUSES), roles: ["COORDINATOR"], refusal: () => NOT_ISSUED_MESSAGE },
  // The de-identified decision for the public library (docs/rules/publication.md).
  editPublication: { moves: keeps(ISSUED_STATUSES), roles: ["COORDINATOR"], refusal: () => NOT_PUBLISHABLE_MESSAGE },
  publishDecision: { moves: keeps(ISSUED_STATUSES), roles: ["COORDINATOR"], refusal: () => NOT_PUBLISHABLE_MESSAGE },
  confirmCompliance: {
    moves: leads(["DECIDED"], "CLOSED"),
    roles: ["PLAN"],
    refusal: () => "Compliance can be confirmed once the decision overturning the denial has been issued.",
  },

  // The portal's workers record what time did, whatever the status.
  missDeadline: { moves: keeps(CASE_STATUSES), roles: ["WORKER"], refusal: notWhile },
  expireOffer: { moves: keeps(CASE_STATUSES), roles: ["WORKER"], refusal: notWhile },
  // Records retention runs only once a case has ended (app/domain/retention.ts).
  keepRecords: { moves: keeps(ENDED_STATUSES), roles: ["WORKER"], refusal: notWhile },
} as const satisfies Record<string, CaseAction>;

export type CaseActionName = keyof typeof CASE_ACTIONS;

export const CASE_ACTION_NAMES = Object.keys(CASE_ACTIONS) as CaseActionName[];

type CaseActionRefusal = "wrong-status" | "wrong-role" | "reason-required";

export type CaseActionCheck = { ok: true; to: CaseStatus } | { ok: false; refusal: CaseActionRefusal; message: string };

/** Whether the status allows `action` and the person holds a role that may take it: what a page asks before offering it. */
export function can(name: CaseActionName, status: CaseStatus, roles: readonly CaseActorRole[]): boolean {
  return checkStatusAndRole(name, status, roles).ok;
}

/** Whether `action` may be taken now, with the reason the actor gave, and where it leads. */
export function checkCaseAction(name: CaseActionName, status: CaseStatus, roles: readonly CaseActorRole[], reason: string | null): CaseActionCheck {
  const check = checkStatusAndRole(name, status, roles);
  if (check.ok && (CASE_ACTIONS[name] as CaseAction).reasonRequired && !reason?.trim()) {
    return { ok: false, refusal: "reason-required", message: "Say why: a reason is required for this step." };
  }
  return check;
}

/** The status and role part of the check, for refusing early, before the actor's reason is weighed. */
export function checkStatusAndRole(name: CaseActionName, status: CaseStatus, roles: readonly CaseActorRole[]): CaseActionCheck {
  const action: CaseAction = CASE_ACTIONS[name];
  const to = action.moves[status];
  if (!to) return { ok: false, refusal: "wrong-status", message: action.refusal(status) };
  if (!action.roles.some((role) => roles.includes(role))) return { ok: false, refusal: "wrong-role", message: msg("You cannot take this step on this case.") };
  return { ok: true, to };
}

/** The actions a person with these roles may take on a case in this status. */
export function availableActions(status: CaseStatus, roles: readonly CaseActorRole[]): CaseActionName[] {
  return CASE_ACTION_NAMES.filter((name) => can(name, status, roles));
}

/** The statuses a case may be in for `action`: for queries that look only for the cases it applies to. */
export function statusesAllowing(name: CaseActionName): CaseStatus[] {
  return CASE_STATUSES.filter((status) => (CASE_ACTIONS[name] as CaseAction).moves[status] !== undefined);
}
