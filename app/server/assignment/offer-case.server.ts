import { formatDeadlineTime } from "~/domain/deadlines/case-deadlines";
import { assertOfferable, ReviewerNotOfferable } from "~/domain/matching";
import { OFFER_HOURS_SETTINGS, offerCountProblem, offerDueAt, seatsOpen } from "~/domain/offers";
import type { AssignmentStatus } from "~/domain/matching";
import type { TrackCode } from "~/domain/reports/labels";
import { assertCaseAction, changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import { db, type Tx } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { AppError, notFound } from "../errors.server";
import { explainingConflicts } from "../intake/intake-case.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { assignWhere, offerPagePath } from "./assignment-case.server";
import { startOfferClock } from "./offer-clock.server";
import { checkedReviewerDueAt } from "./reviewer-due-date.server";
import { matchCase } from "./roster-snapshot.server";

export interface OfferCase {
  user: SessionUser;
  actor: Actor;
  caseId: string;
  expectedVersion: number;
  reviewerIds: readonly string[];
  /** The reviewers' internal due date ("YYYY-MM-DD"), when the coordinator sets one with the offer. */
  internalDueOn?: string | null;
  at?: Date;
}

/**
 * Offers the case to one reviewer, or to several for a panel. The matcher
 * runs again inside the change's transaction, over the roster as it is now:
 * a reviewer it excludes is refused with every reason, whatever the request
 * says. Each offer is made by makeOffers and the reviewer emailed.
 */
export async function offerCase(input: OfferCase) {
  const kase = await db.case.findFirst({ where: assignWhere(input.user, input.caseId), select: { id: true, reference: true, track: true, status: true } });
  if (!kase?.reference) throw notFound("This case");
  assertCaseAction("offerReviewers", kase.status, input.user.roles);
  const reference = kase.reference;
  const reviewerIds = [...new Set(input.reviewerIds)];
  const at = input.at ?? new Date();
  const internalDueAt = input.internalDueOn ? await checkedReviewerDueAt(db, kase.id, input.internalDueOn, at) : null;
  return explainingConflicts(kase.id, input.expectedVersion, () =>
    changeCase({
      caseId: kase.id,
      expectedVersion: input.expectedVersion,
      actor: { ...input.actor, roles: input.user.roles },
      action: "offerReviewers",
      event: { type: "reviewer_offered", data: { reviewerIds, internalDueAt: internalDueAt?.toISOString() ?? null } },
      at,
      work: async (tx) => {
        const match = await matchCase(tx, kase.id, at);
        if (!match) throw new AppError("BAD_REQUEST", "Record the specialty the case needs first: the suggestions depend on it.");
        const current = await tx.case.findUniqueOrThrow({
          where: { id: kase.id },
          select: {
            panelSize: true,
            assignments: { select: { id: true, status: true, replacedById: true, endedAt: true } },
          },
        });
        const problem = offerCountProblem(reviewerIds.length, seatsOpen(current.panelSize, current.assignments));
        if (problem) throw new AppError("BAD_REQUEST", problem);
        const chosen = reviewerIds.map((reviewerId) => {
          try {
            return assertOfferable(reviewerId, match);
          } catch (error) {
            if (error instanceof ReviewerNotOfferable) throw new AppError("BAD_REQUEST", error.message, { reviewerId });
            throw error;
          }
        });
        return makeOffers(tx, { caseId: kase.id, track: kase.track, chosen, places: current.assignments, offeredById: input.user.id, internalDueAt, at });
      },
      emails: (_before, result) => offerEmails(reference, kase.track, result.offers, result.answerBy),
    }),
  );
}

/**
 * Creates the offers of a case to the chosen reviewers, already checked: each
 * with its answer clock (hours from the settings), and each filling, oldest
 * first, the place of a reviewer replaced or withdrawn (linked to it).
 */
export async function makeOffers(
  tx: Tx,
  input: {
    caseId: string;
    track: TrackCode;
    chosen: readonly { reviewerId: string; name: string }[];
    places: readonly { id: string; status: AssignmentStatus; replacedById: string | null; endedAt: Date | null }[];
    /** The coordinator; null when the portal offered by itself. */
    offeredById: string | null;
    /** The organization's date for the determination; none when the portal offered by itself. */
    internalDueAt?: Date | null;
    at: Date;
  },
) {
  const { caseId, at } = input;
  const setting = await tx.setting.findUnique({ where: { key: OFFER_HOURS_SETTINGS[input.track] }, select: { value: true } });
  const dueAt = offerDueAt(at, input.track, setting?.value);
  const places = input.places
    .filter((assignment) => assignment.status === "REPLACED" && assignment.replacedById === null)
    .sort((a, b) => (a.endedAt?.getTime() ?? 0) - (b.endedAt?.getTime() ?? 0));
  const offers = [];
  for (const [index, reviewer] of input.chosen.entries()) {
    const assignment = await tx.reviewerAssignment.create({
      data: {
        caseId,
        reviewerId: reviewer.reviewerId,
        status: "OFFERED",
        offeredAt: at,
        offerDueAt: dueAt,
        offeredById: input.offeredById,
        internalDueAt: input.internalDueAt ?? null,
      },
      select: { id: true, reviewer: { select: { email: true } } },
    });
    await startOfferClock(tx, { caseId, assignmentId: assignment.id, reviewerId: reviewer.reviewerId, at, dueAt });
    const place = places[index];
    if (place) await tx.reviewerAssignment.update({ where: { id: place.id }, data: { replacedById: assignment.id } });
    offers.push({ assignmentId: assignment.id, reviewerName: reviewer.name, email: assignment.reviewer.email });
  }
  const { timeZone } = await organizationCalendar(tx);
  return { offers, answerBy: formatDeadlineTime(dueAt, timeZone), dueAt };
}

/** Each reviewer's email with the link to their offer. */
export function offerEmails(reference: string, track: TrackCode, offers: readonly { assignmentId: string; email: string }[], answerBy: string) {
  return offers.map((offer) => ({
    template: "review-offer" as const,
    to: offer.email,
    props: {
      organizationName: config().organizationName,
      reference,
      expedited: track === "EXPEDITED",
      answerBy,
      link: `${config().appUrl}${offerPagePath(offer.assignmentId)}`,
    },
  }));
}
