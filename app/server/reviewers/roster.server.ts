import { localDate, type LocalDate } from "~/domain/deadlines/time-zone";
import { flagWindowEnd, LICENSE_STATUSES_WATCHED, rosterFlags, unavailableUntil, reverificationDueOn } from "~/domain/roster";
import type { RosterFilter } from "~/schemas/roster";
import { db, type Prisma } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { notFound } from "../errors.server";
import { dateColumn, localDateOf, organizationToday, reverificationDueWhere, ROSTER_WHERE } from "./reverification.server";

const PAGE_SIZE = 25;
const BUSY = ["OFFERED", "ACCEPTED"] as const;

/** The profile as the roster and the editor show it; leave that is over is left out. */
function profileSelect(today: LocalDate) {
  return {
    primarySpecialty: true,
    credentials: true,
    yearsInPractice: true,
    credentialsVerifiedOn: true,
    openDisciplinaryAction: true,
    capacity: true,
    specialties: { select: { specialtyCode: true, primary: true } },
    certifications: { select: { id: true, specialtyCode: true, board: true, certifiedOn: true, expiresOn: true }, orderBy: { expiresOn: "asc" } },
    licenses: { select: { id: true, state: true, number: true, expiresOn: true, status: true }, orderBy: [{ state: "asc" }, { expiresOn: "asc" }] },
    unavailability: {
      where: { endsOn: { gte: dateColumn(today) } },
      select: { id: true, startsOn: true, endsOn: true, note: true },
      orderBy: { startsOn: "asc" },
    },
    affiliations: { select: { id: true, kind: true, name: true, identifier: true, planId: true }, orderBy: { createdAt: "asc" } },
    // Requests to remove an affiliation waiting for an administrator (few: one per affiliation at most).
    affiliationRemovalRequests: {
      where: { status: "PENDING" },
      select: { id: true, affiliationId: true, kind: true, name: true, identifier: true, requestedAt: true },
      orderBy: { requestedAt: "asc" },
    },
  } satisfies Prisma.ReviewerProfileSelect;
}

function reviewerSelect(today: LocalDate) {
  return {
    id: true,
    name: true,
    email: true,
    reviewerProfile: { select: profileSelect(today) },
    _count: { select: { assignments: { where: { status: { in: [...BUSY] } } } } },
  } satisfies Prisma.UserSelect;
}

type ReviewerRow = Prisma.UserGetPayload<{ select: ReturnType<typeof reviewerSelect> }>;
type SpecialtyNames = Map<string, { name: string; parentCode: string | null }>;

async function specialtyNames(): Promise<SpecialtyNames> {
  const rows = await db.specialty.findMany({ select: { code: true, name: true, parentCode: true } });
  return new Map(rows.map((row) => [row.code, { name: row.name, parentCode: row.parentCode }]));
}

/** One reviewer as the pages show them: calendar dates as local dates, with names, workload and flags. */
function reviewerView(row: ReviewerRow, names: SpecialtyNames, plans: Map<string, string>, today: LocalDate, timeZone: string) {
  const profile = row.reviewerProfile;
  const nameOf = (code: string) => names.get(code)?.name ?? code;
  const certifications = (profile?.certifications ?? []).map((certification) => ({
    id: certification.id,
    specialtyCode: certification.specialtyCode,
    specialtyName: nameOf(certification.specialtyCode),
    board: certification.board,
    certifiedOn: certification.certifiedOn ? localDateOf(certification.certifiedOn) : null,
    expiresOn: certification.expiresOn ? localDateOf(certification.expiresOn) : null,
  }));
  const licenses = (profile?.licenses ?? []).map((license) => ({ ...license, expiresOn: localDateOf(license.expiresOn) }));
  const unavailability = (profile?.unavailability ?? []).map((period) => ({
    id: period.id,
    startsOn: localDateOf(period.startsOn),
    endsOn: localDateOf(period.endsOn),
    note: period.note,
  }));
  const verifiedOn = profile?.credentialsVerifiedOn ? localDateOf(profile.credentialsVerifiedOn) : null;
  const openDisciplinaryAction = profile?.openDisciplinaryAction ?? null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    hasProfile: profile !== null,
    primarySpecialty: profile?.primarySpecialty ?? "",
    credentials: profile?.credentials ?? "",
    yearsInPractice: profile?.yearsInPractice ?? 0,
    credentialsVerifiedOn: verifiedOn,
    reverifyBy: verifiedOn ? reverificationDueOn(verifiedOn) : null,
    openDisciplinaryAction,
    capacity: profile?.capacity ?? 0,
    workload: row._count.assignments,
    specialties: (profile?.specialties ?? [])
      .map((specialty) => {
        const parentCode = names.get(specialty.specialtyCode)?.parentCode ?? null;
        return {
          code: specialty.specialtyCode,
          name: nameOf(specialty.specialtyCode),
          primary: specialty.primary,
          parentName: parentCode ? nameOf(parentCode) : null,
        };
      })
      .sort((a, b) => Number(b.primary) - Number(a.primary) || a.name.localeCompare(b.name)),
    certifications,
    licenses,
    unavailability,
    affiliations: (profile?.affiliations ?? []).map((affiliation) => ({
      ...affiliation,
      planName: affiliation.planId ? (plans.get(affiliation.planId) ?? null) : null,
      removalRequested: (profile?.affiliationRemovalRequests ?? []).some((request) => request.affiliationId === affiliation.id),
    })),
    removalRequests: (profile?.affiliationRemovalRequests ?? []).map((request) => ({
      id: request.id,
      kind: request.kind,
      name: request.name,
      identifier: request.identifier,
      requestedOn: localDate(request.requestedAt, timeZone),
    })),
    unavailableUntil: unavailableUntil(unavailability, today),
    flags: rosterFlags({ credentialsVerifiedOn: verifiedOn, openDisciplinaryAction, licenses, certifications }, today),
  };
}
export type ReviewerView = ReturnType<typeof reviewerView>;

