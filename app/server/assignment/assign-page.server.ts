import { can } from "~/domain/case-actions";
import { formatDeadlineTime, timeLeftText } from "~/domain/deadlines/case-deadlines";
import { nearMatchText, type AssignmentStatus } from "~/domain/matching";
import { OFFER_HOURS_SETTINGS, offerHours, seatsOpen } from "~/domain/offers";
import { DISPUTE_TYPE_LABELS, TRACK_LABELS } from "~/domain/reports/labels";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { caseRefused, caseViewed } from "../cases/case-views.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { assignWhere } from "./assignment-case.server";
import { matchCase } from "./roster-snapshot.server";

const ENDED_LABELS: Record<Exclude<AssignmentStatus, "OFFERED" | "ACCEPTED">, string> = {
  DECLINED: "Declined",
  EXPIRED: "Did not answer in time",
  REPLACED: "Replaced",
  COMPLETED: "Finished",
  CANCELLED: "Ended with the review",
};

/**
 * The coordinator's assignment page for one case: the facts matching
 * needs, the reviewers on the case now and before, and the matcher's
 * suggestions, possible conflicts (with the clearances given) and
 * exclusions over the roster as it is at `now`.
 */
export async function assignPage(user: SessionUser, caseId: string, actor: Actor, now = new Date()) {
  const kase = await db.case.findFirst({
    where: assignWhere(user, caseId),
    select: {
      id: true,
      reference: true,
      status: true,
      version: true,
      track: true,
      disputeType: true,
      patientName: true,
      serviceDescription: true,
      panelSize: true,
      specialtyNeeded: true,
      providerName: true,
      providerNpi: true,
      treatingGroupName: true,
      treatingGroupIdentifier: true,
      providerFacility: true,
      facilityIdentifier: true,
      manufacturerName: true,
      manufacturerIdentifier: true,
      plan: { select: { name: true } },
      assignments: {
        orderBy: { offeredAt: "asc" },
        select: {
          id: true,
          status: true,
          offeredAt: true,
          offerDueAt: true,
          respondedAt: true,
          attestedAt: true,
          endedAt: true,
          reason: true,
          replacedById: true,
          replacementReason: true,
          reviewer: { select: { name: true } },
        },
      },
    },
  });
  const reader = { actor, page: "assign", at: now };
  if (!kase?.reference) throw await caseRefused(reader, caseId);
  await caseViewed(reader, kase);
  const [specialties, match, calendar, hoursSetting, clearances] = await Promise.all([
    db.specialty.findMany({ select: { code: true, name: true, board: true }, orderBy: [{ board: "asc" }, { name: "asc" }] }),
    matchCase(db, kase.id, now),
    organizationCalendar(),
    db.setting.findUnique({ where: { key: OFFER_HOURS_SETTINGS[kase.track] }, select: { value: true } }),
    db.conflictClearance.findMany({
      where: { caseId: kase.id },
      orderBy: { clearedAt: "asc" },
      select: { id: true, reason: true, clearedAt: true, reviewer: { select: { name: true } } },
    }),
  ]);
  const { timeZone } = calendar;
  const at = (date: Date) => formatDeadlineTime(date, timeZone);
  const offerable = can("offerReviewers", kase.status, user.roles);
  const open = seatsOpen(kase.panelSize, kase.assignments);
  const nameOf = new Map(kase.assignments.map((assignment) => [assignment.id, assignment.reviewer.name]));

  const boards = new Map<string, { code: string; name: string }[]>();
  for (const specialty of specialties) {
    const group = boards.get(specialty.board);
    if (group) group.push({ code: specialty.code, name: specialty.name });
    else boards.set(specialty.board, [{ code: specialty.code, name: specialty.name }]);
  }

  return {
    id: kase.id,
    reference: kase.reference,
    status: kase.status,
    version: kase.version,
    track: TRACK_LABELS[kase.track],
    expedited: kase.track === "EXPEDITED",
    disputeType: kase.disputeType ? DISPUTE_TYPE_LABELS[kase.disputeType] : null,
    planName: kase.plan?.name ?? null,
    patientName: kase.patientName,
    serviceDescription: kase.serviceDescription,
    panelSize: kase.panelSize,
    seatsOpen: open,
    offerable,
    offerHours: offerHours(kase.track, hoursSetting?.value),
    specialtyGroups: [...boards].map(([board, options]) => ({ board, options })),
    facts: {
      specialtyNeeded: kase.specialtyNeeded ?? "",
      providerName: kase.providerName ?? "",
      providerNpi: kase.providerNpi ?? "",
      treatingGroupName: kase.treatingGroupName ?? "",
      treatingGroupIdentifier: kase.treatingGroupIdentifier ?? "",
      providerFacility: kase.providerFacility ?? "",
      facilityIdentifier: kase.facilityIdentifier ?? "",
      manufacturerName: kase.manufacturerName ?? "",
      manufacturerIdentifier: kase.manufacturerIdentifier ?? "",
    },
    current: kase.assignments
      .filter((assignment) => assignment.status === "OFFERED" || assignment.status === "ACCEPTED")
      .map((assignment) => ({
        id: assignment.id,
        name: assignment.reviewer.name,
        status:
          assignment.status === "OFFERED"
            ? assignment.offerDueAt
              ? `Offered ${at(assignment.offeredAt)}; answer due by ${at(assignment.offerDueAt)} (${timeLeftText(assignment.offerDueAt, now)})`
              : `Offered ${at(assignment.offeredAt)}`
            : `Accepted and attested no conflict ${at(assignment.attestedAt ?? assignment.respondedAt ?? assignment.offeredAt)}`,
        accepted: assignment.status === "ACCEPTED",
        /** Why the reviewer should be replaced: a roster change made them ineligible since they accepted. */
        replacementNeeded: assignment.status === "ACCEPTED" ? assignment.replacementReason : null,
      })),
    history: kase.assignments
      .filter((assignment) => assignment.status !== "OFFERED" && assignment.status !== "ACCEPTED")
      .map((assignment) => ({
        id: assignment.id,
        name: assignment.reviewer.name,
        // An offer taken back before any answer was withdrawn, not a reviewer replaced.
        outcome:
          assignment.status === "REPLACED" && assignment.respondedAt === null
            ? "Offer withdrawn"
            : ENDED_LABELS[assignment.status as keyof typeof ENDED_LABELS],
        offered: assignment.offeredAt,
        ended: assignment.endedAt,
        reason: assignment.reason,
        replacedBy: assignment.replacedById ? (nameOf.get(assignment.replacedById) ?? null) : null,
      })),
    suggested:
      match?.suggested.map((reviewer) => ({
        id: reviewer.reviewerId,
        name: reviewer.name,
        fit: `${reviewer.fit === "same" ? "Same specialty" : "Similar specialty"}: ${reviewer.certifiedIn.name}`,
        workload: `${reviewer.workload} of ${reviewer.capacity} cases`,
        lastCase: reviewer.lastAssignedAt,
      })) ?? null,
    possibleConflicts:
      match?.possibleConflicts.map((reviewer) => ({
        id: reviewer.reviewerId,
        name: reviewer.name,
        fit: `${reviewer.fit === "same" ? "Same specialty" : "Similar specialty"}: ${reviewer.certifiedIn.name}`,
        matches: reviewer.matches.map(nearMatchText),
      })) ?? null,
    clearances: clearances.map((clearance) => ({
      id: clearance.id,
      name: clearance.reviewer.name,
      reason: clearance.reason,
      cleared: at(clearance.clearedAt),
    })),
    excluded: match?.excluded.map((reviewer) => ({ id: reviewer.reviewerId, name: reviewer.name, reasons: reviewer.reasons })) ?? null,
  };
}
