// Changes to a reviewer's roster profile, by the reviewer, a coordinator or an administrator; each audited. The pages that show it: roster.server.ts.
import type { z } from "zod";
import type { LocalDate } from "~/domain/deadlines/time-zone";
import {
  affiliationFormSchema,
  capacityFormSchema,
  certificationFormSchema,
  licenseFormSchema,
  practiceFormSchema,
  specialtyFormSchema,
  specialtyRowSchema,
  unavailabilityFormSchema,
  type AffiliationForm,
  type CertificationForm,
  type LicenseForm,
  type PracticeForm,
  type RosterIntent,
  type UnavailabilityForm,
} from "~/schemas/roster";
import { audit } from "../audit.server";
import { db, type Tx } from "../db.server";
import { AppError, notFound } from "../errors.server";
import { recheckAfterRosterChange } from "../assignment/recheck-reviewers.server";
import { formSubmission, type FormSubmission } from "../route-answers.server";
import type { Actor } from "../request-context.server";
import { dateColumn, localDateOf, organizationToday, ROSTER_WHERE } from "./reverification.server";
import { rowIdSchema } from "~/schemas/ids";

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

async function savePractice(tx: Tx, reviewerId: string, input: PracticeForm, actor: Actor, today: LocalDate) {
  if (input.credentialsVerifiedOn && input.credentialsVerifiedOn > today) {
    throw fieldError("credentialsVerifiedOn", "The date cannot be in the future: enter the day the verification was done.");
  }
  const profile = await profileOf(tx, reviewerId);
  const current = { ...profile, credentialsVerifiedOn: profile.credentialsVerifiedOn ? localDateOf(profile.credentialsVerifiedOn) : null };
  const keys = ["credentials", "yearsInPractice", "credentialsVerifiedOn", "openDisciplinaryAction"] as const;
  const changed = keys.filter((key) => current[key] !== input[key]);
  if (changed.length === 0) return;
  await tx.reviewerProfile.update({
    where: { userId: reviewerId },
    data: { ...input, credentialsVerifiedOn: input.credentialsVerifiedOn ? dateColumn(input.credentialsVerifiedOn) : null },
  });
  const pick = (source: Record<(typeof keys)[number], unknown>) => Object.fromEntries(changed.map((key) => [key, source[key]]));
  await change(actor, reviewerId, "practice_updated", pick(current), pick(input), tx);
}

async function saveCapacity(tx: Tx, reviewerId: string, capacity: number, actor: Actor) {
  const profile = await profileOf(tx, reviewerId);
  if (profile.capacity === capacity) return;
  await tx.reviewerProfile.update({ where: { userId: reviewerId }, data: { capacity } });
  await change(actor, reviewerId, "capacity_updated", { capacity: profile.capacity }, { capacity }, tx);
}

async function specialtyNamed(tx: Tx, code: string, field: string) {
  const specialty = await tx.specialty.findUnique({ where: { code }, select: { code: true, name: true, board: true } });
  if (!specialty) throw fieldError(field, "Choose a specialty from the list.");
  return specialty;
}

async function addSpecialty(tx: Tx, reviewerId: string, code: string, actor: Actor) {
  await profileOf(tx, reviewerId);
  const specialty = await specialtyNamed(tx, code, "specialtyCode");
  const existing = await tx.reviewerSpecialty.findMany({ where: { reviewerId }, select: { specialtyCode: true } });
  if (existing.some((row) => row.specialtyCode === code)) throw fieldError("specialtyCode", `${specialty.name} is already on the profile.`);
  // The first specialty is the primary one; another is made primary with its own button.
  const primary = existing.length === 0;
  await tx.reviewerSpecialty.create({ data: { reviewerId, specialtyCode: code, primary } });
  if (primary) await tx.reviewerProfile.update({ where: { userId: reviewerId }, data: { primarySpecialty: specialty.name } });
  await change(actor, reviewerId, "specialty_added", null, { specialtyCode: code, name: specialty.name, primary }, tx);
}

/** The primary specialty also names the reviewer's specialty on letters (ReviewerProfile.primarySpecialty). */
async function makePrimary(tx: Tx, reviewerId: string, code: string, actor: Actor) {
  const rows = await tx.reviewerSpecialty.findMany({ where: { reviewerId }, select: { specialtyCode: true, primary: true } });
  if (!rows.some((row) => row.specialtyCode === code)) throw notFound("This specialty of the reviewer");
  const before = rows.find((row) => row.primary)?.specialtyCode ?? null;
  if (before === code) return;
  const specialty = await specialtyNamed(tx, code, "specialtyCode");
  await tx.reviewerSpecialty.updateMany({ where: { reviewerId, primary: true }, data: { primary: false } });
  await tx.reviewerSpecialty.update({ where: { reviewerId_specialtyCode: { reviewerId, specialtyCode: code } }, data: { primary: true } });
  await tx.reviewerProfile.update({ where: { userId: reviewerId }, data: { primarySpecialty: specialty.name } });
  await change(actor, reviewerId, "primary_specialty_changed", { primary: before }, { primary: code }, tx);
}

