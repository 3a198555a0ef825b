import { can } from "~/domain/case-actions";
import { assertOfferable } from "~/domain/matching";
import { AUTO_OFFER_SETTING, autoOfferOn, seatsOpen, type OfferEnding } from "~/domain/offers";
import { changeCase } from "../cases/change-case.server";
import type { Tx } from "../db.server";
import { queueEmail } from "../outbox.server";
import type { Actor } from "../request-context.server";
import { offerEndedEmails } from "./assignment-case.server";
import { makeOffers, offerEmails } from "./offer-case.server";
import { matchCase } from "./roster-snapshot.server";

/** The portal itself, acting because of what a person did (their id stays on the audit row). */
export function portalActing(actor: Actor) {
  return { ...actor, roles: ["WORKER"] as const };
}

/**
 * With the organization's setting on, offers the case to the matcher's first
 * suggestion, in the transaction that ended the previous offer (`version` is
 * the case's version after that change). Nobody is offered while the setting
 * is off, the case no longer takes reviewers, it has every reviewer it needs,
 * or no one qualifies. The offered reviewer's name, or null.
 */
async function offerNextAutomatically(tx: Tx, kase: { id: string; reference: string; version: number }, actor: Actor, at: Date): Promise<string | null> {
  const setting = await tx.setting.findUnique({ where: { key: AUTO_OFFER_SETTING }, select: { value: true } });
  if (!autoOfferOn(setting?.value)) return null;
  const current = await tx.case.findUniqueOrThrow({
    where: { id: kase.id },
    select: { status: true, track: true, panelSize: true, assignments: { select: { id: true, status: true, replacedById: true, endedAt: true } } },
  });
  if (!can("offerNextAutomatically", current.status, ["WORKER"]) || seatsOpen(current.panelSize, current.assignments) === 0) return null;
  const next = (await matchCase(tx, kase.id, at))?.suggested[0];
  if (!next) return null;
  const chosen = assertOfferable(next.reviewerId, { suggested: [next], possibleConflicts: [], excluded: [] });
  await changeCase({
    tx,
    caseId: kase.id,
    expectedVersion: kase.version,
    actor: portalActing(actor),
    action: "offerNextAutomatically",
    event: { type: "reviewer_offered", note: "Offered automatically to the next suggestion.", data: { reviewerIds: [chosen.reviewerId], automatic: true } },
    at,
    work: (inner) => makeOffers(inner, { caseId: kase.id, track: current.track, chosen: [chosen], places: current.assignments, offeredById: null, at }),
    emails: (_before, result) => offerEmails(kase.reference, current.track, result.offers, result.answerBy),
  });
  return chosen.name;
}

/**
 * What follows an offer that ended without an acceptance, in the same
 * transaction: the next suggestion offered when the setting is on, then the
 * coordinators' email saying so, or naming the next suggestion, or that no
 * one is left.
 */
export async function followUpEndedOffer(
  tx: Tx,
  offer: {
    assignmentId: string;
    caseId: string;
    reference: string;
    /** The case's version after the change that ended the offer. */
    version: number;
    reviewerName: string;
    offeredById: string | null;
    ending: OfferEnding;
  },
  actor: Actor,
  at: Date,
): Promise<void> {
  const offered = await offerNextAutomatically(tx, { id: offer.caseId, reference: offer.reference, version: offer.version }, actor, at);
  for (const email of await offerEndedEmails(tx, offer, at, offered)) await queueEmail(tx, { ...email, caseId: offer.caseId, at });
}
