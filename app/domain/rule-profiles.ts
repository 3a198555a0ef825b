/**
 * The rules of each jurisdiction as data (docs/rules/rule-profiles.md, "The three profiles"). The
 * seed stores these as the first version of each profile; later versions are
 * rows an admin creates, and a case keeps the version it was filed under.
 */
import { msg } from "~/i18n/msg";
import { parseLocalDate, weekdayOfLocalDate, type LocalDate } from "./deadlines/time-zone";

export type DurationUnit = "hours" | "calendar_days" | "business_days" | "months" | "years";
export interface RuleDuration {
  amount: number;
  unit: DurationUnit;
}
interface TrackDurations {
  standard: RuleDuration;
  expedited: RuleDuration;
}
export interface RuleSet {
  filingWindow: RuleDuration;
  eligibilityDecision: TrackDurations;
  planCaseFile: TrackDurations;
  applicantInformation: RuleDuration;
  /** New information from the applicant after acceptance reaches the plan within this time. */
  informationForwarding: RuleDuration;
  reviewerAssignment: RuleDuration;
  decision: TrackDurations;
  /**
   * When set, an experimental or investigational review runs two clocks
   * (NAIC Model Act §10): the reviewers' opinions, counted from acceptance,
   * then `experimentalDecision`, counted from the last opinion. Without it,
   * `experimentalDecision` is one clock from acceptance.
   */
  experimentalOpinions?: TrackDurations;
  experimentalDecision: TrackDurations;
  writtenConfirmation: RuleDuration;
  compliance: RuleDuration;
  recordRetention: RuleDuration;
}
export const RULE_PROFILE_CODES = ["naic", "federal", "california"] as const;
export type RuleProfileCode = (typeof RULE_PROFILE_CODES)[number];

const d = (amount: number, unit: DurationUnit): RuleDuration => ({ amount, unit });

export interface RuleProfileSeed {
  code: RuleProfileCode;
  name: string;
  /** The regulator as the portal first words it (catalog messages: a Spanish letter states them in Spanish until an administrator rewords them). */
  regulatorName: string;
  regulatorContact: string;
  rules: RuleSet;
}

export const INITIAL_RULE_PROFILES: readonly RuleProfileSeed[] = [
  {
    code: "naic",
    name: "NAIC Uniform Health Carrier External Review Model Act",
    regulatorName: msg("State Department of Insurance"),
    regulatorContact: msg(
      "National Association of Insurance Commissioners, which lists every state's insurance department and its consumer line: content.naic.org/state-insurance-departments, 1-816-842-3600",
    ),
    rules: {
      filingWindow: d(4, "months"),
      eligibilityDecision: { standard: d(5, "business_days"), expedited: d(24, "hours") },
      planCaseFile: { standard: d(5, "business_days"), expedited: d(24, "hours") },
      applicantInformation: d(5, "business_days"),
      informationForwarding: d(1, "business_days"),
      reviewerAssignment: d(1, "business_days"),
      decision: { standard: d(45, "calendar_days"), expedited: d(72, "hours") },
      // 20 days for the opinions, then 20 to decide (expedited: 5 days, then 48 hours).
      experimentalOpinions: { standard: d(20, "calendar_days"), expedited: d(5, "calendar_days") },
      experimentalDecision: { standard: d(20, "calendar_days"), expedited: d(48, "hours") },
      writtenConfirmation: d(48, "hours"),
      compliance: d(1, "business_days"),
      recordRetention: d(3, "years"),
    },
  },
  {
    code: "federal",
    name: "Federal external review (45 CFR 147.136)",
    regulatorName: msg("U.S. Department of Health and Human Services"),
    regulatorContact: msg("HHS federal external review assistance, 1-888-866-6205, www.healthcare.gov/appeal-insurance-company-decision/external-review"),
    rules: {
      filingWindow: d(4, "months"),
      eligibilityDecision: { standard: d(5, "business_days"), expedited: d(24, "hours") },
      planCaseFile: { standard: d(5, "business_days"), expedited: d(24, "hours") },
      applicantInformation: d(10, "business_days"),
      informationForwarding: d(1, "business_days"),
      reviewerAssignment: d(1, "business_days"),
      decision: { standard: d(45, "calendar_days"), expedited: d(72, "hours") },
      experimentalDecision: { standard: d(45, "calendar_days"), expedited: d(72, "hours") },
      writtenConfirmation: d(48, "hours"),
      compliance: d(1, "business_days"),
      recordRetention: d(6, "years"),
    },
  },
  {
    code: "california",
    name: "California Knox-Keene Independent Medical Review (DMHC)",
    regulatorName: msg("California Department of Managed Health Care"),
    regulatorContact: msg("DMHC Help Center, 1-888-466-2219 (TDD 1-877-688-9891), www.dmhc.ca.gov"),
    rules: {
      filingWindow: d(6, "months"),
      eligibilityDecision: { standard: d(7, "calendar_days"), expedited: d(48, "hours") },
      planCaseFile: { standard: d(3, "business_days"), expedited: d(24, "hours") },
      applicantInformation: d(5, "business_days"),
      informationForwarding: d(1, "business_days"),
      reviewerAssignment: d(1, "business_days"),
      decision: { standard: d(30, "calendar_days"), expedited: d(72, "hours") },
      experimentalDecision: { standard: d(30, "calendar_days"), expedited: d(7, "calendar_days") },
      writtenConfirmation: d(48, "hours"),
      compliance: d(5, "business_days"),
      recordRetention: d(3, "years"),
    },
  },
];

