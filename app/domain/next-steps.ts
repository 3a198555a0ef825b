/**
 * What happens next on a case and by when, and how each of its deadlines
 * reads, in the words each party is shown. Pure: the caller passes the
 * case's deadline rows, the organization's time zone and the instant.
 */
import type { TFunction } from "i18next";
import { translateMessage, translator } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import { msg } from "~/i18n/msg";
import type { CaseStatus } from "./case-status";
import { deadlineState, formatDeadlineTime, timeLeftText, type DeadlineKind } from "./deadlines/case-deadlines";
import { DEADLINE_LABELS, type ResponsibleParty } from "./deadlines/lifecycle";
import type { Role } from "./roles";

/** Who is looking at the case: administrators have no case pages. */
export type Viewer = Exclude<Role, "ADMIN">;
type ClockKind = DeadlineKind | "offerResponse";
export type Outcome = "UPHELD" | "OVERTURNED" | "OVERTURNED_IN_PART";

export interface OpenClock {
  kind: ClockKind;
  responsible: ResponsibleParty;
  dueAt: Date;
}

export interface NextStepInput {
  status: CaseStatus;
  viewer: Viewer;
  /** The case's open deadlines (any order). */
  openClocks: readonly OpenClock[];
  outcome?: Outcome | null;
  timeZone: string;
  now: Date;
  /** The reader's language: the applicant's; staff and plans read English. */
  locale?: Locale;
}

/** What the decision means, said to each party. */
const OUTCOME_WORDS: Record<Outcome, Record<"APPLICANT" | "OTHERS", string>> = {
  UPHELD: {
    APPLICANT: msg("The denial is upheld: the independent reviewer agreed with your health plan, so the plan does not have to provide the service."),
    OTHERS: "The denial is upheld: the independent reviewer agreed with the plan.",
  },
  OVERTURNED: {
    APPLICANT: msg("The denial is overturned: your health plan must approve or pay for the service."),
    OTHERS: "The denial is overturned: the plan must approve or pay for the service.",
  },
  OVERTURNED_IN_PART: {
    APPLICANT: msg("The denial is overturned in part: your health plan must approve or pay for the part the decision letter names."),
    OTHERS: "The denial is overturned in part: the plan must approve or pay for the part the decision letter names.",
  },
};

/** The result in a few words, the way a decision's headline reads it: the denial's fate. */
export const OUTCOME_HEADLINES: Record<Outcome, string> = {
  UPHELD: msg("Denial upheld"),
  OVERTURNED: msg("Denial overturned"),
  OVERTURNED_IN_PART: msg("Denial overturned in part"),
};

/** In the applicant's language when given its `t` (the applicant's words are in the catalog). */
export function outcomeWords(outcome: Outcome, viewer: Viewer, t: TFunction = translator("en")): string {
  return translateMessage(t, OUTCOME_WORDS[outcome][viewer === "APPLICANT" ? "APPLICANT" : "OTHERS"]);
}

/** The applicant's sentences are written with `t`, in their language; the others read English. */
type Sentences = (clocks: Clocks, t: TFunction) => (string | null)[];
interface Clocks {
  /** `sentence(time)` for the earliest open clock of `kind` (and party), or a "late" sentence once it has passed; null without one. */
  by(kind: ClockKind, sentence: (time: string) => string, responsible?: ResponsibleParty): string | null;
  has(kind: ClockKind, responsible?: ResponsibleParty): boolean;
  outcome: Outcome | null;
}

