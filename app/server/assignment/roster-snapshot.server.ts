import { OPEN_STATUSES } from "~/domain/case-status";
import { matchReviewers, recheckReviewer, type CaseFacts, type MatchResult, type RosterReviewer, type SpecialtyMap } from "~/domain/matching";
import { db, type Tx } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { ROSTER_WHERE } from "../reviewers/reverification.server";

/**
 * The roster as matchReviewers takes it: every active reviewer with a
 * profile, their credentials, leave and declared ties, their current
 * workload (offers waiting and cases held, on open cases) and when they
 * were last offered a case. `only` narrows it to one reviewer.
 */
async function rosterSnapshot(client: Tx = db, only?: string): Promise<RosterReviewer[]> {
  const one = only === undefined ? {} : { reviewerId: only };
  const [reviewers, load, last] = await Promise.all([
    client.user.findMany({
      where: { ...ROSTER_WHERE, reviewerProfile: { isNot: null }, ...(only === undefined ? {} : { id: only }) },
      select: {
        id: true,
        name: true,
        reviewerProfile: {
          select: {
            yearsInPractice: true,
            credentialsVerifiedOn: true,
            openDisciplinaryAction: true,
            capacity: true,
            licenses: { select: { state: true, expiresOn: true, status: true } },
            certifications: { select: { specialtyCode: true, expiresOn: true } },
            unavailability: { select: { startsOn: true, endsOn: true } },
            affiliations: { select: { kind: true, name: true, identifier: true, planId: true } },
          },
        },
      },
    }),
    client.reviewerAssignment.groupBy({
      by: ["reviewerId"],
      where: { ...one, status: { in: ["OFFERED", "ACCEPTED"] }, case: { status: { in: [...OPEN_STATUSES] } } },
      _count: { _all: true },
    }),
    client.reviewerAssignment.groupBy({ by: ["reviewerId"], where: one, _max: { offeredAt: true } }),
  ]);
  const workload = new Map(load.map((row) => [row.reviewerId, row._count._all]));
  const lastOffered = new Map(last.map((row) => [row.reviewerId, row._max.offeredAt]));
  return reviewers.flatMap(({ id, name, reviewerProfile: profile }) =>
    profile
      ? [
          {
            id,
            name,
            yearsInPractice: profile.yearsInPractice,
            credentialsVerifiedOn: profile.credentialsVerifiedOn,
            openDisciplinaryAction: profile.openDisciplinaryAction,
            capacity: profile.capacity,
            workload: workload.get(id) ?? 0,
            lastAssignedAt: lastOffered.get(id) ?? null,
            licenses: profile.licenses,
            certifications: profile.certifications,
            unavailability: profile.unavailability,
            affiliations: profile.affiliations,
          },
        ]
      : [],
  );
}

/** The specialty list and the admin's similar pairs. */
async function specialtyMap(client: Tx = db): Promise<SpecialtyMap> {
  const [specialties, similar] = await Promise.all([
    client.specialty.findMany({ select: { code: true, name: true, parentCode: true } }),
    client.similarSpecialty.findMany({ select: { specialtyCode: true, similarCode: true } }),
  ]);
  return { specialties, similar };
}

/** What the matcher needs to know about the case; null until the coordinator recorded the specialty needed. */
async function caseFactsOf(client: Tx, caseId: string): Promise<CaseFacts | null> {
  const kase = await client.case.findUnique({
    where: { id: caseId },
    select: {
      specialtyNeeded: true,
      planId: true,
      plan: { select: { name: true } },
      providerName: true,
      providerNpi: true,
      treatingGroupName: true,
      treatingGroupIdentifier: true,
      providerFacility: true,
      facilityIdentifier: true,
      manufacturerName: true,
      manufacturerIdentifier: true,
      assignments: { select: { reviewerId: true, status: true, offeredAt: true, respondedAt: true, endedAt: true } },
      conflictClearances: { select: { reviewerId: true, matchKeys: true } },
    },
  });
  if (!kase?.specialtyNeeded) return null;
  const { plan, specialtyNeeded, conflictClearances, ...facts } = kase;
  return { ...facts, specialtyNeeded, planName: plan?.name ?? null, clearedConflicts: conflictClearances };
}

/**
 * Runs the matcher for a case over the roster as it is now, on the
 * organization's local date. Inside an offer's transaction it sees the
 * same rows the offer will be checked against. Null until the specialty
 * needed is recorded.
 */
export async function matchCase(client: Tx, caseId: string, now: Date): Promise<MatchResult | null> {
  const facts = await caseFactsOf(client, caseId);
  if (!facts) return null;
  const [roster, specialties, calendar] = await Promise.all([rosterSnapshot(client), specialtyMap(client), organizationCalendar(client)]);
  return matchReviewers(facts, roster, { today: now, timeZone: calendar.timeZone, specialties });
}

/**
 * Every matching rule again, now, for a reviewer offered the case or holding
 * it (recheckReviewer): the reasons they fail, empty while they qualify. A
 * reviewer no longer on the roster (disabled) fails with that reason.
 */
export async function recheckOnCase(client: Tx, caseId: string, reviewerId: string, holds: "offer" | "assignment", now: Date): Promise<string[]> {
  const facts = await caseFactsOf(client, caseId);
  // Without the specialty no one was offered the case: nothing to check against.
  if (!facts) return [];
  const [roster, specialties, calendar] = await Promise.all([rosterSnapshot(client, reviewerId), specialtyMap(client), organizationCalendar(client)]);
  const reviewer = roster[0];
  if (!reviewer) return ["no longer on the reviewer roster"];
  return recheckReviewer(facts, reviewer, holds, { today: now, timeZone: calendar.timeZone, specialties });
}
