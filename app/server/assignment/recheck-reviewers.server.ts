import { CASE_ACTIONS } from "~/domain/case-actions";
import { OPEN_STATUSES, type CaseStatus } from "~/domain/case-status";
import { CLOSED_OFFER_TEXT } from "~/domain/offers";
import { changeCase } from "../cases/change-case.server";
import { config } from "../config.server";
import type { Tx } from "../db.server";
import { AppError } from "../errors.server";
import type { Actor } from "../request-context.server";
import { offerPagePath } from "./assignment-case.server";
import { followUpEndedOffer, portalActing } from "./next-offer.server";
import { endOfferClock } from "./offer-clock.server";
import { recheckOnCase } from "./roster-snapshot.server";

/** The statuses in which the state machine lets the portal withdraw an offer (those in which a case takes reviewers). */
const OFFER_STATUSES = Object.keys(CASE_ACTIONS.withdrawIneligibleOffer.moves) as CaseStatus[];

/** What the history keeps as the reason a reviewer no longer qualifies. */
function noLongerQualified(reasons: readonly string[]): string {
  const text = `No longer qualifies: ${reasons.join("; ")}`;
  return text.endsWith(".") ? text : `${text}.`;
}

/**
 * Withdraws an open offer whose reviewer no longer qualifies (docs/rules/reviewers.md,
 * "Checked again"), in `tx`: the assignment becomes REPLACED with the
 * reasons, its answer clock stops, the reviewer is emailed, and the case
 * follows up as after a decline (next suggestion offered when the setting is
 * on, coordinators emailed). `actor` is the person whose change caused it.
 */
export async function withdrawIneligibleOffer(
  tx: Tx,
  offer: { id: string; caseId: string; reviewerName: string; reviewerEmail: string; offeredById: string | null },
  reasons: readonly string[],
  actor: Actor,
  at: Date,
): Promise<void> {
  const kase = await tx.case.findUniqueOrThrow({ where: { id: offer.caseId }, select: { version: true, reference: true } });
  const reason = noLongerQualified(reasons);
  const withdrawn = await changeCase({
    tx,
    caseId: offer.caseId,
    expectedVersion: kase.version,
    actor: portalActing(actor),
    action: "withdrawIneligibleOffer",
    event: { type: "offer_withdrawn", note: reason, data: { assignmentId: offer.id, reasons } },
    at,
    work: async (inner) => {
      const ended = await inner.reviewerAssignment.updateMany({
        where: { id: offer.id, status: "OFFERED" },
        data: { status: "REPLACED", endedAt: at, reason },
      });
      if (ended.count !== 1) throw new AppError("CONFLICT", CLOSED_OFFER_TEXT.withdrawn);
      await endOfferClock(inner, { caseId: offer.caseId, assignmentId: offer.id }, "withdrawn", at);
    },
    emails: () =>
      kase.reference
        ? [
            {
              template: "case-update" as const,
              to: offer.reviewerEmail,
              props: {
                organizationName: config().organizationName,
                reference: kase.reference,
                headline: "The offer of this case was withdrawn",
                action: `${reason} You do not need to do anything; write to the coordinator if this is wrong.`,
                link: `${config().appUrl}${offerPagePath(offer.id)}`,
              },
            },
          ]
        : [],
  });
  if (!kase.reference) return;
  await followUpEndedOffer(
    tx,
    {
      assignmentId: offer.id,
      caseId: offer.caseId,
      reference: kase.reference,
      version: withdrawn.version,
      reviewerName: offer.reviewerName,
      offeredById: offer.offeredById,
      ending: "withdrawn",
    },
    actor,
    at,
  );
}

/** Coordinators of the case: the one looking after it, else every active coordinator. */
async function caseCoordinators(tx: Tx, caseId: string): Promise<string[]> {
  const kase = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { coordinatorId: true } });
  const where = { roles: { has: "COORDINATOR" as const }, disabledAt: null };
  const named = kase.coordinatorId ? await tx.user.findMany({ where: { ...where, id: kase.coordinatorId }, select: { email: true } }) : [];
  const people = named.length ? named : await tx.user.findMany({ where, select: { email: true }, orderBy: { email: "asc" } });
  return people.map((person) => person.email);
}

/**
 * Flags an accepted assignment whose reviewer no longer qualifies: the
 * coordinator sees it on the case and its assign page and replaces the
 * reviewer (replaceReviewer), who keeps the records until then.
 */
async function flagForReplacement(
  tx: Tx,
  assignment: { id: string; caseId: string; reviewerName: string },
  reasons: readonly string[],
  actor: Actor,
  at: Date,
) {
  const kase = await tx.case.findUniqueOrThrow({ where: { id: assignment.caseId }, select: { version: true, reference: true } });
  const reason = noLongerQualified(reasons);
  const coordinators = await caseCoordinators(tx, assignment.caseId);
  await changeCase({
    tx,
    caseId: assignment.caseId,
    expectedVersion: kase.version,
    actor: portalActing(actor),
    action: "flagReviewerForReplacement",
    event: { type: "reviewer_flagged_for_replacement", note: reason, data: { assignmentId: assignment.id, reasons } },
    at,
    work: async (inner) => {
      await inner.reviewerAssignment.update({ where: { id: assignment.id }, data: { replacementNeededAt: at, replacementReason: reason } });
    },
    emails: () =>
      kase.reference
        ? coordinators.map((to) => ({
            template: "case-update" as const,
            to,
            props: {
              organizationName: config().organizationName,
              reference: kase.reference ?? "",
              headline: `${assignment.reviewerName} should be replaced on this case`,
              action: `${reason} Replace the reviewer from the case's assignment page.`,
              link: `${config().appUrl}/iro/cases/${encodeURIComponent(assignment.caseId)}/assign`,
            },
            dedupeKey: `replacement-needed:${assignment.id}:${to}`,
          }))
        : [],
  });
}

/**
 * After a change to a reviewer's roster profile, in its transaction: every
 * open offer and accepted assignment of theirs on an open case is checked
 * against every matching rule again. An offer they no longer qualify for is
 * withdrawn; an accepted assignment is flagged for replacement (once).
 */
export async function recheckAfterRosterChange(tx: Tx, reviewerId: string, actor: Actor, at: Date): Promise<void> {
  const held = await tx.reviewerAssignment.findMany({
    where: {
      reviewerId,
      // Offers are withdrawn while the case takes reviewers; an accepted reviewer is flagged while the case is open.
      OR: [
        { status: "OFFERED", case: { status: { in: [...OFFER_STATUSES] } } },
        { status: "ACCEPTED", replacementNeededAt: null, case: { status: { in: [...OPEN_STATUSES] } } },
      ],
    },
    select: { id: true, caseId: true, status: true, offeredById: true, reviewer: { select: { name: true, email: true } } },
    orderBy: { offeredAt: "asc" },
  });
  for (const assignment of held) {
    const holds = assignment.status === "OFFERED" ? "offer" : "assignment";
    const reasons = await recheckOnCase(tx, assignment.caseId, reviewerId, holds, at);
    if (reasons.length === 0) continue;
    const named = { id: assignment.id, caseId: assignment.caseId, reviewerName: assignment.reviewer.name };
    if (holds === "offer")
      await withdrawIneligibleOffer(tx, { ...named, reviewerEmail: assignment.reviewer.email, offeredById: assignment.offeredById }, reasons, actor, at);
    else await flagForReplacement(tx, named, reasons, actor, at);
  }
}