async function removeSpecialty(tx: Tx, reviewerId: string, code: string, actor: Actor) {
  const row = await tx.reviewerSpecialty.findUnique({ where: { reviewerId_specialtyCode: { reviewerId, specialtyCode: code } } });
  if (!row) throw notFound("This specialty of the reviewer");
  if (row.primary) throw new AppError("BAD_REQUEST", "The primary specialty stays: make another specialty primary first, then remove this one.");
  await tx.reviewerSpecialty.delete({ where: { reviewerId_specialtyCode: { reviewerId, specialtyCode: code } } });
  await change(actor, reviewerId, "specialty_removed", { specialtyCode: code, primary: false }, null, tx);
}

async function addCertification(tx: Tx, reviewerId: string, input: CertificationForm, actor: Actor) {
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

async function addLicense(tx: Tx, reviewerId: string, input: LicenseForm, actor: Actor) {
  await profileOf(tx, reviewerId);
  const duplicate = await tx.reviewerLicense.count({ where: { reviewerId, state: input.state, number: { equals: input.number, mode: "insensitive" } } });
  if (duplicate > 0) throw fieldError("number", `License ${input.number} in ${input.state} is already on the profile.`);
  const row = await tx.reviewerLicense.create({
    data: { reviewerId, state: input.state, number: input.number, expiresOn: dateColumn(input.licenseExpiresOn), status: input.status },
  });
  await change(actor, reviewerId, "license_added", null, { ...row, expiresOn: input.licenseExpiresOn }, tx);
}

async function addUnavailability(tx: Tx, reviewerId: string, input: UnavailabilityForm, actor: Actor, today: LocalDate) {
  if (input.endsOn < today) throw fieldError("endsOn", "This period is already over: the last day is before today.");
  await profileOf(tx, reviewerId);
  const row = await tx.reviewerUnavailability.create({
    data: { reviewerId, startsOn: dateColumn(input.startsOn), endsOn: dateColumn(input.endsOn), note: input.note },
    select: { id: true },
  });
  await change(actor, reviewerId, "unavailability_added", null, { id: row.id, ...input }, tx);
}

async function addAffiliation(tx: Tx, reviewerId: string, input: AffiliationForm, actor: Actor) {
  await profileOf(tx, reviewerId);
  const plan = input.planId ? await tx.healthPlan.findUnique({ where: { id: input.planId }, select: { name: true } }) : null;
  if (input.planId && !plan) throw fieldError("planId", "Choose a plan from the list.");
  const row = await tx.reviewerAffiliation.create({
    data: { reviewerId, kind: input.kind, name: input.name ?? plan?.name ?? "", identifier: input.identifier, planId: input.planId },
    select: { id: true, kind: true, name: true, identifier: true, planId: true },
  });
  await change(actor, reviewerId, "affiliation_added", null, row, tx);
}

/** Removes one row of the reviewer's; a row of anyone else's is not found. */
async function removeRow(tx: Tx, reviewerId: string, intent: RosterIntent, id: string, actor: Actor, at: Date) {
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
    if (row) {
      // Removed by an administrator: a reviewer's pending request for it is settled with it.
      await tx.affiliationRemovalRequest.updateMany({
        where: { affiliationId: id, status: "PENDING" },
        data: { status: "APPROVED", decidedAt: at, decidedById: actor.userId },
      });
      await tx.reviewerAffiliation.delete({ where: { id } });
    }
    before = row;
    what = "affiliation_removed";
  }
  if (!before) throw notFound("This entry of the reviewer's profile");
  await change(actor, reviewerId, what, before, null, tx);
}

/**
 * A reviewer's request to remove one of their affiliations: the affiliation
 * stays, and keeps excluding, until an administrator approves. Asking twice
 * for the same one changes nothing.
 */
async function requestAffiliationRemoval(tx: Tx, reviewerId: string, id: string, actor: Actor, at: Date) {
  const row = await tx.reviewerAffiliation.findFirst({ where: { id, reviewerId }, select: { id: true, kind: true, name: true, identifier: true } });
  if (!row) throw notFound("This affiliation");
  const pending = await tx.affiliationRemovalRequest.count({ where: { affiliationId: id, status: "PENDING" } });
  if (pending > 0) return;
  const request = await tx.affiliationRemovalRequest.create({
    data: {
      reviewerId,
      affiliationId: id,
      kind: row.kind,
      name: row.name,
      identifier: row.identifier,
      requestedAt: at,
      requestedById: actor.userId ?? reviewerId,
    },
    select: { id: true },
  });
  await change(actor, reviewerId, "affiliation_removal_requested", null, { requestId: request.id, affiliation: row }, tx);
}

