/**
 * The reviewer workload and turnaround report (docs/rules/records-audit-reports.md,
 * "Reviewer workload and turnaround"): per reviewer, the offers made in a
 * range and how they were answered, the determinations submitted in it and
 * how long they took from accepting the case, and the cases held now
 * against their capacity, and the minutes they logged in the range for
 * billing (app/domain/time-entries.ts). Pure.
 */
import { toCsv } from "./csv";
import { elapsedDays, formatDays, median, roundToTenth } from "./timeliness";

export type AssignmentStatusCode = "OFFERED" | "ACCEPTED" | "DECLINED" | "EXPIRED" | "REPLACED" | "COMPLETED" | "CANCELLED";

/** One offer to a reviewer, as much as the report needs of it. */
export interface ReviewerOffer {
  status: AssignmentStatusCode;
  offeredAt: Date;
  /** When the reviewer accepted or declined; null while unanswered or lapsed. */
  respondedAt: Date | null;
  /** When the reviewer attested no conflict (their acceptance of the case). */
  attestedAt: Date | null;
  /** When their determination was submitted; null while they have not. */
  submittedAt: Date | null;
}

export interface ReviewerWorkloadInput {
  reviewerId: string;
  name: string;
  specialty: string;
  capacity: number;
  /** Offers waiting and cases held, now, on open cases. */
  currentLoad: number;
  offers: readonly ReviewerOffer[];
  /** The minutes of time entries the reviewer logged in the range, on any case. */
  minutesLogged: number;
}

export interface ReviewerWorkload {
  reviewerId: string;
  name: string;
  specialty: string;
  capacity: number;
  currentLoad: number;
  offered: number;
  accepted: number;
  declined: number;
  lapsed: number;
  determinations: number;
  /** From accepting the case to submitting the determination, in days to one decimal. */
  medianDaysToDetermine: number | null;
  /** From the offer to the answer (accepted or declined), in hours to one decimal. */
  medianHoursToAnswer: number | null;
  minutesLogged: number;
}

const tenth = (value: number | null) => (value === null ? null : roundToTenth(value));

/**
 * `offers` holds the offers made in the range (counted as offered, and by
 * their answer) and those whose determination was submitted in it (counted
 * as determinations); `inRange` tells which is which.
 */
export function reviewerWorkload(reviewer: ReviewerWorkloadInput, inRange: (date: Date) => boolean): ReviewerWorkload {
  const made = reviewer.offers.filter((offer) => inRange(offer.offeredAt));
  // Accepted: the reviewer took the case, whatever happened after (completed or replaced).
  const accepted = made.filter((offer) => offer.attestedAt !== null);
  const determined = reviewer.offers.filter((offer) => offer.submittedAt !== null && inRange(offer.submittedAt));
  const answered = made.filter((offer) => offer.respondedAt !== null);
  return {
    reviewerId: reviewer.reviewerId,
    name: reviewer.name,
    specialty: reviewer.specialty,
    capacity: reviewer.capacity,
    currentLoad: reviewer.currentLoad,
    offered: made.length,
    accepted: accepted.length,
    declined: made.filter((offer) => offer.status === "DECLINED").length,
    lapsed: made.filter((offer) => offer.status === "EXPIRED").length,
    determinations: determined.length,
    medianDaysToDetermine: tenth(median(determined.map((offer) => elapsedDays(offer.attestedAt ?? offer.offeredAt, offer.submittedAt!)))),
    medianHoursToAnswer: tenth(median(answered.map((offer) => elapsedDays(offer.offeredAt, offer.respondedAt!) * 24))),
    minutesLogged: reviewer.minutesLogged,
  };
}

export function reviewerWorkloadCsv(rows: readonly ReviewerWorkload[]): string {
  return toCsv(
    [
      "Reviewer",
      "Specialty",
      "Cases held now",
      "Capacity",
      "Offered",
      "Accepted",
      "Declined",
      "Lapsed",
      "Determinations",
      "Median days to determine",
      "Median hours to answer an offer",
      "Minutes logged",
    ],
    rows.map((row) => [
      row.name,
      row.specialty,
      row.currentLoad,
      row.capacity,
      row.offered,
      row.accepted,
      row.declined,
      row.lapsed,
      row.determinations,
      formatDays(row.medianDaysToDetermine),
      formatDays(row.medianHoursToAnswer),
      row.minutesLogged,
    ]),
  );
}
