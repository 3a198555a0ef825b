/**
 * Which rule of a case's profile governs each deadline, and how a deadline
 * reads in plain words. Each kind's clock starts at its own event (filing,
 * plan notified, assignment, acceptance, oral notice, decision, a document
 * of new information); the caller
 * passes that event's instant as `start`.
 */
import type { TFunction } from "i18next";
import { formatInstant } from "~/domain/format-instant";
import type { RuleDuration, RuleSet } from "~/domain/rule-profiles";
import { translator } from "~/i18n/i18n";
import type { Locale } from "~/i18n/locales";
import { addRuleDuration, type DeadlineCalendar } from "./calendar";
import { localDateTime, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from "./time-zone";

export const DEADLINE_KINDS = [
  "eligibility",
  "planCaseFile",
  "applicantInformation",
  "informationForwarding",
  "assignment",
  "opinions",
  "decision",
  "writtenConfirmation",
  "compliance",
  "publication",
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const TRACKS = ["standard", "expedited"] as const;
export type Track = (typeof TRACKS)[number];

export const DISPUTES = ["medical_necessity", "experimental_investigational", "urgent_care"] as const;
export type Dispute = (typeof DISPUTES)[number];

/**
 * Whether the case's decision runs as two clocks: the reviewers' opinions
 * from acceptance, then the decision from the last opinion (NAIC's
 * experimental reviews, "20 + 20" days).
 */
export function decisionFollowsOpinions(rules: RuleSet, dispute: Dispute): boolean {
  return dispute === "experimental_investigational" && rules.experimentalOpinions !== undefined;
}

/**
 * The clock a move that starts the decision opens, given the clocks the case
 * already has: the opinions first where the decision follows them, the
 * decision once (a determination sent back and submitted again does not
 * restart it), else none.
 */
export function decisionClockToStart(rules: RuleSet, dispute: Dispute, existing: ReadonlySet<DeadlineKind | "offerResponse">): "opinions" | "decision" | null {
  if (existing.has("decision")) return null;
  if (decisionFollowsOpinions(rules, dispute) && !existing.has("opinions")) return "opinions";
  return "decision";
}

/**
 * The organization's own rule, not a regulator's: a decision's de-identified
 * findings are reviewed for the public library one business day after it is
 * issued (docs/rules/publication.md).
 */
export const PUBLICATION_RULE: RuleDuration = { amount: 1, unit: "business_days" };

/** The profile rule that sets the time allowed for `kind`. */
export function ruleFor(kind: DeadlineKind, rules: RuleSet, track: Track, dispute: Dispute): RuleDuration {
  switch (kind) {
    case "eligibility":
      return rules.eligibilityDecision[track];
    case "planCaseFile":
      return rules.planCaseFile[track];
    case "applicantInformation":
      return rules.applicantInformation;
    case "informationForwarding":
      return rules.informationForwarding;
    case "assignment":
      return rules.reviewerAssignment;
    case "opinions":
      if (!rules.experimentalOpinions) throw new RangeError("This profile gives the reviewers' opinions no clock of their own");
      return rules.experimentalOpinions[track];
    case "decision":
      return dispute === "experimental_investigational" ? rules.experimentalDecision[track] : rules.decision[track];
    case "writtenConfirmation":
      return rules.writtenConfirmation;
    case "compliance":
      return rules.compliance;
    case "publication":
      return PUBLICATION_RULE;
    default: {
      const never: never = kind;
      throw new RangeError(`Unknown deadline kind: ${String(never)}`);
    }
  }
}

export function computeDeadline(kind: DeadlineKind, rules: RuleSet, track: Track, dispute: Dispute, start: Date, calendar: DeadlineCalendar): Date {
  return addRuleDuration(start, ruleFor(kind, rules, track, dispute), calendar);
}

/**
 * Every kind the profile sets, counted from the same `start`: a preview; real
 * clocks start at different events. The publication review is the
 * organization's own step after the decision, not the profile's: left out.
 */
export function computeAllDeadlines(
  rules: RuleSet,
  track: Track,
  dispute: Dispute,
  start: Date,
  calendar: DeadlineCalendar,
): Partial<Record<DeadlineKind, Date>> {
  const result: Partial<Record<DeadlineKind, Date>> = {};
  for (const kind of DEADLINE_KINDS) {
    if (kind === "publication" || (kind === "opinions" && !decisionFollowsOpinions(rules, dispute))) continue;
    result[kind] = computeDeadline(kind, rules, track, dispute, start, calendar);
  }
  return result;
}

// ---------------------------------------------------------------------------
// Plain words.

// People know US zones by their generic names, which stay right across DST.
const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  "America/New_York": "ET",
  "US/Eastern": "ET",
  "America/Chicago": "CT",
  "US/Central": "CT",
  "America/Denver": "MT",
  "US/Mountain": "MT",
  "America/Los_Angeles": "PT",
  "US/Pacific": "PT",
};

const shortNameFormatters = new Map<string, Intl.DateTimeFormat>();

/** "ET", "CT", "MT", "PT" for the main US zones, otherwise Intl's short name at `instant` (e.g. "MST", "GMT+1"). */
export function zoneAbbreviation(timeZone: string, instant: Date): string {
  const known = ZONE_ABBREVIATIONS[timeZone];
  if (known !== undefined) return known;
  let formatter = shortNameFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" });
    shortNameFormatters.set(timeZone, formatter);
  }
  return formatter.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/**
 * "Tue 6 Jan 2027, 11:59 PM ET". Built by hand rather than with Intl, whose
 * en-US output changes between ICU versions (e.g. a narrow no-break space before "PM").
 */
export function formatDeadlineTime(due: Date, timeZone: string, locale: Locale = "en"): string {
  // Spanish reads its own way ("sáb 5 dic 2026, 11:59 p. m. ET"), as every Spanish page writes an instant.
  if (locale === "es") return formatInstant(due, timeZone, "dateTime", "es");
  const t = localDateTime(due, timeZone);
  const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  const minute = t.minute < 10 ? `0${t.minute}` : String(t.minute);
  return `${WEEKDAYS[t.weekday] ?? ""} ${t.day} ${MONTHS[t.month - 1] ?? ""} ${t.year}, ${hour12}:${minute} ${t.hour < 12 ? "AM" : "PM"} ${zoneAbbreviation(timeZone, due)}`;
}

/** Whole days, else whole hours, else whole minutes, rounded down so the time left is never overstated. */
function roughDuration(ms: number): { unit: "day" | "hour" | "minute"; count: number } | null {
  if (ms >= MS_PER_DAY) return { unit: "day", count: Math.floor(ms / MS_PER_DAY) };
  if (ms >= MS_PER_HOUR) return { unit: "hour", count: Math.floor(ms / MS_PER_HOUR) };
  if (ms >= MS_PER_MINUTE) return { unit: "minute", count: Math.floor(ms / MS_PER_MINUTE) };
  return null;
}

/** "12 days left", "5 hours left", "overdue by 2 days"… The deadline itself still counts as on time. In the reader's language when given its `t`. */
export function timeLeftText(due: Date, now: Date, t: TFunction = translator("en")): string {
  const diff = due.getTime() - now.getTime();
  const duration = roughDuration(Math.abs(diff));
  if (diff >= 0) {
    if (!duration) return t("less than a minute left");
    const { count } = duration;
    if (duration.unit === "day") return t("{count, plural, one {# day left} other {# days left}}", { count });
    if (duration.unit === "hour") return t("{count, plural, one {# hour left} other {# hours left}}", { count });
    return t("{count, plural, one {# minute left} other {# minutes left}}", { count });
  }
  if (!duration) return t("overdue by less than a minute");
  const { count } = duration;
  if (duration.unit === "day") return t("{count, plural, one {overdue by # day} other {overdue by # days}}", { count });
  if (duration.unit === "hour") return t("{count, plural, one {overdue by # hour} other {overdue by # hours}}", { count });
  return t("{count, plural, one {overdue by # minute} other {overdue by # minutes}}", { count });
}

/** e.g. "Decision due by Wed 6 Jan 2027, 11:59 PM ET — 12 days left". */
export function describeDeadline(due: Date, now: Date, timeZone: string, label: string): string {
  return `${label} due by ${formatDeadlineTime(due, timeZone)} — ${timeLeftText(due, now)}`;
}

/**
 * Share of the time allowed that has passed: 0 at start (or before), 1 at the
 * deadline, above 1 once overdue.
 */
export function fractionElapsed(start: Date, due: Date, now: Date): number {
  const total = due.getTime() - start.getTime();
  const elapsed = now.getTime() - start.getTime();
  // A zero-length allowance is all used up the moment it starts.
  if (total <= 0) return now.getTime() >= due.getTime() ? 1 : 0;
  return Math.max(0, elapsed / total);
}

/** A deadline is at risk once less than this share of its time is left. */
const AT_RISK_TIME_LEFT = 0.2;

export type DeadlineState = "on_track" | "at_risk" | "overdue";

export function deadlineState(start: Date, due: Date, now: Date): DeadlineState {
  if (now.getTime() > due.getTime()) return "overdue";
  return fractionElapsed(start, due, now) > 1 - AT_RISK_TIME_LEFT ? "at_risk" : "on_track";
}
