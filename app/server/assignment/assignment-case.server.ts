import { afterOfferEnded, seatsOpen, type OfferEnding } from "~/domain/offers";
import { caseAccessWhere } from "../cases/case-access.server";
import { config } from "../config.server";
import type { Prisma, Tx } from "../db.server";
import type { SessionUser } from "../session.server";
import { matchCase } from "./roster-snapshot.server";
import { isId } from "~/schemas/ids";

/** A case the person may assign reviewers to (coordinators: any filed case); anyone else finds nothing, so the page answers 404. */
export function assignWhere(user: Pick<SessionUser, "id" | "roles" | "planId">, caseId: string): Prisma.CaseWhereInput {
  if (!isId(caseId)) return { id: { in: [] } };
  return { AND: [{ id: caseId }, caseAccessWhere(user, "case:assign")] };
}

function assignPagePath(caseId: string): string {
  return `/iro/cases/${encodeURIComponent(caseId)}/assign`;
}

export function offerPagePath(assignmentId: string): string {
  return `/review/offers/${encodeURIComponent(assignmentId)}`;
}

/**
 * Who hears that an offer ended without an acceptance: the coordinator
 * looking after the case and the one who made the offer; when neither is
 * active, every coordinator.
 */
async function coordinatorsFor(tx: Tx, caseId: string, offeredById: string | null): Promise<string[]> {
  const kase = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { coordinatorId: true } });
  const ids = [kase.coordinatorId, offeredById].filter((id): id is string => id !== null);
  const named = await tx.user.findMany({
    where: { id: { in: ids }, roles: { has: "COORDINATOR" }, disabledAt: null },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  if (named.length) return named.map((user) => user.email);
  const everyone = await tx.user.findMany({ where: { roles: { has: "COORDINATOR" }, disabledAt: null }, select: { email: true }, orderBy: { email: "asc" } });
  return everyone.map((user) => user.email);
}

/**
 * The coordinators' email after an offer ended (declined, lapsed or
 * withdrawn), with the reviewer the portal offered the case to by itself or
 * the matcher's next suggestion, worked out inside the same transaction.
 */
export async function offerEndedEmails(
  tx: Tx,
  offer: { assignmentId: string; caseId: string; reference: string; reviewerName: string; offeredById: string | null; ending: OfferEnding },
  at: Date,
  offeredAutomatically: string | null = null,
) {
  const [kase, match, recipients] = await Promise.all([
    tx.case.findUniqueOrThrow({ where: { id: offer.caseId }, select: { panelSize: true, assignments: { select: { status: true } } } }),
    matchCase(tx, offer.caseId, at),
    coordinatorsFor(tx, offer.caseId, offer.offeredById),
  ]);
  const next = afterOfferEnded({
    seatsOpen: seatsOpen(kase.panelSize, kase.assignments),
    nextSuggestion: match?.suggested[0]?.name ?? null,
    offeredAutomatically,
  });
  const props = {
    organizationName: config().organizationName,
    reference: offer.reference,
    reviewerName: offer.reviewerName,
    ending: offer.ending,
    next,
    link: `${config().appUrl}${assignPagePath(offer.caseId)}`,
  };
  // An offer ends once: the key keeps a retried sweep from emailing twice.
  return recipients.map((to) => ({ template: "offer-declined" as const, to, props, dedupeKey: `offer-ended:${offer.assignmentId}:${to}` }));
}
