/**
 * Offers of a case to reviewers (docs/rules/reviewers.md, "Offers"): how long a reviewer
 * has to answer, how many reviewers a case still needs, and what the
 * coordinator is told when an offer ends without an acceptance. Pure.
 */
import type { AssignmentStatus } from "./matching";
import type { TrackCode } from "./reports/labels";

const HOUR_MS = 3_600_000;

/** Hours a reviewer has to answer an offer, unless the admin set otherwise (settings "offerHoursStandard"/"offerHoursExpedited"). */
const DEFAULT_OFFER_HOURS: Record<TrackCode, number> = { STANDARD: 24, EXPEDITED: 4 };

export const OFFER_HOURS_SETTINGS: Record<TrackCode, string> = { STANDARD: "offerHoursStandard", EXPEDITED: "offerHoursExpedited" };

/** The answer time for a track: the setting when it is a positive number of hours, the default otherwise. */
export function offerHours(track: TrackCode, setting: unknown): number {
  return typeof setting === "number" && Number.isFinite(setting) && setting > 0 ? setting : DEFAULT_OFFER_HOURS[track];
}

/** When an offer made at `offeredAt` lapses: exactly that many hours later, whatever the calendar. */
export function offerDueAt(offeredAt: Date, track: TrackCode, setting: unknown): Date {
  return new Date(offeredAt.getTime() + offerHours(track, setting) * HOUR_MS);
}

/** Assignments that hold one of the case's reviewer places: offered and waiting, accepted, or done. */
const SEAT_HOLDING: readonly AssignmentStatus[] = ["OFFERED", "ACCEPTED", "COMPLETED"];

/** Reviewer places still to fill: the panel size less the assignments holding one. */
export function seatsOpen(panelSize: number, assignments: readonly { status: AssignmentStatus }[]): number {
  const held = assignments.filter((assignment) => SEAT_HOLDING.includes(assignment.status)).length;
  return Math.max(0, panelSize - held);
}

/** Why a choice of reviewers to offer the case to cannot go ahead, or null when it can. */
export function offerCountProblem(chosen: number, open: number): string | null {
  if (open === 0) return "This case has all the reviewers it needs. Replace a reviewer first to offer it to someone else.";
  if (chosen > open) {
    return `This case needs ${open} more ${open === 1 ? "reviewer" : "reviewers"}: choose at most ${open}.`;
  }
  return null;
}

export type OfferState = "open" | "lapsed" | "accepted" | "declined" | "expired" | "withdrawn" | "completed" | "ended";

/** Where an offer stands for the reviewer at `now`: an offer past its time can no longer be accepted, even before the sweep marks it. */
export function offerState(offer: { status: AssignmentStatus; offerDueAt: Date | null }, now: Date): OfferState {
  switch (offer.status) {
    case "OFFERED":
      return offer.offerDueAt !== null && offer.offerDueAt.getTime() <= now.getTime() ? "lapsed" : "open";
    case "ACCEPTED":
      return "accepted";
    case "DECLINED":
      return "declined";
    case "EXPIRED":
      return "expired";
    case "REPLACED":
      return "withdrawn";
    case "COMPLETED":
      return "completed";
    case "CANCELLED":
      return "ended";
  }
}

/** What the reviewer reads when they can no longer answer an offer. */
export const CLOSED_OFFER_TEXT: Record<Exclude<OfferState, "open">, string> = {
  lapsed: "The time to answer this offer has passed, so it went back to the coordinator.",
  accepted: "You accepted this offer and signed the no-conflict attestation.",
  declined: "You declined this offer.",
  expired: "This offer was not answered in time, so it went back to the coordinator.",
  withdrawn: "This offer was withdrawn, or you were released from the case.",
  completed: "You have finished your review of this case.",
  ended: "The review of this case ended before a decision (the request was withdrawn or the plan reversed its denial), so your work on it stopped.",
};

/** Declined, lapsed, or withdrawn because the reviewer no longer qualifies. */
export type OfferEnding = "declined" | "expired" | "withdrawn";

/** The organization's setting "offer the next suggested reviewer automatically" (off unless an admin turns it on). */
export const AUTO_OFFER_SETTING = "autoOfferNext";

export function autoOfferOn(setting: unknown): boolean {
  return setting === true;
}

/**
 * What the coordinator is told when an offer ends without an acceptance
 * (declined, lapsed or withdrawn): its place is open again, and either the
 * reviewer the portal offered it to by itself, or the next reviewer the
 * matcher suggests, if any, so the case can be offered at once.
 */
export function afterOfferEnded(input: { seatsOpen: number; nextSuggestion: string | null; offeredAutomatically?: string | null }): string {
  if (input.offeredAutomatically) return `The case was offered automatically to the next suggestion, ${input.offeredAutomatically}.`;
  if (input.seatsOpen === 0) return "The case still has all the reviewers it needs.";
  return input.nextSuggestion
    ? `The next suggestion is ${input.nextSuggestion}: offer the case from its assignment page.`
    : "No qualified reviewer is left on the roster: check the excluded reviewers on the case's assignment page.";
}