// ---------------------------------------------------------------------------
// The rules in plain words, and what an admin may set each one to.

const UNIT_WORDS: Readonly<Record<DurationUnit, { one: string; many: string }>> = {
  hours: { one: "hour", many: "hours" },
  calendar_days: { one: "calendar day", many: "calendar days" },
  business_days: { one: "business day", many: "business days" },
  months: { one: "month", many: "months" },
  years: { one: "year", many: "years" },
};

/** "hours", "business days"… for a unit picker. */
export function unitLabel(unit: DurationUnit): string {
  return UNIT_WORDS[unit].many;
}

/** "5 business days", "1 business day", "72 hours". */
export function describeDuration(duration: RuleDuration): string {
  const words = UNIT_WORDS[duration.unit];
  return `${duration.amount} ${duration.amount === 1 ? words.one : words.many}`;
}

/**
 * The largest amount an admin may set per unit: far beyond any regulator's
 * rule, but small enough that a typo (4500 days) is caught.
 */
export const MAX_AMOUNT: Readonly<Record<DurationUnit, number>> = {
  hours: 720,
  calendar_days: 366,
  business_days: 260,
  months: 60,
  years: 30,
};

type RuleKey = keyof RuleSet;
export type TrackKey = keyof TrackDurations;

export interface RuleDefinition {
  key: RuleKey;
  label: string;
  /** Standard and expedited tracks each have their own duration. */
  tracks: boolean;
  units: readonly DurationUnit[];
  /** For a rule a profile may leave out: what its absence means, in plain words. */
  whenAbsent?: string;
}

const SHORT: readonly DurationUnit[] = ["hours", "calendar_days", "business_days"];

/** Every rule of a RuleSet in the order of docs/rules/rule-profiles.md, "The rules of each profile". */
export const RULE_DEFINITIONS: readonly RuleDefinition[] = [
  { key: "filingWindow", label: "Filing window after the final denial", tracks: false, units: ["calendar_days", "months"] },
  { key: "eligibilityDecision", label: "Eligibility decision after filing", tracks: true, units: SHORT },
  { key: "planCaseFile", label: "Plan case file due after the plan is notified", tracks: true, units: SHORT },
  {
    key: "applicantInformation",
    label: "Applicant's additional information window after assignment",
    tracks: false,
    units: ["calendar_days", "business_days"],
  },
  { key: "informationForwarding", label: "Applicant's new information forwarded to the plan", tracks: false, units: SHORT },
  { key: "reviewerAssignment", label: "Reviewer assigned after acceptance", tracks: false, units: SHORT },
  { key: "decision", label: "Decision due after acceptance", tracks: true, units: SHORT },
  {
    key: "experimentalOpinions",
    label: "Reviewers' opinions due, experimental or investigational treatment",
    tracks: true,
    units: SHORT,
    whenAbsent: "none: one decision clock from acceptance",
  },
  {
    key: "experimentalDecision",
    label: "Decision due, experimental or investigational treatment (after the opinions, when they have their own clock)",
    tracks: true,
    units: SHORT,
  },
  { key: "writtenConfirmation", label: "Written letter after an expedited oral or electronic notice", tracks: false, units: SHORT },
  { key: "compliance", label: "Plan must comply with an overturn", tracks: false, units: SHORT },
  { key: "recordRetention", label: "Records kept after closing", tracks: false, units: ["months", "years"] },
];

export const TRACK_LABELS: Readonly<Record<TrackKey, string>> = { standard: "Standard", expedited: "Expedited" };

/** One duration of a rule: the whole rule, or one track of it. */
export interface RuleDurationSlot {
  rule: RuleDefinition;
  track: TrackKey | null;
  /** Form field names, flat so the browser and the server read them alike. */
  amountField: string;
  unitField: string;
}

export const RULE_DURATION_SLOTS: readonly RuleDurationSlot[] = RULE_DEFINITIONS.flatMap((rule) =>
  (rule.tracks ? (["standard", "expedited"] as const) : [null]).map((track) => {
    const base = track ? `${rule.key}-${track}` : rule.key;
    return { rule, track, amountField: `${base}-amount`, unitField: `${base}-unit` };
  }),
);

/** The duration of one slot in a rule set; null for a rule the profile leaves out. */
export function durationIn(rules: RuleSet, slot: Pick<RuleDurationSlot, "rule" | "track">): RuleDuration | null {
  const value = rules[slot.rule.key];
  if (value === undefined) return null;
  return slot.track && "standard" in value ? value[slot.track] : (value as RuleDuration);
}

/** "5 business days", or "Standard: 30 calendar days; expedited: 72 hours". */
export function describeRule(rules: RuleSet, rule: RuleDefinition): string {
  const value = rules[rule.key];
  if (value === undefined) return rule.whenAbsent ?? "none";
  if (!("standard" in value)) return describeDuration(value);
  return `Standard: ${describeDuration(value.standard)}; expedited: ${describeDuration(value.expedited)}`;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "Tue 12 May 2026" for an effective date or a holiday (built by hand: Intl's output varies between ICU versions). */
export function formatLocalDate(date: LocalDate): string {
  const { year, month, day } = parseLocalDate(date);
  return `${WEEKDAYS[weekdayOfLocalDate(date)] ?? ""} ${day} ${MONTHS[month - 1] ?? ""} ${year}`;
}