const APPLICANT: Record<CaseStatus, Sentences> = {
  DRAFT: (_c, t) => [t("Your request is not filed yet. Finish it and submit it when you are ready; nothing is due until then.")],
  SUBMITTED: (c, t) => [
    t("We received your request. A coordinator will check that it can be reviewed."),
    c.by("eligibility", (time) => t("We will tell you by {time}.", { time })),
  ],
  ELIGIBILITY_REVIEW: (c, t) => [
    t("A coordinator is checking that your request can be reviewed."),
    c.by("eligibility", (time) => t("We will tell you by {time}.", { time })),
  ],
  ACCEPTED: (c, t) => [
    t("Your request was accepted. We are asking your health plan for its records and finding an independent doctor with no ties to your plan to review it."),
    c.by("decision", (time) => t("The decision is due by {time}.", { time })),
  ],
  IN_REVIEW: (c, t) => [t("An independent doctor is reviewing your case."), c.by("decision", (time) => t("The decision is due by {time}.", { time }))],
  DETERMINED: (c, t) => [
    t("The reviewer has finished. We are checking the decision letter before we send it."),
    c.by("decision", (time) => t("The decision is due by {time}.", { time })),
  ],
  DECIDED: (c, t) => [
    t("The decision was issued; the letter is below."),
    c.outcome ? outcomeWords(c.outcome, "APPLICANT", t) : null,
    c.by("compliance", (time) => t("Your plan must confirm it did so by {time}.", { time })),
  ],
  CLOSED: (c, t) => [
    t("The review is finished and the case is closed; the decision letter is below."),
    c.outcome ? outcomeWords(c.outcome, "APPLICANT", t) : null,
  ],
  INELIGIBLE: (_c, t) => [t("Your request could not be accepted for review. The notice we sent explains why and how to contest the decision.")],
  REVERSED_BY_PLAN: (_c, t) => [t("Your health plan approved the service itself, so the review ended. Contact your plan if you have not heard from it.")],
  WITHDRAWN: (_c, t) => [t("You withdrew this request. The review has stopped and nothing more is due.")],
};

const COORDINATOR: Record<CaseStatus, Sentences> = {
  DRAFT: () => ["The applicant has not filed this request yet."],
  SUBMITTED: (c) => ["Check eligibility, then accept the request or find it ineligible.", c.by("eligibility", (time) => `Due by ${time}.`)],
  ELIGIBILITY_REVIEW: (c) => ["Finish the eligibility check, then accept the request or find it ineligible.", c.by("eligibility", (time) => `Due by ${time}.`)],
  ACCEPTED: (c) => [
    "Offer the case to a qualified reviewer.",
    c.by("assignment", (time) => `Assign a reviewer by ${time}.`),
    c.by("decision", (time) => `The decision is due by ${time}.`),
  ],
  IN_REVIEW: (c) => ["The reviewer is writing the determination.", c.by("decision", (time) => `The decision is due by ${time}.`)],
  DETERMINED: (c) => ["Run the quality review, then issue the decision.", c.by("decision", (time) => `The decision is due by ${time}.`)],
  DECIDED: (c) => [
    c.outcome ? outcomeWords(c.outcome, "COORDINATOR") : "The decision was issued.",
    c.by("writtenConfirmation", (time) => `Send the written decision letter by ${time}.`),
    c.by("compliance", (time) => `The plan must confirm compliance by ${time}.`),
  ],
  CLOSED: () => ["The case is closed."],
  INELIGIBLE: () => ["The request was found ineligible; nothing more is due."],
  REVERSED_BY_PLAN: () => ["The plan reversed its denial; the review ended."],
  WITHDRAWN: () => ["The applicant withdrew the request; every clock stopped."],
};

const REVIEWER: Record<CaseStatus, Sentences> = {
  DRAFT: () => ["This case is not ready for review."],
  SUBMITTED: () => ["This case is not ready for review."],
  ELIGIBILITY_REVIEW: () => ["This case is not ready for review."],
  ACCEPTED: (c) =>
    c.has("offerResponse")
      ? ["You were offered this case.", c.by("offerResponse", (time) => `Accept or decline by ${time}.`)]
      : ["The case is waiting for its reviewers."],
  IN_REVIEW: (c) => ["Submit your determination.", c.by("decision", (time) => `The decision is due by ${time}.`)],
  DETERMINED: () => ["Your determination is with the coordinator for quality review."],
  DECIDED: (c) => [c.outcome ? outcomeWords(c.outcome, "REVIEWER") : "The decision was issued."],
  CLOSED: () => ["The case is closed."],
  INELIGIBLE: () => ["The review ended: the request was found ineligible."],
  REVERSED_BY_PLAN: () => ["The review ended: the plan reversed its denial."],
  WITHDRAWN: () => ["The review ended: the applicant withdrew the request."],
};

