import { signatureMatches, signedAttestation } from "~/domain/attestation";
import type { CaseStatus } from "~/domain/case-status";
import { CLOSED_OFFER_TEXT, offerState } from "~/domain/offers";
import { changeCase } from "../cases/change-case.server";
import { db, type Tx } from "../db.server";
import { AppError, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { followUpEndedOffer } from "./next-offer.server";
import { withdrawIneligibleOffer } from "./recheck-reviewers.server";
import { recheckOnCase } from "./roster-snapshot.server";
import { endOfferClock } from "./offer-clock.server";
import { isId } from "~/schemas/ids";

/**
 * The reviewer's own offer, with the parties the attestation names and the
 * service in dispute with its codes (nothing else medical). Anyone
 * else's offer, or an id that is not one, is not found.
 */
export async function ownOffer(user: Pick<SessionUser, "id" | "roles">, assignmentId: string) {
  if (!user.roles.includes("REVIEWER") || !isId(assignmentId)) throw notFound("This offer");
  const offer = await db.reviewerAssignment.findFirst({
    where: { id: assignmentId, reviewerId: user.id },
    select: {
      id: true,
      status: true,
      offerDueAt: true,
      offeredAt: true,
      offeredById: true,
      respondedAt: true,
      caseId: true,
      case: {
        select: {
          reference: true,
          status: true,
          track: true,
          disputeType: true,
          panelSize: true,
          specialtyNeeded: true,
          plan: { select: { name: true } },
          patientName: true,
          providerName: true,
          treatingGroupName: true,
          providerFacility: true,
          manufacturerName: true,
          // The service and its codes: the only medical facts shown before the attestation.
          serviceDescription: true,
          procedureCodes: true,
        },
      },
    },
  });
  if (!offer?.case.reference) throw notFound("This offer");
  return { ...offer, case: { ...offer.case, reference: offer.case.reference } };
}

export function attestationPartiesOf(offer: Awaited<ReturnType<typeof ownOffer>>) {
  const kase = offer.case;
  return {
    reference: kase.reference,
    patientName: kase.patientName,
    planName: kase.plan?.name ?? null,
    providerName: kase.providerName,
    treatingGroupName: kase.treatingGroupName,
    providerFacility: kase.providerFacility,
    manufacturerName: kase.manufacturerName,
  };
}

/** Refuses an answer to an offer that is no longer open, in words the reviewer can act on. */
function assertOpen(offer: { status: Parameters<typeof offerState>[0]["status"]; offerDueAt: Date | null }, at: Date): void {
  const state = offerState(offer, at);
  if (state !== "open") throw new AppError("CONFLICT", CLOSED_OFFER_TEXT[state]);
}

/**
 * Runs the reviewer's answer against the case as it is now. The reviewer
 * never saw the case's version (their answer is about their own offer,
 * which the change itself guards), so a change by someone else in the
 * meantime is no reason to refuse: the answer is tried again on the new
 * version.
 */
async function onLatestCase<T>(caseId: string, run: (latest: { version: number; status: CaseStatus }) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const latest = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true, status: true } });
    try {
      return await run(latest);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "CONFLICT" || attempt === 3) throw error;
      const now = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } });
      if (now.version === latest.version) throw error;
    }
  }
}

/** Marks the reviewer's open offer answered; refuses when it was answered, withdrawn or lapsed in the meantime. */
async function answer(tx: Tx, offerId: string, at: Date, data: Parameters<Tx["reviewerAssignment"]["updateMany"]>[0]["data"]): Promise<void> {
  const updated = await tx.reviewerAssignment.updateMany({
    where: { id: offerId, status: "OFFERED", OR: [{ offerDueAt: null }, { offerDueAt: { gt: at } }] },
    data,
  });
  if (updated.count === 1) return;
  const now = await tx.reviewerAssignment.findUniqueOrThrow({ where: { id: offerId }, select: { status: true, offerDueAt: true } });
  assertOpen(now, at);
  throw new AppError("CONFLICT", CLOSED_OFFER_TEXT.lapsed);
}

export interface AcceptOffer {
  user: SessionUser;
  actor: Actor;
  assignmentId: string;
  /** The reviewer's name as they typed it to sign. */
  signature: string;
  at?: Date;
}

