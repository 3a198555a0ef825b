import type { z } from "zod";
import type { LocalDate } from "~/domain/deadlines/time-zone";
import { flagWindowEnd, LICENSE_STATUSES_WATCHED, rosterFlags, unavailableUntil, reverificationDueOn } from "~/domain/roster";
import { echoableValues, zodFieldErrors, type FormFailure } from "~/forms/form-data";
import {
  affiliationFormSchema,
  certificationFormSchema,
  licenseFormSchema,
  practiceFormSchema,
  rowIdSchema,
  specialtyFormSchema,
  specialtyRowSchema,
  unavailabilityFormSchema,
  type AffiliationForm,
  type CertificationForm,
  type LicenseForm,
  type PracticeForm,
  type RosterFilter,
  type RosterIntent,
  type UnavailabilityForm,
} from "~/schemas/roster";
import { audit } from "../audit.server";
import { db, type Prisma, type Tx } from "../db.server";
import { AppError, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
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
    unavailability: { where: { endsOn: { gte: dateColumn(today) } }, select: { id: true, startsOn: true, endsOn: true, note: true }, orderBy: { startsOn: "asc" } },
    affiliations: { select: { id: true, kind: true, name: true, identifier: true, planId: true }, orderBy: { createdAt: "asc" } },
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
function reviewerView(row: ReviewerRow, names: SpecialtyNames, plans: Map<string, string>, today: LocalDate) {
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
        return { code: specialty.specialtyCode, name: nameOf(specialty.specialtyCode), primary: specialty.primary, parentName: parentCode ? nameOf(parentCode) : null };
      })
      .sort((a, b) => Number(b.primary) - Number(a.primary) || a.name.localeCompare(b.name)),
    certifications,
    licenses,
    unavailability,
    affiliations: (profile?.affiliations ?? []).map((affiliation) => ({
      ...affiliation,
      planName: affiliation.planId ? (plans.get(affiliation.planId) ?? null) : null,
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
  const [rows, matching, names, plans, specialties] = await Promise.all([
    db.user.findMany({ where, select: reviewerSelect(today), orderBy: [{ name: "asc" }, { id: "asc" }], skip: (filter.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.user.count({ where }),
    specialtyNames(),
    planNames(),
    specialtyOptions(),
  ]);
  return {
    today,
    reviewers: rows.map((row) => reviewerView(row, names, plans, today)),
    matching,
    pages: Math.max(1, Math.ceil(matching / PAGE_SIZE)),
    specialties,
  };
}

/** One reviewer's profile with the choices its forms offer; 404 for anyone not on the roster. */
export async function reviewerProfilePage(reviewerId: string, now: Date = new Date()) {
  const today = await organizationToday(now);
  const row = await db.user.findFirst({ where: { AND: [ROSTER_WHERE, { id: reviewerId }] }, select: reviewerSelect(today) });
  if (!row) throw notFound("This reviewer");
  const [names, plans, specialties] = await Promise.all([specialtyNames(), planNames(), specialtyOptions()]);
  return {
    today,
    reviewer: reviewerView(row, names, plans, today),
    specialties,
    plans: [...plans].map(([id, name]) => ({ id, name })),
  };
}

// ---------------------------------------------------------------------------
// Changes. Each runs in one transaction with its audit row, whose detail
// holds the row or fields before and after.

/** The reviewer's profile, created empty on their first change; 404 for anyone not on the roster. */
async function profileOf(tx: Tx, reviewerId: string) {
  const reviewer = await tx.user.findFirst({ where: { AND: [ROSTER_WHERE, { id: reviewerId }] }, select: { id: true } });
  if (!reviewer) throw notFound("This reviewer");
  return tx.reviewerProfile.upsert({
    where: { userId: reviewerId },
    create: { userId: reviewerId, primarySpecialty: "", credentials: "" },
    update: {},
    select: { primarySpecialty: true, credentials: true, yearsInPractice: true, credentialsVerifiedOn: true, openDisciplinaryAction: true, capacity: true },
  });
}

async function change(actor: Actor, reviewerId: string, what: string, before: unknown, after: unknown, tx: Tx) {
  await audit(actor, { action: `roster.${what}`, objectType: "ReviewerProfile", objectId: reviewerId, detail: { before, after } }, tx);
}

const fieldError = (field: string, message: string) => new AppError("BAD_REQUEST", message, { field });

async function savePractice(reviewerId: string, input: PracticeForm, actor: Actor, today: LocalDate) {
  if (input.credentialsVerifiedOn && input.credentialsVerifiedOn > today) {
    throw fieldError("credentialsVerifiedOn", "The date cannot be in the future: enter the day the verification was done.");
  }
  await db.$transaction(async (tx) => {
    const profile = await profileOf(tx, reviewerId);
    const current = { ...profile, credentialsVerifiedOn: profile.credentialsVerifiedOn ? localDateOf(profile.credentialsVerifiedOn) : null };
    const keys = ["credentials", "yearsInPractice", "credentialsVerifiedOn", "openDisciplinaryAction", "capacity"] as const;
    const changed = keys.filter((key) => current[key] !== input[key]);
    if (changed.length === 0) return;
    await tx.reviewerProfile.update({
      where: { userId: reviewerId },
      data: { ...input, credentialsVerifiedOn: input.credentialsVerifiedOn ? dateColumn(input.credentialsVerifiedOn) : null },
    });
    const pick = (source: Record<(typeof keys)[number], unknown>) => Object.fromEntries(changed.map((key) => [key, source[key]]));
    await change(actor, reviewerId, "practice_updated", pick(current), pick(input), tx);
  });
}

async function specialtyNamed(tx: Tx, code: string, field: string) {
  const specialty = await tx.specialty.findUnique({ where: { code }, select: { code: true, name: true, board: true } });
  if (!specialty) throw fieldError(field, "Choose a specialty from the list.");
  return specialty;
}

async function addSpecialty(reviewerId: string, code: string, actor: Actor) {
  await db.$transaction(async (tx) => {
    await profileOf(tx, reviewerId);
    const specialty = await specialtyNamed(tx, code, "specialtyCode");
    const existing = await tx.reviewerSpecialty.findMany({ where: { reviewerId }, select: { specialtyCode: true } });
    if (existing.some((row) => row.specialtyCode === code)) throw fieldError("specialtyCode", `${specialty.name} is already on the profile.`);
    // The first specialty is the primary one; another is made primary with its own button.
    const primary = existing.length === 0;
    await tx.reviewerSpecialty.create({ data: { reviewerId, specialtyCode: code, primary } });
    if (primary) await tx.reviewerProfile.update({ where: { userId: reviewerId }, data: { primarySpecialty: specialty.name } });
    await change(actor, reviewerId, "specialty_added", null, { specialtyCode: code, name: specialty.name, primary }, tx);
  });
}

/** The primary specialty also names the reviewer's specialty on letters (ReviewerProfile.primarySpecialty). */
async function makePrimary(reviewerId: string, code: string, actor: Actor) {
  await db.$transaction(async (tx) => {
    const rows = await tx.reviewerSpecialty.findMany({ where: { reviewerId }, select: { specialtyCode: true, primary: true } });
    if (!rows.some((row) => row.specialtyCode === code)) throw notFound("This specialty of the reviewer");
    const before = rows.find((row) => row.primary)?.specialtyCode ?? null;
    if (before === code) return;
    const specialty = await specialtyNamed(tx, code, "specialtyCode");
    await tx.reviewerSpecialty.updateMany({ where: { reviewerId, primary: true }, data: { primary: false } });
    await tx.reviewerSpecialty.update({ where: { reviewerId_specialtyCode: { reviewerId, specialtyCode: code } }, data: { primary: true } });
    await tx.reviewerProfile.update({ where: { userId: reviewerId }, data: { primarySpecialty: specialty.name } });
    await change(actor, reviewerId, "primary_specialty_changed", { primary: before }, { primary: code }, tx);
  });
}

async function removeSpecialty(reviewerId: string, code: string, actor: Actor) {
  await db.$transaction(async (tx) => {
    const row = await tx.reviewerSpecialty.findUnique({ where: { reviewerId_specialtyCode: { reviewerId, specialtyCode: code } } });
    if (!row) throw notFound("This specialty of the reviewer");
    if (row.primary) throw new AppError("BAD_REQUEST", "The primary specialty stays: make another specialty primary first, then remove this one.");
    await tx.reviewerSpecialty.delete({ where: { reviewerId_specialtyCode: { reviewerId, specialtyCode: code } } });
    await change(actor, reviewerId, "specialty_removed", { specialtyCode: code, primary: false }, null, tx);
  });
}

async function addCertification(reviewerId: string, input: CertificationForm, actor: Actor) {
  await db.$transaction(async (tx) => {
    await profileOf(tx, reviewerId);
    const specialty = await specialtyNamed(tx, input.certificationSpecialtyCode, "certificationSpecialtyCode");
    const row = await tx.boardCertification.create({
      data: {
        reviewerId,
        specialtyCode: specialty.code,
        board: input.board ?? specialty.board,
        certifiedOn: input.certifiedOn ? dateColumn(input.certifiedOn) : null,
        expiresOn: input.certificationExpiresOn ? dateColumn(input.certificationExpiresOn) : null,
      },
    });
    await change(actor, reviewerId, "certification_added", null, certificationDetail(row), tx);
  });
}

function certificationDetail(row: { id: string; specialtyCode: string; board: string; certifiedOn: Date | null; expiresOn: Date | null }) {
  return {
    id: row.id,
    specialtyCode: row.specialtyCode,
    board: row.board,
    certifiedOn: row.certifiedOn ? localDateOf(row.certifiedOn) : null,
    expiresOn: row.expiresOn ? localDateOf(row.expiresOn) : null,
  };
}

async function addLicense(reviewerId: string, input: LicenseForm, actor: Actor) {
  await db.$transaction(async (tx) => {
    await profileOf(tx, reviewerId);
    const duplicate = await tx.reviewerLicense.count({ where: { reviewerId, state: input.state, number: { equals: input.number, mode: "insensitive" } } });
    if (duplicate > 0) throw fieldError("number", `License ${input.number} in ${input.state} is already on the profile.`);
    const row = await tx.reviewerLicense.create({
      data: { reviewerId, state: input.state, number: input.number, expiresOn: dateColumn(input.licenseExpiresOn), status: input.status },
    });
    await change(actor, reviewerId, "license_added", null, { ...row, expiresOn: input.licenseExpiresOn }, tx);
  });
}

async function addUnavailability(reviewerId: string, input: UnavailabilityForm, actor: Actor, today: LocalDate) {
  if (input.endsOn < today) throw fieldError("endsOn", "This period is already over: the last day is before today.");
  await db.$transaction(async (tx) => {
    await profileOf(tx, reviewerId);
    const row = await tx.reviewerUnavailability.create({
      data: { reviewerId, startsOn: dateColumn(input.startsOn), endsOn: dateColumn(input.endsOn), note: input.note },
      select: { id: true },
    });
    await change(actor, reviewerId, "unavailability_added", null, { id: row.id, ...input }, tx);
  });
}

async function addAffiliation(reviewerId: string, input: AffiliationForm, actor: Actor) {
  await db.$transaction(async (tx) => {
    await profileOf(tx, reviewerId);
    const plan = input.planId ? await tx.healthPlan.findUnique({ where: { id: input.planId }, select: { name: true } }) : null;
    if (input.planId && !plan) throw fieldError("planId", "Choose a plan from the list.");
    const row = await tx.reviewerAffiliation.create({
      data: { reviewerId, kind: input.kind, name: input.name ?? plan?.name ?? "", identifier: input.identifier, planId: input.planId },
      select: { id: true, kind: true, name: true, identifier: true, planId: true },
    });
    await change(actor, reviewerId, "affiliation_added", null, row, tx);
  });
}

/** Removes one row of the reviewer's; a row of anyone else's is not found. */
async function removeRow(reviewerId: string, intent: RosterIntent, id: string, actor: Actor) {
  await db.$transaction(async (tx) => {
    const where = { id, reviewerId };
    let before: Record<string, unknown> | null = null;
    let what = "";
    if (intent === "remove-certification") {
      const row = await tx.boardCertification.findFirst({ where });
      if (row) before = certificationDetail(await tx.boardCertification.delete({ where: { id } }));
      what = "certification_removed";
    } else if (intent === "remove-license") {
      const row = await tx.reviewerLicense.findFirst({ where });
      if (row) await tx.reviewerLicense.delete({ where: { id } });
      before = row && { id: row.id, state: row.state, number: row.number, status: row.status, expiresOn: localDateOf(row.expiresOn) };
      what = "license_removed";
    } else if (intent === "remove-unavailability") {
      const row = await tx.reviewerUnavailability.findFirst({ where });
      if (row) await tx.reviewerUnavailability.delete({ where: { id } });
      before = row && { id: row.id, startsOn: localDateOf(row.startsOn), endsOn: localDateOf(row.endsOn), note: row.note };
      what = "unavailability_removed";
    } else if (intent === "remove-affiliation") {
      const row = await tx.reviewerAffiliation.findFirst({ where, select: { id: true, kind: true, name: true, identifier: true, planId: true } });
      if (row) await tx.reviewerAffiliation.delete({ where: { id } });
      before = row;
      what = "affiliation_removed";
    }
    if (!before) throw notFound("This entry of the reviewer's profile");
    await change(actor, reviewerId, what, before, null, tx);
  });
}

export type RosterChangeResult = { ok: true } | { ok: false; failure: FormFailure };

/**
 * Applies one of the profile's small forms (`intent`) to the reviewer's
 * profile. Bad input comes back as a failure with a message by field and
 * what was typed; a row that is not the reviewer's is a 404.
 */
export async function changeRoster(
  reviewerId: string,
  intent: RosterIntent,
  values: Record<string, unknown>,
  actor: Actor,
  now: Date = new Date(),
): Promise<RosterChangeResult> {
  async function apply<S extends z.ZodType>(schema: S, run: (input: z.output<S>) => Promise<void>): Promise<RosterChangeResult> {
    const parsed = await schema.safeParseAsync(values);
    if (!parsed.success) return { ok: false, failure: { values: echoableValues(values), fieldErrors: zodFieldErrors(parsed.error) } };
    try {
      await run(parsed.data);
      return { ok: true };
    } catch (error) {
      if (error instanceof AppError && typeof error.detail?.field === "string") {
        return { ok: false, failure: { values: echoableValues(values), fieldErrors: { [error.detail.field]: error.message } } };
      }
      throw error;
    }
  }
  const rowId = () => {
    const parsed = rowIdSchema.safeParse(values);
    if (!parsed.success) throw new AppError("BAD_REQUEST", "Choose an entry from the list to remove.");
    return parsed.data.id;
  };
  const specialtyCode = () => {
    const parsed = specialtyRowSchema.safeParse(values);
    if (!parsed.success) throw new AppError("BAD_REQUEST", "Choose a specialty from the list.");
    return parsed.data.specialtyCode;
  };
  switch (intent) {
    case "save-practice": {
      const today = await organizationToday(now);
      return apply(practiceFormSchema, (input) => savePractice(reviewerId, input, actor, today));
    }
    case "add-specialty":
      return apply(specialtyFormSchema, (input) => addSpecialty(reviewerId, input.specialtyCode, actor));
    case "make-primary":
      await makePrimary(reviewerId, specialtyCode(), actor);
      return { ok: true };
    case "remove-specialty":
      await removeSpecialty(reviewerId, specialtyCode(), actor);
      return { ok: true };
    case "add-certification":
      return apply(certificationFormSchema, (input) => addCertification(reviewerId, input, actor));
    case "add-license":
      return apply(licenseFormSchema, (input) => addLicense(reviewerId, input, actor));
    case "add-unavailability": {
      const today = await organizationToday(now);
      return apply(unavailabilityFormSchema, (input) => addUnavailability(reviewerId, input, actor, today));
    }
    case "add-affiliation":
      return apply(affiliationFormSchema, (input) => addAffiliation(reviewerId, input, actor));
    case "remove-certification":
    case "remove-license":
    case "remove-unavailability":
    case "remove-affiliation":
      await removeRow(reviewerId, intent, rowId(), actor);
      return { ok: true };
  }
}
