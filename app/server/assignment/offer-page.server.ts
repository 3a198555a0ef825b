import { attestationHeading, attestationPartyList, attestationStatements } from "~/domain/attestation";
import { casePagePath } from "~/domain/case-paths";
import { formatDeadlineTime, timeLeftText } from "~/domain/deadlines/case-deadlines";
import { CLOSED_OFFER_TEXT, offerState } from "~/domain/offers";
import { DISPUTE_TYPE_LABELS, TRACK_LABELS } from "~/domain/reports/labels";
import { caseViewed, refusedAs } from "../cases/case-views.server";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { attestationPartiesOf, ownOffer } from "./answer-offer.server";
import { offerPagePath } from "./assignment-case.server";

async function specialtyNames(codes: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = codes.filter((code): code is string => code !== null);
  if (wanted.length === 0) return new Map();
  const rows = await db.specialty.findMany({ where: { code: { in: wanted } }, select: { code: true, name: true } });
  return new Map(rows.map((row) => [row.code, row.name]));
}

/**
 * The offers waiting for the reviewer's answer, for their home page: only
 * what anyone may know before the attestation (reference, specialty, track,
 * type of dispute, when to answer), never the patient or the records.
 */
export async function reviewerOffers(reviewerId: string, now = new Date()) {
  const offers = await db.reviewerAssignment.findMany({
    where: { reviewerId, status: "OFFERED" },
    select: { id: true, offerDueAt: true, case: { select: { reference: true, track: true, disputeType: true, specialtyNeeded: true } } },
    orderBy: [{ offerDueAt: "asc" }, { offeredAt: "asc" }],
  });
  const names = await specialtyNames(offers.map((offer) => offer.case.specialtyNeeded));
  return offers.map((offer) => ({
    id: offer.id,
    link: offerPagePath(offer.id),
    reference: offer.case.reference ?? "A case",
    track: TRACK_LABELS[offer.case.track],
    disputeType: offer.case.disputeType ? DISPUTE_TYPE_LABELS[offer.case.disputeType] : null,
    specialty: offer.case.specialtyNeeded ? (names.get(offer.case.specialtyNeeded) ?? offer.case.specialtyNeeded) : null,
    answerBy: offer.offerDueAt,
    timeLeft: offer.offerDueAt ? timeLeftText(offer.offerDueAt, now) : null,
    lapsed: offerState({ status: "OFFERED", offerDueAt: offer.offerDueAt }, now) === "lapsed",
  }));
}

/**
 * One offer as its reviewer sees it before answering: the minimal summary,
 * every party the attestation names (so it is not signed blind), the
 * service in dispute and its codes, and the attestation for this case.
 * Nothing else medical: the records open once the reviewer signs. Once accepted, a link to the case.
 * Only the reviewer it was offered to finds it.
 */
export async function offerPage(user: Pick<SessionUser, "id" | "roles">, assignmentId: string, actor: Actor, now = new Date()) {
  const reader = { actor, page: "offer", at: now };
  const offer = await ownOffer(user, assignmentId).catch(refusedAs(reader, assignmentId, "ReviewerAssignment"));
  await caseViewed(reader, { id: offer.caseId, reference: offer.case.reference });
  const [names, { timeZone }] = await Promise.all([specialtyNames([offer.case.specialtyNeeded]), organizationCalendar()]);
  const state = offerState(offer, now);
  const parties = attestationPartiesOf(offer);
  const specialty = offer.case.specialtyNeeded;
  return {
    id: offer.id,
    reference: offer.case.reference,
    track: TRACK_LABELS[offer.case.track],
    expedited: offer.case.track === "EXPEDITED",
    disputeType: offer.case.disputeType ? DISPUTE_TYPE_LABELS[offer.case.disputeType] : null,
    specialty: specialty ? (names.get(specialty) ?? specialty) : null,
    panelSize: offer.case.panelSize,
    offered: formatDeadlineTime(offer.offeredAt, timeZone),
    answerBy: offer.offerDueAt ? formatDeadlineTime(offer.offerDueAt, timeZone) : null,
    timeLeft: offer.offerDueAt && state === "open" ? timeLeftText(offer.offerDueAt, now) : null,
    state,
    closedText: state === "open" ? null : CLOSED_OFFER_TEXT[state],
    caseLink: state === "accepted" ? casePagePath("REVIEWER", offer.caseId) : null,
    service: offer.case.serviceDescription,
    serviceCodes: offer.case.procedureCodes,
    parties: attestationPartyList(parties),
    attestation: { heading: attestationHeading(parties.reference), statements: attestationStatements(parties) },
  };
}