/**
 * Accepts an offer with the signed no-conflict attestation for this case:
 * the assignment becomes ACCEPTED with the text as signed, the answer clock
 * is met, and the case's records open to the reviewer. The first acceptance
 * of a case accepted for review starts the review (which meets the
 * assignment clock); later ones (a panel, a replacement) join it.
 */
export async function acceptOffer(input: AcceptOffer): Promise<{ caseId: string }> {
  const offer = await ownOffer(input.user, input.assignmentId);
  const at = input.at ?? new Date();
  assertOpen(offer, at);
  if (!signatureMatches(input.signature, input.user.name)) {
    throw new AppError("BAD_REQUEST", `Sign with your name as it is on your account: ${input.user.name}.`, { field: "signature" });
  }
  const attestation = signedAttestation(attestationPartiesOf(offer), { typedName: input.signature, signedAt: at });
  await refuseWhenNoLongerQualified(input, offer, at);
  await onLatestCase(offer.caseId, (latest) =>
    changeCase({
      caseId: offer.caseId,
      expectedVersion: latest.version,
      actor: { ...input.actor, roles: input.user.roles },
      action: "acceptOffer",
      event: { type: "offer_accepted", data: { assignmentId: offer.id } },
      at,
      work: async (tx) => {
        await answer(tx, offer.id, at, { status: "ACCEPTED", respondedAt: at, attestedAt: at, attestation });
        await endOfferClock(tx, { caseId: offer.caseId, assignmentId: offer.id }, "answered", at);
      },
    }),
  );
  return { caseId: offer.caseId };
}

/**
 * Every matching rule again at the moment of acceptance (a license may have
 * lapsed, leave begun, a disciplinary action been recorded since the
 * offer). A reviewer who fails one is refused with the reasons, their offer
 * withdrawn as a roster change would (the coordinators told, the next
 * suggestion offered when the setting is on), and nothing of the case opens.
 */
async function refuseWhenNoLongerQualified(input: AcceptOffer, offer: Awaited<ReturnType<typeof ownOffer>>, at: Date): Promise<void> {
  const reasons = await recheckOnCase(db, offer.caseId, input.user.id, "offer", at);
  if (reasons.length === 0) return;
  await onLatestCase(offer.caseId, () =>
    db.$transaction((tx) =>
      withdrawIneligibleOffer(
        tx,
        { id: offer.id, caseId: offer.caseId, reviewerName: input.user.name, reviewerEmail: input.user.email, offeredById: offer.offeredById },
        reasons,
        input.actor,
        at,
      ),
    ),
  );
  throw new AppError("CONFLICT", `You can no longer accept this case: ${reasons.join("; ")}. The offer is withdrawn and the coordinator told.`);
}

export interface DeclineOffer {
  user: SessionUser;
  actor: Actor;
  assignmentId: string;
  reason: string;
  at?: Date;
}

/**
 * Declines an offer with the reviewer's reason: the answer clock is met, and
 * in the same transaction the next suggestion is offered (when the setting
 * is on) and the coordinators are emailed.
 */
export async function declineOffer(input: DeclineOffer) {
  const offer = await ownOffer(input.user, input.assignmentId);
  const at = input.at ?? new Date();
  assertOpen(offer, at);
  const reason = input.reason.trim();
  // The coordinator needs the reason to find someone else: refused here too, not only by the form.
  if (!reason) throw new AppError("BAD_REQUEST", "Say why you decline, so the coordinator can find someone else.", { field: "reason" });
  return onLatestCase(offer.caseId, (latest) =>
    db.$transaction(async (tx) => {
      const declined = await changeCase({
        tx,
        caseId: offer.caseId,
        expectedVersion: latest.version,
        actor: { ...input.actor, roles: input.user.roles },
        action: "declineOffer",
        event: { type: "offer_declined", note: reason, data: { assignmentId: offer.id } },
        at,
        work: async (inner) => {
          await answer(inner, offer.id, at, { status: "DECLINED", respondedAt: at, endedAt: at, reason });
          await endOfferClock(inner, { caseId: offer.caseId, assignmentId: offer.id }, "answered", at);
        },
      });
      const ended = { assignmentId: offer.id, caseId: offer.caseId, reference: offer.case.reference, version: declined.version };
      await followUpEndedOffer(tx, { ...ended, reviewerName: input.user.name, offeredById: offer.offeredById, ending: "declined" }, input.actor, at);
    }),
  );
}
