import { localDate } from "~/domain/deadlines/time-zone";
import type { AppealStatus } from "~/domain/requests/options";
import type { FilingContext, RequestDraft } from "~/domain/requests/request-draft";
import { caseAccessWhere } from "../cases/case-access.server";
import { db, type Prisma, type Tx } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { ruleProfileInForce } from "../deadlines/rule-profiles.server";
import { notFound } from "../errors.server";
import type { SessionUser } from "../session.server";
import { isId } from "~/schemas/ids";

export type Applicant = Pick<SessionUser, "id" | "roles" | "planId">;

/** The applicant's own request with this id (their drafts included); nothing for anyone else. */
export function ownRequest(user: Applicant, caseId: string): Prisma.CaseWhereInput {
  if (!isId(caseId)) return { id: { in: [] } };
  return { AND: [{ id: caseId, applicantId: user.id }, caseAccessWhere(user, "case:file")] };
}

/** The columns a draft is made of. */
export const DRAFT_SELECT = {
  id: true,
  status: true,
  version: true,
  reference: true,
  draftStep: true,
  filedBy: true,
  representativeRelationship: true,
  referralSource: true,
  patientName: true,
  patientBirthDate: true,
  patientSex: true,
  patientAddress: true,
  patientPhone: true,
  patientEmail: true,
  preferredLanguage: true,
  memberId: true,
  groupNumber: true,
  planId: true,
  denialDate: true,
  planDenialReference: true,
  serviceDescription: true,
  serviceDate: true,
  procedureCodes: true,
  diagnosisCodes: true,
  providerName: true,
  providerNpi: true,
  providerFacility: true,
  notifyProvider: true,
  providerEmail: true,
  denialReason: true,
  disputeType: true,
  lateFilingReason: true,
  appealCompletedDate: true,
  appealNotNeededReason: true,
  track: true,
  expeditedReason: true,
  certificationToFollow: true,
  applicantStatement: true,
  plan: { select: { name: true, ruleProfileCode: true } },
} satisfies Prisma.CaseSelect;

export type DraftRow = Prisma.CaseGetPayload<{ select: typeof DRAFT_SELECT }>;

// Date columns hold a calendar date; Prisma hands it over as UTC midnight.
const dateOf = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

/** A case row in the form's terms. */
export function draftFromRow(row: DraftRow): RequestDraft {
  const appealStatus: AppealStatus | null = row.appealCompletedDate ? "COMPLETED" : row.appealNotNeededReason ? "NOT_NEEDED" : null;
  return {
    filedBy: row.filedBy,
    representativeRelationship: row.representativeRelationship as RequestDraft["representativeRelationship"],
    referralSource: row.referralSource as RequestDraft["referralSource"],
    patientName: row.patientName,
    patientBirthDate: dateOf(row.patientBirthDate),
    patientSex: row.patientSex as RequestDraft["patientSex"],
    patientAddress: row.patientAddress,
    patientPhone: row.patientPhone,
    patientEmail: row.patientEmail,
    preferredLanguage: row.preferredLanguage,
    memberId: row.memberId,
    groupNumber: row.groupNumber,
    planId: row.planId,
    denialDate: dateOf(row.denialDate),
    planDenialReference: row.planDenialReference,
    serviceDescription: row.serviceDescription,
    serviceDate: dateOf(row.serviceDate),
    procedureCodes: row.procedureCodes,
    diagnosisCodes: row.diagnosisCodes,
    providerName: row.providerName,
    providerNpi: row.providerNpi,
    providerFacility: row.providerFacility,
    notifyProvider: row.notifyProvider,
    providerEmail: row.providerEmail,
    denialReason: row.denialReason,
    disputeType: row.disputeType,
    lateFilingReason: row.lateFilingReason,
    appealStatus,
    appealCompletedDate: dateOf(row.appealCompletedDate),
    appealNotNeededReason: row.appealNotNeededReason as RequestDraft["appealNotNeededReason"],
    track: row.track,
    expeditedReason: row.expeditedReason,
    certificationToFollow: row.track === "EXPEDITED" ? row.certificationToFollow : null,
    applicantStatement: row.applicantStatement,
  };
}

/** The organization's date today, and the filing window of the plan's rule profile in force now. */
export async function filingContext(
  planProfileCode: string | null | undefined,
  at: Date = new Date(),
  tx: Tx = db,
): Promise<FilingContext & { profileId: string | null; profileName: string | null }> {
  const { timeZone } = await organizationCalendar(tx);
  const today = localDate(at, timeZone);
  if (!planProfileCode) return { today, filingWindow: null, profileId: null, profileName: null };
  const profile = await ruleProfileInForce(planProfileCode, at, tx);
  return { today, filingWindow: profile.rules.filingWindow, profileId: profile.id, profileName: profile.name };
}

export async function findOwn(user: Applicant, caseId: string): Promise<DraftRow> {
  const row = await db.case.findFirst({ where: ownRequest(user, caseId), select: DRAFT_SELECT });
  if (!row) throw notFound("This request");
  return row;
}

/** What a step's answers are checked against: today's date and the chosen plan's filing window. */
export async function draftFilingContext(user: Applicant, caseId: string): Promise<FilingContext> {
  const row = await db.case.findFirst({ where: ownRequest(user, caseId), select: { plan: { select: { ruleProfileCode: true } } } });
  if (!row) throw notFound("This request");
  const { today, filingWindow } = await filingContext(row.plan?.ruleProfileCode);
  return { today, filingWindow };
}
