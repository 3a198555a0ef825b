import { can } from "~/domain/case-actions";
import { changeCase } from "../cases/change-case.server";
import { db } from "../db.server";
import { AppError } from "../errors.server";
import { log } from "../log.server";
import { followUpEndedOffer } from "./next-offer.server";
import { endOfferClock } from "./offer-clock.server";

const BATCH = 200;

/** The offer was answered or expired by someone else first: this attempt changes nothing. */
class AlreadyEnded extends Error {}

const EXPIRY = { userId: null, email: null, ip: null, userAgent: "offer expiry", roles: ["WORKER" as const] };

/**
 * Offers left unanswered past their time become EXPIRED and go back to the
 * coordinators, emailed with the next suggestion ready, or offered to it in
 * the same transaction when the setting is on (unless the case meanwhile
 * stopped needing reviewers). The answer clock is recorded as
 * missed. Idempotent: an offer expires once, in one change with its timeline
 * event and emails; one changed at the same moment by someone else waits for
 * the next sweep. Run by the deadline sweep job every minute.
 */
export async function expireLapsedOffers(now = new Date()): Promise<{ expired: number }> {
  const lapsed = await db.reviewerAssignment.findMany({
    where: { status: "OFFERED", offerDueAt: { lte: now } },
    select: { id: true, caseId: true, reviewerId: true, offerDueAt: true, offeredById: true, reviewer: { select: { name: true } } },
    orderBy: { offerDueAt: "asc" },
    take: BATCH,
  });
  let expired = 0;
  for (const offer of lapsed) {
    const kase = await db.case.findUniqueOrThrow({ where: { id: offer.caseId }, select: { version: true, status: true, reference: true } });
    const lapsedAt = offer.offerDueAt ?? now;
    try {
      await db.$transaction(async (tx) => {
        const ended = await changeCase({
          tx,
          caseId: offer.caseId,
          expectedVersion: kase.version,
          actor: EXPIRY,
          action: "expireOffer",
          event: { type: "offer_expired", data: { assignmentId: offer.id, reviewerId: offer.reviewerId, dueAt: lapsedAt.toISOString() } },
          at: now,
          work: async (inner) => {
            const lapsedNow = await inner.reviewerAssignment.updateMany({
              where: { id: offer.id, status: "OFFERED", offerDueAt: { lte: now } },
              data: { status: "EXPIRED", endedAt: lapsedAt },
            });
            if (lapsedNow.count !== 1) throw new AlreadyEnded();
            await endOfferClock(inner, { caseId: offer.caseId, assignmentId: offer.id }, "lapsed", now);
          },
        });
        // Coordinators hear of it, and the next suggestion is offered, only while the case still takes reviewers.
        if (!kase.reference || !can("offerReviewers", kase.status, ["COORDINATOR"])) return;
        const lapsedOffer = { assignmentId: offer.id, caseId: offer.caseId, reference: kase.reference, version: ended.version };
        await followUpEndedOffer(tx, { ...lapsedOffer, reviewerName: offer.reviewer.name, offeredById: offer.offeredById, ending: "expired" }, EXPIRY, now);
      });
      expired += 1;
    } catch (error) {
      if (error instanceof AlreadyEnded) continue;
      if (error instanceof AppError && error.code === "CONFLICT") continue;
      log.warn("an offer could not be expired", { assignmentId: offer.id, error: (error as Error).message });
    }
  }
  if (expired) log.info("offers expired", { expired });
  return { expired };
}
