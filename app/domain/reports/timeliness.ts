/**
 * The timeliness report (docs/rules/records-audit-reports.md, "Timeliness report"): of the
 * cases decided in a range, how many were decided by their decision
 * deadline, and how long deciding took, per rule profile, track and type of
 * dispute. Pure: the server hands in the decided cases.
 */
import { daysInMonth, formatCivilDate, type LocalDate, MS_PER_DAY, parseLocalDate } from "~/domain/deadlines/time-zone";
import { toCsv } from "./csv";
import { DISPUTE_TYPE_LABELS, DISPUTE_TYPES, type DisputeTypeCode, NOT_RECORDED, TRACK_LABELS, TRACKS, type TrackCode } from "./labels";

/** Local dates in the organization's time zone, both days included. */
export interface DateRange {
  from: LocalDate;
  to: LocalDate;
}

/** The last whole calendar month before `today`: the report's default. */
export function lastFullMonth(today: LocalDate): DateRange {
  const { year, month } = parseLocalDate(today);
  const y = month === 1 ? year - 1 : year;
  const m = month === 1 ? 12 : month - 1;
  return { from: formatCivilDate(y, m, 1), to: formatCivilDate(y, m, daysInMonth(y, m)) };
}

export function yearToDate(today: LocalDate): DateRange {
  return { from: formatCivilDate(parseLocalDate(today).year, 1, 1), to: today };
}

/**
 * The value below which the share `p` (0 to 1) of the values lies,
 * interpolated between the two nearest ranks as PostgreSQL's percentile_cont
 * does; null when there are no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`A percentile is between 0 and 1, not ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const below = sorted[Math.floor(position)]!;
  const above = sorted[Math.ceil(position)]!;
  return below + (above - below) * (position - Math.floor(position));
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}

/** Days, to one decimal, as the report shows them. */
export function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Elapsed time in days (24-hour periods), not calendar dates. */
export function elapsedDays(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / MS_PER_DAY;
}

/** One decided case, as much as the report needs of it. */
export interface DecidedCase {
  profileCode: string;
  track: TrackCode;
  disputeType: DisputeTypeCode | null;
  /** When the decision clock started: the case's acceptance. Null for a case decided without one. */
  clockStartedAt: Date | null;
  decidedAt: Date;
  /** How the decision clock ended: met, missed (the case was decided late), or neither. */
  decisionClock: "MET" | "MISSED" | null;
}

export interface TimelinessFigures {
  decided: number;
  onTime: number;
  late: number;
  /** Of the cases whose decision clock was met or missed, the percentage met, to one decimal. */
  onTimePercent: number | null;
  /** From the start of the decision clock to the decision, in days to one decimal. */
  medianDays: number | null;
  p95Days: number | null;
}

export interface TimelinessGroup extends TimelinessFigures {
  profileCode: string;
  track: TrackCode;
  disputeType: DisputeTypeCode | null;
}

export function timelinessFigures(cases: readonly DecidedCase[]): TimelinessFigures {
  const onTime = cases.filter((kase) => kase.decisionClock === "MET").length;
  const late = cases.filter((kase) => kase.decisionClock === "MISSED").length;
  const days = cases.flatMap((kase) => (kase.clockStartedAt ? [elapsedDays(kase.clockStartedAt, kase.decidedAt)] : []));
  const rounded = (value: number | null) => (value === null ? null : roundToTenth(value));
  return {
    decided: cases.length,
    onTime,
    late,
    onTimePercent: onTime + late === 0 ? null : roundToTenth((100 * onTime) / (onTime + late)),
    medianDays: rounded(median(days)),
    p95Days: rounded(percentile(days, 0.95)),
  };
}

const disputeOrder = (dispute: DisputeTypeCode | null) => (dispute === null ? DISPUTE_TYPES.length : DISPUTE_TYPES.indexOf(dispute));

/** The figures per rule profile, track and type of dispute, in that order. */
export function timelinessByGroup(cases: readonly DecidedCase[]): TimelinessGroup[] {
  const groups = new Map<string, { key: Omit<TimelinessGroup, keyof TimelinessFigures>; cases: DecidedCase[] }>();
  for (const kase of cases) {
    const id = `${kase.profileCode}|${kase.track}|${kase.disputeType ?? ""}`;
    const group = groups.get(id) ?? { key: { profileCode: kase.profileCode, track: kase.track, disputeType: kase.disputeType }, cases: [] };
    group.cases.push(kase);
    groups.set(id, group);
  }
  return [...groups.values()]
    .map((group) => ({ ...group.key, ...timelinessFigures(group.cases) }))
    .sort(
      (a, b) =>
        a.profileCode.localeCompare(b.profileCode) ||
        TRACKS.indexOf(a.track) - TRACKS.indexOf(b.track) ||
        disputeOrder(a.disputeType) - disputeOrder(b.disputeType),
    );
}

export function disputeTypeLabel(dispute: DisputeTypeCode | null): string {
  return dispute ? DISPUTE_TYPE_LABELS[dispute] : NOT_RECORDED;
}

/** Days as the report prints them: always one decimal. */
export function formatDays(days: number | null): string | null {
  return days === null ? null : days.toFixed(1);
}

const TIMELINESS_CSV_HEADER = [
  "Rule profile code",
  "Rule profile",
  "Track",
  "Dispute type",
  "Decided",
  "Decided on time",
  "Decided late",
  "On time (%)",
  "Median days",
  "95th percentile days",
] as const;

export function timelinessCsv(groups: readonly (TimelinessGroup & { profileName: string })[]): string {
  return toCsv(
    TIMELINESS_CSV_HEADER,
    groups.map((group) => [
      group.profileCode,
      group.profileName,
      TRACK_LABELS[group.track],
      disputeTypeLabel(group.disputeType),
      group.decided,
      group.onTime,
      group.late,
      group.onTimePercent === null ? null : group.onTimePercent.toFixed(1),
      formatDays(group.medianDays),
      formatDays(group.p95Days),
    ]),
  );
}
