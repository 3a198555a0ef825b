import { can, statusesAllowing } from "~/domain/case-actions";
import type { DocumentSummary } from "~/domain/documents/document-summary";
import { STATUS_LABELS, type CaseStatus } from "~/domain/case-status";
import { localDate, type LocalDate } from "~/domain/deadlines/time-zone";
import { missingForFiling, requiredDocuments, type MissingItem } from "~/domain/requests/completeness";
import { isFiledLate } from "~/domain/requests/filing-window";
import type { AppealStatus } from "~/domain/requests/options";
import type { FilingContext, RequestDraft } from "~/domain/requests/request-draft";
import { isEditStep, type EditStep, type RequestStep } from "~/domain/requests/steps";
import { describeDuration, type RuleDuration } from "~/domain/rule-profiles";
import { stepFormValues } from "~/schemas/request-steps";
import { audit } from "../audit.server";
import { caseAccessWhere } from "../cases/case-access.server";
import { db, type Prisma, type Tx } from "../db.server";
import { organizationCalendar } from "../deadlines/calendar.server";
import { ruleProfileInForce } from "../deadlines/rule-profiles.server";
import { listCaseDocuments } from "../documents/list-documents.server";
import { AppError, notFound } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";

type Applicant = Pick<SessionUser, "id" | "roles" | "planId">;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The applicant's own request with this id (their drafts included); nothing for anyone else. */
export function ownRequest(user: Applicant, caseId: string): Prisma.CaseWhereInput {
  if (!UUID_RE.test(caseId)) return { id: { in: [] } };
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
const dbDate = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00.000Z`) : null);

/** A case row in the form's terms. */
export function draftFromRow(row: DraftRow): RequestDraft {
  const appealStatus: AppealStatus | null = row.appealCompletedDate ? "COMPLETED" : row.appealNotNeededReason ? "NOT_NEEDED" : null;
  return {
    filedBy: row.filedBy,
    representativeRelationship: row.representativeRelationship as RequestDraft["representativeRelationship"],
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

const DATE_FIELDS = new Set<keyof RequestDraft>(["patientBirthDate", "denialDate", "serviceDate", "appealCompletedDate"]);

/** A step's answers as case columns; answers a column cannot be empty for keep their default. */
function caseColumns(values: Partial<RequestDraft>): Prisma.CaseUpdateManyMutationInput {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values) as [keyof RequestDraft, unknown][]) {
    if (key === "appealStatus") continue;
    if (DATE_FIELDS.has(key)) data[key] = dbDate(value as string | null);
    else if (key === "certificationToFollow") data[key] = value === true;
    else if ((key === "filedBy" || key === "track" || key === "preferredLanguage") && value === null) continue;
    else data[key] = value;
  }
  return data as Prisma.CaseUpdateManyMutationInput;
}

export interface PlanChoice {
  id: string;
  name: string;
  profileName: string;
  filingWindow: string;
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

async function planChoices(): Promise<PlanChoice[]> {
  const plans = await db.healthPlan.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, ruleProfileCode: true } });
  const profiles = new Map<string, { name: string; filingWindow: RuleDuration }>();
  for (const code of new Set(plans.map((plan) => plan.ruleProfileCode))) {
    const profile = await ruleProfileInForce(code);
    profiles.set(code, { name: profile.name, filingWindow: profile.rules.filingWindow });
  }
  return plans.map((plan) => {
    const profile = profiles.get(plan.ruleProfileCode)!;
    return { id: plan.id, name: plan.name, profileName: profile.name, filingWindow: describeDuration(profile.filingWindow) };
  });
}

/** Starts an empty request for the applicant; they fill it in step by step. */
export async function startDraft(user: Applicant, actor: Actor, at: Date = new Date()): Promise<{ caseId: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.case.create({
      data: { applicantId: user.id, status: "DRAFT", draftStep: "filer", createdAt: at, updatedAt: at },
      select: { id: true },
    });
    await audit(actor, { action: "case.draft_started", objectType: "Case", objectId: row.id, at }, tx);
    return { caseId: row.id };
  });
}

async function findOwn(user: Applicant, caseId: string): Promise<DraftRow> {
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

export interface DocumentChecklistItem {
  kind: string;
  message: string;
  present: boolean;
}

export type DraftStepPage =
  | { kind: "filed"; caseId: string }
  | {
      kind: "step";
      caseId: string;
      step: EditStep;
      version: number;
      values: Record<string, string | boolean>;
      context: FilingContext;
      /** The rule profile that governs the chosen plan, for the filing-window warning. */
      profileName: string | null;
      plans: PlanChoice[];
      documents: DocumentSummary[];
      checklist: DocumentChecklistItem[];
    };

/** What one step of a draft shows: the answers so far and what the step needs to explain itself. */
export async function draftStepPage(user: SessionUser, caseId: string, step: EditStep): Promise<DraftStepPage> {
  const row = await findOwn(user, caseId);
  if (!can("editDraft", row.status, user.roles)) return { kind: "filed", caseId: row.id };
  const draft = draftFromRow(row);
  const { profileId: _id, profileName, ...context } = await filingContext(row.plan?.ruleProfileCode);
  const values = stepFormValues(step, draft);
  if (step === "patient" && draft.filedBy === "PATIENT") {
    // The patient filing for themselves: start from their account's name and email.
    values.patientName ||= user.name;
    values.patientEmail ||= user.email;
  }
  const documents = step === "documents" ? await listCaseDocuments(user, row.id) : [];
  return {
    kind: "step",
    caseId: row.id,
    step,
    version: row.version,
    values,
    context,
    profileName,
    plans: step === "plan" ? await planChoices() : [],
    documents,
    checklist:
      step === "documents" ? requiredDocuments(draft).map((item) => ({ ...item, present: documents.some((document) => document.kind === item.kind) })) : [],
  };
}

/**
 * Saves a step's answers and where the applicant goes next (Case.draftStep,
 * so the draft resumes there on any device). Only a draft can change: once
 * filed, the request is the record. Answers "filed" then.
 */
export async function saveDraftStep(options: {
  user: Applicant;
  caseId: string;
  step: EditStep;
  values: Partial<RequestDraft>;
  goTo: RequestStep;
  actor: Actor;
  at?: Date;
}): Promise<"saved" | "filed"> {
  const { user, caseId, step, values, goTo, actor } = options;
  const at = options.at ?? new Date();
  if (values.planId && !(await db.healthPlan.findUnique({ where: { id: values.planId }, select: { id: true } }))) {
    throw new AppError("BAD_REQUEST", "Choose one of the plans listed.", { field: "planId" });
  }
  return db.$transaction(async (tx) => {
    const updated = await tx.case.updateMany({
      where: { AND: [ownRequest(user, caseId), { status: { in: statusesAllowing("editDraft") } }] },
      data: { ...caseColumns(values), draftStep: goTo, version: { increment: 1 }, updatedAt: at },
    });
    if (updated.count === 0) {
      if (await tx.case.findFirst({ where: ownRequest(user, caseId), select: { id: true } })) return "filed";
      throw notFound("This request");
    }
    await audit(actor, { action: "case.draft_saved", objectType: "Case", objectId: caseId, detail: { step }, at }, tx);
    return "saved";
  });
}

export type ReviewPage =
  | { kind: "filed"; caseId: string; reference: string; expedited: boolean; statusLabel: string }
  | {
      kind: "draft";
      caseId: string;
      version: number;
      draft: RequestDraft;
      planName: string | null;
      profileName: string | null;
      context: FilingContext;
      documents: DocumentSummary[];
      missing: MissingItem[];
      /** Past the filing window if it were filed today: it goes with the reason for the delay. */
      late: boolean;
    };

/** Everything entered, what is still missing, and the documents: the review page before signing. */
export async function reviewPage(user: SessionUser, caseId: string, now = new Date()): Promise<ReviewPage> {
  const row = await findOwn(user, caseId);
  if (!can("editDraft", row.status, user.roles)) {
    return { kind: "filed", caseId: row.id, reference: row.reference ?? "", expedited: row.track === "EXPEDITED", statusLabel: STATUS_LABELS[row.status] };
  }
  const draft = draftFromRow(row);
  const { profileId: _id, profileName, ...context } = await filingContext(row.plan?.ruleProfileCode, now);
  const documents = await listCaseDocuments(user, row.id);
  return {
    kind: "draft",
    caseId: row.id,
    version: row.version,
    draft,
    planName: row.plan?.name ?? null,
    profileName,
    context,
    documents,
    missing: missingForFiling(
      draft,
      documents.map((document) => document.kind),
      context,
    ),
    late: !!(draft.denialDate && context.filingWindow && isFiledLate(draft.denialDate, context.today, context.filingWindow)),
  };
}

export interface ApplicantRequests {
  /** Dates are the organization's local dates, so the page reads the same wherever it is rendered. */
  drafts: { id: string; resumeStep: RequestStep; serviceDescription: string | null; planName: string | null; savedOn: LocalDate }[];
  filed: {
    id: string;
    reference: string;
    status: CaseStatus;
    track: "STANDARD" | "EXPEDITED";
    serviceDescription: string | null;
    planName: string | null;
    filedOn: LocalDate | null;
  }[];
}

/** The applicant's home: drafts to continue, and the requests they filed. */
export async function applicantRequests(user: Applicant): Promise<ApplicantRequests> {
  const rows = await db.case.findMany({
    where: { AND: [{ applicantId: user.id }, caseAccessWhere(user, "case:read")] },
    select: {
      id: true,
      reference: true,
      status: true,
      track: true,
      draftStep: true,
      serviceDescription: true,
      submittedAt: true,
      updatedAt: true,
      plan: { select: { name: true } },
    },
    orderBy: [{ updatedAt: "desc" }],
    take: 200,
  });
  const { timeZone } = await organizationCalendar();
  const drafts: ApplicantRequests["drafts"] = [];
  const filed: ApplicantRequests["filed"] = [];
  for (const row of rows) {
    const planName = row.plan?.name ?? null;
    if (can("editDraft", row.status, ["APPLICANT"]) || !row.reference) {
      const resumeStep = row.draftStep === "review" || isEditStep(row.draftStep) ? row.draftStep : "filer";
      drafts.push({ id: row.id, resumeStep, serviceDescription: row.serviceDescription, planName, savedOn: localDate(row.updatedAt, timeZone) });
    } else {
      filed.push({
        id: row.id,
        reference: row.reference,
        status: row.status,
        track: row.track,
        serviceDescription: row.serviceDescription,
        planName,
        filedOn: row.submittedAt ? localDate(row.submittedAt, timeZone) : null,
      });
    }
  }
  return { drafts, filed };
}