/** The roster's `where` for a filter; the flag conditions are the domain's flags, written for the database. */
function rosterWhere(filter: RosterFilter, today: LocalDate): Prisma.UserWhereInput {
  const conditions: Prisma.UserWhereInput[] = [ROSTER_WHERE];
  if (filter.specialty) {
    const code = filter.specialty;
    conditions.push({
      reviewerProfile: { is: { OR: [{ specialties: { some: { specialtyCode: code } } }, { certifications: { some: { specialtyCode: code } } }] } },
    });
  }
  const windowEnd = dateColumn(flagWindowEnd(today));
  if (filter.flag === "reverification") conditions.push(reverificationDueWhere(today));
  if (filter.flag === "expiring") {
    conditions.push({
      reviewerProfile: {
        is: {
          OR: [
            { licenses: { some: { status: { in: [...LICENSE_STATUSES_WATCHED] }, expiresOn: { lte: windowEnd } } } },
            { certifications: { some: { expiresOn: { lte: windowEnd } } } },
          ],
        },
      },
    });
  }
  if (filter.flag === "disciplinary") {
    conditions.push({ reviewerProfile: { is: { AND: [{ openDisciplinaryAction: { not: null } }, { NOT: { openDisciplinaryAction: "" } }] } } });
  }
  return { AND: conditions };
}

async function planNames(): Promise<Map<string, string>> {
  const plans = await db.healthPlan.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  return new Map(plans.map((plan) => [plan.id, plan.name]));
}

/** Specialties for a choice list: by board, each specialty followed by its sub-specialties. */
async function specialtyOptions() {
  const rows = await db.specialty.findMany({ select: { code: true, name: true, board: true, parentCode: true }, orderBy: { name: "asc" } });
  const byParent = new Map<string | null, typeof rows>();
  for (const row of rows) byParent.set(row.parentCode, [...(byParent.get(row.parentCode) ?? []), row]);
  const names = new Map(rows.map((row) => [row.code, row.name]));
  const ordered: { code: string; label: string; board: string }[] = [];
  const visit = (row: (typeof rows)[number]) => {
    const parent = row.parentCode ? names.get(row.parentCode) : undefined;
    ordered.push({ code: row.code, label: parent ? `${row.name} (sub-specialty of ${parent.toLowerCase()})` : row.name, board: row.board });
    for (const child of byParent.get(row.code) ?? []) visit(child);
  };
  for (const row of rows) if (row.parentCode === null || !names.has(row.parentCode)) visit(row);
  const boards = [...new Set(ordered.map((option) => option.board))].sort((a, b) => a.localeCompare(b));
  return boards.map((board) => ({ board, options: ordered.filter((option) => option.board === board) }));
}

/** The roster list: every reviewer matching the filter, by name, a page at a time. */
export async function rosterPage(filter: RosterFilter, now: Date = new Date()) {
  const today = await organizationToday(now);
  const where = rosterWhere(filter, today);
  const [rows, matching, names, plans, specialties, { timeZone }] = await Promise.all([
    db.user.findMany({ where, select: reviewerSelect(today), orderBy: [{ name: "asc" }, { id: "asc" }], skip: (filter.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.user.count({ where }),
    specialtyNames(),
    planNames(),
    specialtyOptions(),
    organizationCalendar(),
  ]);
  return {
    today,
    reviewers: rows.map((row) => reviewerView(row, names, plans, today, timeZone)),
    matching,
    pages: Math.max(1, Math.ceil(matching / PAGE_SIZE)),
    specialties,
  };
}

const REMOVAL_REQUESTS_SHOWN = 20;

/**
 * Reviewers' requests to remove an affiliation that wait for an
 * administrator, oldest first (the first 20, with how many in all): each
 * links to the reviewer's roster page, where it is approved or rejected.
 */
export async function pendingRemovalRequests() {
  const where = { status: "PENDING" as const };
  const [rows, total, { timeZone }] = await Promise.all([
    db.affiliationRemovalRequest.findMany({
      where,
      orderBy: { requestedAt: "asc" },
      take: REMOVAL_REQUESTS_SHOWN,
      select: { id: true, reviewerId: true, name: true, requestedAt: true, reviewer: { select: { user: { select: { name: true } } } } },
    }),
    db.affiliationRemovalRequest.count({ where }),
    organizationCalendar(),
  ]);
  const requests = rows.map((row) => ({
    id: row.id,
    reviewerId: row.reviewerId,
    reviewerName: row.reviewer.user.name,
    affiliation: row.name,
    requestedOn: localDate(row.requestedAt, timeZone),
  }));
  return { requests, total };
}

/** One reviewer's profile with the choices its forms offer; 404 for anyone not on the roster. */
export async function reviewerProfilePage(reviewerId: string, now: Date = new Date()) {
  const today = await organizationToday(now);
  const row = await db.user.findFirst({ where: { AND: [ROSTER_WHERE, { id: reviewerId }] }, select: reviewerSelect(today) });
  if (!row) throw notFound("This reviewer");
  const [names, plans, specialties, { timeZone }] = await Promise.all([specialtyNames(), planNames(), specialtyOptions(), organizationCalendar()]);
  return {
    today,
    reviewer: reviewerView(row, names, plans, today, timeZone),
    specialties,
    plans: [...plans].map(([id, name]) => ({ id, name })),
  };
}

// ---------------------------------------------------------------------------
// Changes. Each runs in one transaction with its audit row, whose detail
// holds the row or fields before and after.
