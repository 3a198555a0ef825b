/**
 * The case log (domain.md, "Records, audit and reports"; the URAC-style log
 * of external review cases): one line per case received in a range, with
 * the date received, the date the plan's case file arrived, the additional
 * information due date, the issue, who referred it, standard or expedited,
 * the determination and its date, and the date the notices were sent. Pure.
 */
import { localDate } from "~/domain/deadlines/time-zone";
import { referralLabel } from "~/domain/requests/options";
import { toCsv } from "./csv";
import { DETERMINATION_LABELS, DISPUTE_TYPE_LABELS, type DisputeTypeCode, NOT_RECORDED, type OutcomeCode, TRACK_LABELS, type TrackCode } from "./labels";

/** Cases one page shows; the CSV holds up to CASE_LOG_FILE_LIMIT. */
export const CASE_LOG_PAGE_LIMIT = 200;
/** More cases than this in one range: the range must be shorter (a year of a large organization fits). */
export const CASE_LOG_FILE_LIMIT = 20_000;

/** A received case, as much as the log needs of it. */
export interface LoggedCase {
  reference: string;
  receivedAt: Date;
  planName: string | null;
  referralSource: string | null;
  filedBy: "PATIENT" | "REPRESENTATIVE";
  disputeType: DisputeTypeCode | null;
  serviceDescription: string | null;
  track: TrackCode;
  caseFileArrivedAt: Date | null;
  /** When the applicant's additional information was due (their latest clock for it). */
  informationDueAt: Date | null;
  statusLabel: string;
  outcome: OutcomeCode | null;
  decidedAt: Date | null;
  /** When the first notice of the outcome went out: the decision letter, or a notice (ineligibility). */
  noticesSentAt: Date | null;
}

export interface CaseLogRow {
  reference: string;
  received: string;
  plan: string;
  referredBy: string;
  filedBy: string;
  issue: string;
  track: string;
  caseFileArrived: string | null;
  informationDue: string | null;
  status: string;
  determination: string | null;
  determinationDate: string | null;
  noticesSent: string | null;
}

/** A line's dates as the instants they come from, for a page to show them in its own form (the CSV keeps the local dates). */
export interface CaseLogInstants {
  received: Date;
  caseFileArrived: Date | null;
  informationDue: Date | null;
  determinationDate: Date | null;
  noticesSent: Date | null;
}

export function caseLogInstants(kase: LoggedCase): CaseLogInstants {
  return {
    received: kase.receivedAt,
    caseFileArrived: kase.caseFileArrivedAt,
    informationDue: kase.informationDueAt,
    determinationDate: kase.decidedAt,
    noticesSent: kase.noticesSentAt,
  };
}

/** A line of the log: dates as local dates in `timeZone`. */
export function caseLogRow(kase: LoggedCase, timeZone: string): CaseLogRow {
  const day = (date: Date | null) => (date ? localDate(date, timeZone) : null);
  const dispute = kase.disputeType ? DISPUTE_TYPE_LABELS[kase.disputeType] : NOT_RECORDED;
  return {
    reference: kase.reference,
    received: day(kase.receivedAt)!,
    plan: kase.planName ?? NOT_RECORDED,
    referredBy: referralLabel(kase.referralSource) ?? "Not given",
    filedBy: kase.filedBy === "PATIENT" ? "The patient" : "A representative",
    issue: kase.serviceDescription ? `${dispute}: ${kase.serviceDescription}` : dispute,
    track: TRACK_LABELS[kase.track],
    caseFileArrived: day(kase.caseFileArrivedAt),
    informationDue: day(kase.informationDueAt),
    status: kase.statusLabel,
    determination: kase.outcome ? DETERMINATION_LABELS[kase.outcome] : null,
    determinationDate: day(kase.decidedAt),
    noticesSent: day(kase.noticesSentAt),
  };
}

export const CASE_LOG_HEADER = [
  "Reference",
  "Date received",
  "Health plan",
  "Referred by",
  "Filed by",
  "Issue",
  "Standard or expedited",
  "Plan case file arrived",
  "Additional information due",
  "Status",
  "Determination",
  "Determination date",
  "Notices sent",
] as const;

export function caseLogCsv(rows: readonly CaseLogRow[]): string {
  return toCsv(
    CASE_LOG_HEADER,
    rows.map((row) => [
      row.reference,
      row.received,
      row.plan,
      row.referredBy,
      row.filedBy,
      row.issue,
      row.track,
      row.caseFileArrived,
      row.informationDue,
      row.status,
      row.determination,
      row.determinationDate,
      row.noticesSent,
    ]),
  );
}