const PLAN: Record<CaseStatus, Sentences> = {
  DRAFT: () => ["The applicant has not filed this request yet."],
  SUBMITTED: (c) => [
    "The review organization is checking that the request can be reviewed. You may send an objection.",
    c.by("eligibility", (time) => `It will decide by ${time}.`),
  ],
  ELIGIBILITY_REVIEW: (c) => [
    "The review organization is checking that the request can be reviewed. You may send an objection.",
    c.by("eligibility", (time) => `It will decide by ${time}.`),
  ],
  ACCEPTED: (c) => [
    c.has("planCaseFile") ? "The request was accepted for review: upload your case file." : "The request was accepted for review.",
    c.by("planCaseFile", (time) => `Your case file is due by ${time}.`),
    c.by("decision", (time) => `The decision is due by ${time}.`),
  ],
  IN_REVIEW: (c) => ["An independent reviewer is reviewing the case.", c.by("decision", (time) => `The decision is due by ${time}.`)],
  DETERMINED: (c) => ["The decision is being finalised.", c.by("decision", (time) => `It is due by ${time}.`)],
  DECIDED: (c) => [
    c.outcome ? outcomeWords(c.outcome, "PLAN") : "The decision was issued.",
    c.by("compliance", (time) => `Confirm that you approved or paid for the service by ${time}.`),
  ],
  CLOSED: () => ["The case is closed."],
  INELIGIBLE: () => ["The request was found ineligible; nothing more is due from you."],
  REVERSED_BY_PLAN: () => ["You reversed your denial; the review ended."],
  WITHDRAWN: () => ["The applicant withdrew the request; nothing more is due from you."],
};

const SENTENCES: Record<Viewer, Record<CaseStatus, Sentences>> = { APPLICANT, COORDINATOR, REVIEWER, PLAN };

/** The requests for information a party must answer, whatever the case's stage. */
const INFORMATION_ASKED: Partial<Record<Viewer, { party: ResponsibleParty; sentence: (time: string, t: TFunction) => string }>> = {
  APPLICANT: { party: "APPLICANT", sentence: (time, t) => t("We need more information from you: answer our request below by {time}.", { time }) },
  PLAN: { party: "PLAN", sentence: (time) => `The review organization asked you for information: answer by ${time}.` },
};

/**
 * e.g. "A coordinator is checking that your request can be reviewed. We will
 * tell you by Tue 1 Dec 2026, 11:59 PM ET."
 */
export function nextStepText(input: NextStepInput): string {
  const locale = input.locale ?? "en";
  const t = translator(locale);
  const earliest = (kind: ClockKind, responsible?: ResponsibleParty) =>
    input.openClocks
      .filter((clock) => clock.kind === kind && (responsible === undefined || clock.responsible === responsible))
      .reduce<OpenClock | undefined>((first, clock) => (!first || clock.dueAt < first.dueAt ? clock : first), undefined);
  const clocks: Clocks = {
    outcome: input.outcome ?? null,
    has: (kind, responsible) => earliest(kind, responsible) !== undefined,
    by: (kind, sentence, responsible) => {
      const clock = earliest(kind, responsible);
      if (!clock) return null;
      const time = formatDeadlineTime(clock.dueAt, input.timeZone, locale);
      if (clock.dueAt >= input.now) return sentence(time);
      return t("{deadline} was due by {time} and is late ({late}).", {
        deadline: translateMessage(t, DEADLINE_LABELS[kind]),
        time,
        late: timeLeftText(clock.dueAt, input.now, t),
      });
    },
  };
  const asked = INFORMATION_ASKED[input.viewer];
  const information = asked ? clocks.by("applicantInformation", (time) => asked.sentence(time, t), asked.party) : null;
  return [information, ...SENTENCES[input.viewer][input.status](clocks, t)].filter((sentence): sentence is string => !!sentence).join(" ");
}

// ---------------------------------------------------------------------------
// A case's deadlines, one line each.

type DeadlineRowStatus = "OPEN" | "MET" | "MISSED" | "STOPPED";

export interface DeadlineRow {
  kind: ClockKind;
  status: DeadlineRowStatus;
  responsible: ResponsibleParty;
  startedAt: Date;
  dueAt: Date;
  closedAt: Date | null;
}

export type DeadlineLineState = "on_track" | "at_risk" | "overdue" | "met" | "missed" | "stopped";

export const DEADLINE_LINE_STATE_LABELS: Record<DeadlineLineState, string> = {
  on_track: msg("Open"),
  at_risk: msg("Due soon"),
  overdue: msg("Overdue"),
  met: msg("Met"),
  missed: msg("Missed"),
  stopped: msg("Stopped"),
};

/** A piece of a deadline's line: words, or an instant for the page to show in its own form (short in a table). */
export type DeadlinePart = string | { at: Date };