/** An administrator settles a pending request: approved removes the affiliation, rejected keeps it; both audited. */
async function decideAffiliationRemoval(tx: Tx, reviewerId: string, requestId: string, approve: boolean, actor: Actor, at: Date) {
  const request = await tx.affiliationRemovalRequest.findFirst({
    where: { id: requestId, reviewerId },
    select: { id: true, status: true, affiliationId: true, kind: true, name: true, identifier: true },
  });
  if (!request) throw notFound("This request");
  if (request.status !== "PENDING") throw new AppError("CONFLICT", "This request was already settled. Reload the page to see where it stands.");
  await tx.affiliationRemovalRequest.update({
    where: { id: request.id },
    data: { status: approve ? "APPROVED" : "REJECTED", decidedAt: at, decidedById: actor.userId },
  });
  if (approve && request.affiliationId) await tx.reviewerAffiliation.deleteMany({ where: { id: request.affiliationId, reviewerId } });
  const affiliation = { id: request.affiliationId, kind: request.kind, name: request.name, identifier: request.identifier };
  await change(
    actor,
    reviewerId,
    approve ? "affiliation_removal_approved" : "affiliation_removal_rejected",
    { requestId: request.id, affiliation },
    approve ? null : { affiliation },
    tx,
  );
}

/** One change to a reviewer's profile and the re-check of their offers and assignments, in one transaction. */
async function rosterChange(reviewerId: string, actor: Actor, now: Date, apply: (tx: Tx) => Promise<unknown>): Promise<void> {
  await db.$transaction(async (tx) => {
    await apply(tx);
    await recheckAfterRosterChange(tx, reviewerId, actor, now);
  });
}

/** A period of leave recorded as the profile's form records it (the demo seed records one this way). */
export async function recordUnavailability(reviewerId: string, input: UnavailabilityForm, actor: Actor, now: Date): Promise<void> {
  const today = await organizationToday(now);
  await rosterChange(reviewerId, actor, now, (tx) => addUnavailability(tx, reviewerId, input, actor, today));
}

/**
 * The profile's small forms, by `intent`: each parsed with its schema and
 * applied by its one change, then on to `done(intent)`. Each change runs in
 * one transaction with its audit row and, since it may make the reviewer
 * ineligible, the re-check of their open offers and accepted assignments
 * (recheckAfterRosterChange). Bad input and a refused change go back to the
 * form by field, with what was typed; a row that is not the reviewer's is a
 * 404. Who may use which intent is the route's to check.
 */
export function rosterForms(reviewerId: string, actor: Actor, done: (intent: RosterIntent) => string, now: Date = new Date()) {
  const form = <S extends z.ZodType>(intent: RosterIntent, schema: S, apply: (tx: Tx, input: z.output<S>) => Promise<unknown>) =>
    formSubmission(schema, async (input) => {
      await rosterChange(reviewerId, actor, now, (tx) => apply(tx, input));
      return done(intent);
    });
  const removal = (intent: RosterIntent) => form(intent, rowIdSchema, (tx, { id }) => removeRow(tx, reviewerId, intent, id, actor, now));
  const decision = (intent: RosterIntent, approve: boolean) =>
    form(intent, rowIdSchema, (tx, { id }) => decideAffiliationRemoval(tx, reviewerId, id, approve, actor, now));
  return {
    "save-practice": form("save-practice", practiceFormSchema, async (tx, input) => savePractice(tx, reviewerId, input, actor, await organizationToday(now))),
    "save-capacity": form("save-capacity", capacityFormSchema, (tx, { capacity }) => saveCapacity(tx, reviewerId, capacity, actor)),
    "add-specialty": form("add-specialty", specialtyFormSchema, (tx, { specialtyCode }) => addSpecialty(tx, reviewerId, specialtyCode, actor)),
    "make-primary": form("make-primary", specialtyRowSchema, (tx, { specialtyCode }) => makePrimary(tx, reviewerId, specialtyCode, actor)),
    "remove-specialty": form("remove-specialty", specialtyRowSchema, (tx, { specialtyCode }) => removeSpecialty(tx, reviewerId, specialtyCode, actor)),
    "add-certification": form("add-certification", certificationFormSchema, (tx, input) => addCertification(tx, reviewerId, input, actor)),
    "add-license": form("add-license", licenseFormSchema, (tx, input) => addLicense(tx, reviewerId, input, actor)),
    "add-unavailability": form("add-unavailability", unavailabilityFormSchema, async (tx, input) =>
      addUnavailability(tx, reviewerId, input, actor, await organizationToday(now)),
    ),
    "add-affiliation": form("add-affiliation", affiliationFormSchema, (tx, input) => addAffiliation(tx, reviewerId, input, actor)),
    "remove-certification": removal("remove-certification"),
    "remove-license": removal("remove-license"),
    "remove-unavailability": removal("remove-unavailability"),
    "remove-affiliation": removal("remove-affiliation"),
    "request-affiliation-removal": form("request-affiliation-removal", rowIdSchema, (tx, { id }) => requestAffiliationRemoval(tx, reviewerId, id, actor, now)),
    "approve-affiliation-removal": decision("approve-affiliation-removal", true),
    "reject-affiliation-removal": decision("reject-affiliation-removal", false),
  } satisfies Record<RosterIntent, FormSubmission<never>>;
}
