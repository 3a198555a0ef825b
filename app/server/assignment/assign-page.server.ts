import { CASE_ACTIONS, can } from "~/domain/case-actions";
import type { CaseStatus } from "~/domain/case-status";
import { formatDeadlineTime, timeLeftText } from "~/domain/deadlines/case-deadlines";
import { localDate } from "~/domain/deadlines/time-zone";
import { nearMatchText, type AssignmentStatus } from "~/domain/matching";
import { OFFER_HOURS_SETTINGS, offerHours, seatsOpen } from "~/domain/offers";
import { DISPUTE_TYPE_LABELS, TRACK_LABELS } from "~/domain/reports/labels";
import { suggestedReviewerDueDate } from "~/domain/reviewer-due-date";
import { formatLocalDate } from "~/domain/rule-profiles";
import { specialtyLabel } from "~/domain/specialties";
import { suggestSpecialty } from "~/domain/specialty-suggestion";
import { db } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { caseRefused, caseViewed } from "../cases/case-views.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { assignWhere } from "./assignment-case.server";
import { decisionDueOf } from "./reviewer-due-date.server";
import { matchCase } from "./roster-snapshot.server";

const ENDED_LABELS: Record<Exclude<AssignmentStatus, "OFFERED" | "ACCEPTED">, string> = {
  DECLINED: "Declined",
  EXPIRED: "Did not answer in time",
  REPLACED: "Replaced",
  COMPLETED: "Finished",
  CANCELLED: "Ended with the review",
};

/** Why nothing can be offered on a case in this status, in the coordinator's words. */
function whyNoOffers(status: CaseStatus): string {
  if (status === "DRAFT" || status === "SUBMITTED" || status === "ELIGIBILITY_REVIEW") {
    return "Nothing can be offered yet: this case has not been accepted for review. Screen its eligibility and accept it on the case page first; reviewers are offered once it is accepted.";
  }
  return CASE_ACTIONS.offerReviewers.refusal();
}

/** What the page shows of the roster's exclusions: those of the case's specialty, or everyone. */
export type ExcludedShown = "specialty" | "all";

/**
 * The coordinator's assignment page for one case: the specialty it needs
 * (suggested from its codes until one is recorded), the facts matching
 * needs, the reviewers on the case now and before with their internal due
 * dates, and the matcher's suggestions, possible conflicts (with the
 * clearances given) and exclusions over the roster as it is at `now`.
 * Forms appear only for what the case's state allows.
 */
export async function assignPage(user: SessionUser, caseId: string, actor: Actor, now = new Date(), excludedShown: ExcludedShown = "specialty") {
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
      diagnosisCodes: true,
      procedureCodes: true,
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
          internalDueAt: true,
          reviewer: { select: { name: true } },
        },
      },
    },
  });
  const reader = { actor, page: "assign", at: now };
  if (!kase?.reference) throw await caseRefused(reader, caseId);
  await caseViewed(reader, kase);
  const [specialties, match, calendar, hoursSetting, clearances, decisionDue] = await Promise.all([
    db.specialty.findMany({ select: { code: true, name: true, board: true }, orderBy: [{ board: "asc" }, { name: "asc" }] }),
    matchCase(db, kase.id, now),
    organizationCalendar(),
    db.setting.findUnique({ where: { key: OFFER_HOURS_SETTINGS[kase.track] }, select: { value: true } }),
    db.conflictClearance.findMany({
      where: { caseId: kase.id },
      orderBy: { clearedAt: "asc" },
      select: { id: true, reason: true, clearedAt: true, reviewer: { select: { name: true } } },
    }),
    decisionDueOf(db, kase.id),
  ]);
  const { timeZone } = calendar;
  const at = (date: Date) => formatDeadlineTime(date, timeZone);
  const day = (date: Date) => formatLocalDate(localDate(date, timeZone));
  const offerable = can("offerReviewers", kase.status, user.roles);
  const settingDueDates = can("setReviewerDueDate", kase.status, user.roles);
  const suggestion = suggestSpecialty(kase);
  const nameOfSpecialty = new Map(specialties.map((specialty) => [specialty.code, specialty.name]));
  const labelOf = (code: string) => specialtyLabel({ code, name: nameOfSpecialty.get(code) ?? code });
  const excluded = match?.excluded ?? null;
  const open = seatsOpen(kase.panelSize, kase.assignments);
  const nameOf = new Map(kase.assignments.map((assignment) => [assignment.id, assignment.reviewer.name]));

  const boards = new Map<string, { code: string; name: string; label: string }[]>();
  for (const specialty of specialties) {
    const option = { code: specialty.code, name: specialty.name, label: specialtyLabel(specialty) };
    const group = boards.get(specialty.board);
    if (group) group.push(option);
    else boards.set(specialty.board, [option]);
  }
  for (const options of boards.values()) options.sort((a, b) => a.label.localeCompare(b.label, "en"));

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
    /** Why no reviewer can be offered the case now; null when they can. */
    noOffers: offerable ? null : whyNoOffers(kase.status),
    actions: {
      offer: offerable,
      replace: can("replaceReviewer", kase.status, user.roles),
      setDueDate: settingDueDates,
      // The matching facts serve the offers: they are recorded on this page while offers are possible.
      saveFacts: offerable && can("saveMatchingFacts", kase.status, user.roles),
    },
    offerHours: offerHours(kase.track, hoursSetting?.value),
    specialty: {
      needed: kase.specialtyNeeded ? { code: kase.specialtyNeeded, label: labelOf(kase.specialtyNeeded) } : null,
      suggested: suggestion
        ? {
            code: suggestion.code,
            label: labelOf(suggestion.code),
            why: `the ${suggestion.kind === "treatment" ? "CPT/HCPCS" : "ICD-10"} code ${suggestion.fromCode} (${suggestion.category.category}${
              suggestion.category.subcategory === "Other" ? "" : `: ${suggestion.category.subcategory}`
            })`,
          }
        : null,
      groups: [...boards].map(([board, options]) => ({ board, options })),
    },
    /** The internal due date the reviewer's determination is asked for by, and the regulatory one it must come before. */
    dueDate: decisionDue
      ? {
          decisionDue: at(decisionDue),
          suggested: suggestedReviewerDueDate(decisionDue, now, calendar),
          earliest: localDate(now, timeZone),
          latest: localDate(new Date(decisionDue.getTime() - 1), timeZone),
        }
      : null,
    facts: {
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
        internalDue: assignment.internalDueAt ? { text: day(assignment.internalDueAt), value: localDate(assignment.internalDueAt, timeZone) } : null,
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
    excluded: excluded && {
      shown: excludedShown,
      ofSpecialty: excluded.filter((reviewer) => reviewer.ofSpecialty).length,
      total: excluded.length,
      reviewers: excluded
        .filter((reviewer) => excludedShown === "all" || reviewer.ofSpecialty)
        .map((reviewer) => ({ id: reviewer.reviewerId, name: reviewer.name, reasons: reviewer.reasons, ofSpecialty: reviewer.ofSpecialty })),
    },
  };
}