export interface DeadlineLine {
  label: string;
  /** The line with its instants written out in full: for sentences, emails and anywhere outside a table. */
  text: string;
  /** The same line with its instants left as instants. */
  parts: DeadlinePart[];
  state: DeadlineLineState;
}

/**
 * The words of a deadline's line around its instants, for every status: one
 * message each, whose {due} and {closed} are cut out for the instants.
 */
function deadlineParts(row: DeadlineRow, label: string, now: Date, t: TFunction): DeadlinePart[] {
  const values = { deadline: label, due: "{due}", closed: "{closed}", left: timeLeftText(row.dueAt, now, t) };
  const text = (() => {
    switch (row.status) {
      case "OPEN":
        return t("{deadline} due by {due} — {left}", values);
      case "MET":
        return row.closedAt ? t("{deadline} met on {closed} (due by {due})", values) : t("{deadline} met (due by {due})", values);
      case "MISSED":
        return row.closedAt ? t("{deadline} missed: due by {due}, done on {closed}", values) : t("{deadline} missed: due by {due}", values);
      case "STOPPED":
        return row.closedAt ? t("{deadline} stopped on {closed} when the review ended", values) : t("{deadline} stopped when the review ended", values);
    }
  })();
  const instants: Record<string, Date | null> = { "{due}": row.dueAt, "{closed}": row.closedAt };
  return text
    .split(/(\{due\}|\{closed\})/)
    .filter((piece) => piece !== "")
    .map((piece) => {
      const at = instants[piece];
      return at ? { at } : piece;
    });
}

const LINE_STATES: Record<Exclude<DeadlineRowStatus, "OPEN">, DeadlineLineState> = { MET: "met", MISSED: "missed", STOPPED: "stopped" };

/**
 * "Decision due by Tue 6 Jan 2027, 11:59 PM ET — 12 days left",
 * "Eligibility decision met on Tue 24 Nov 2026, 9:00 AM ET (due by …)",
 * "Decision missed: due by …, done on …", "Plan case file stopped on … when the review ended".
 */
export function deadlineLine(row: DeadlineRow, now: Date, timeZone: string, locale: Locale = "en"): DeadlineLine {
  const t = translator(locale);
  const label = translateMessage(t, DEADLINE_LABELS[row.kind]);
  const parts = deadlineParts(row, label, now, t);
  const text = parts.map((part) => (typeof part === "string" ? part : formatDeadlineTime(part.at, timeZone, locale))).join("");
  const state = row.status === "OPEN" ? deadlineState(row.startedAt, row.dueAt, now) : LINE_STATES[row.status];
  return { label, text, parts, state };
}

/** Who must act before a clock runs out, said to the person looking. */
export function responsibleWords(party: ResponsibleParty, viewer: Viewer): string {
  switch (party) {
    case "APPLICANT":
      return viewer === "APPLICANT" ? msg("You") : "The applicant";
    case "PLAN":
      return viewer === "PLAN" ? "You" : viewer === "APPLICANT" ? msg("Your health plan") : "The health plan";
    case "ORGANIZATION":
      return viewer === "COORDINATOR" ? "Coordinators" : msg("The review organization");
    case "REVIEWER":
      return viewer === "REVIEWER" ? "You" : msg("The reviewer");
  }
}

/** One line of a case's deadline list, ready for the page (plain, serialisable). */
export interface DeadlineItem {
  id: string;
  text: string;
  parts: DeadlinePart[];
  responsible: string;
  state: DeadlineLineState;
}

/** A case's deadlines in the order a reader needs them: running ones by due time, then ended ones, latest first. */
export function deadlineItems(
  rows: readonly (DeadlineRow & { id: string })[],
  viewer: Viewer,
  now: Date,
  timeZone: string,
  locale: Locale = "en",
): DeadlineItem[] {
  const t = translator(locale);
  const open = rows.filter((row) => row.status === "OPEN").sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const ended = rows.filter((row) => row.status !== "OPEN").sort((a, b) => (b.closedAt ?? b.dueAt).getTime() - (a.closedAt ?? a.dueAt).getTime());
  return [...open, ...ended].map((row) => {
    const line = deadlineLine(row, now, timeZone, locale);
    return { id: row.id, text: line.text, parts: line.parts, responsible: translateMessage(t, responsibleWords(row.responsible, viewer)), state: line.state };
  });
}
