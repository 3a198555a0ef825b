import type { Tx } from "../db.server";
import { atRiskInstant, refreshNextDeadline } from "../deadlines/case-clocks.server";

/**
 * The reviewer's clock to answer an offer. Its due time is the offer's own
 * (hours from a setting, not the case's rule profile), so it is written here
 * rather than through the rule-profile clocks: one per offer, about the
 * assignment, owed by the reviewer it was offered to.
 */
export async function startOfferClock(tx: Tx, offer: { caseId: string; assignmentId: string; reviewerId: string; at: Date; dueAt: Date }): Promise<void> {
  await tx.caseDeadline.create({
    data: {
      caseId: offer.caseId,
      kind: "OFFER_RESPONSE",
      responsible: "REVIEWER",
      responsibleUserId: offer.reviewerId,
      subjectId: offer.assignmentId,
      startedAt: offer.at,
      dueAt: offer.dueAt,
      atRiskAt: atRiskInstant(offer.at, offer.dueAt),
    },
  });
  await refreshNextDeadline(tx, offer.caseId);
}

/**
 * Ends an offer's open clock: answered (met, or missed when late), lapsed
 * (missed), or withdrawn with the reviewer's replacement (stopped).
 */
export async function endOfferClock(
  tx: Tx,
  offer: { caseId: string; assignmentId: string },
  how: "answered" | "lapsed" | "withdrawn",
  at: Date,
): Promise<void> {
  const where = { caseId: offer.caseId, kind: "OFFER_RESPONSE" as const, subjectId: offer.assignmentId, status: "OPEN" as const };
  if (how === "answered") {
    await tx.caseDeadline.updateMany({ where: { ...where, dueAt: { gte: at } }, data: { status: "MET", closedAt: at } });
  }
  await tx.caseDeadline.updateMany({ where, data: { status: how === "withdrawn" ? "STOPPED" : "MISSED", closedAt: at } });
  await refreshNextDeadline(tx, offer.caseId);
}
