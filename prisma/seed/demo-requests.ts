/**
 * The demo applicants' requests, filled in the way the request form fills
 * them: a draft started, each step's answers checked by the step's own
 * schema and saved to the draft, documents uploaded into encrypted storage,
 * then signed and filed from the review page, each at its time.
 */
import type { DocumentKind } from "~/domain/documents/document-kinds";
import { uploadQuerySchema } from "~/schemas/upload-query";
import { localDate } from "~/domain/deadlines/time-zone";
import type { DisputeType, ReferralSource, RepresentativeRelationship } from "~/domain/requests/options";
import type { RequestDraft } from "~/domain/requests/request-draft";
import { EDIT_STEPS, type EditStep, type RequestStep } from "~/domain/requests/steps";
import { requestStepSchemas } from "~/schemas/request-steps";
import type { Db } from "~/server/db.server";
import { uploadDocument } from "~/server/documents/upload-document.server";
import { filingContext } from "~/server/requests/request-draft.server";
import { reviewPage } from "~/server/requests/request-review-page.server";
import { saveDraftStep } from "~/server/requests/save-draft-step.server";
import { startDraft } from "~/server/requests/start-draft.server";
import { submitRequest } from "~/server/requests/submit-request.server";
import { demoPdfPages, type DemoPage } from "./demo-pdf";
import type { DemoPerson, People } from "./demo-people";

const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;
/** How long before the last save of a draft the applicant started it. */
const WRITING_TIME = 45 * MINUTE;
/** The organization's time zone in the demo (the default setting). */
export const TIME_ZONE = "America/New_York";

interface DemoPatient {
  name: string;
  birthDate: string;
  sex: "FEMALE" | "MALE";
  address: string;
  phone: string;
  email: string;
  /** Member IDs by plan name. */
  memberIds: Record<string, string>;
  groupNumber: string;
  /** The language of the written notices (English unless said). */
  language?: "en" | "es";
}

const MARIA: DemoPatient = {
  name: "Maria Lopez",
  birthDate: "1979-04-12",
  sex: "FEMALE",
  address: "412 Alder Street, Portland, OR 97205",
  phone: "(503) 555-0142",
  email: "maria.lopez@example.com",
  memberIds: { "Evergreen Health Plan": "EHP448201-01" },
  groupNumber: "GRP-7781",
};

/** Reads Spanish: her notices and her letter are in Spanish, her plan's copy in English. */
const LUCIA: DemoPatient = {
  name: "Lucía Hernández",
  birthDate: "1986-02-19",
  sex: "FEMALE",
  address: "2150 East Cesar Chavez Avenue, Los Angeles, CA 90033",
  phone: "(323) 555-0164",
  email: "lucia.hernandez@example.com",
  memberIds: { "Pacific Coast Health": "PCH55820913" },
  groupNumber: "PCH-GRP-3301",
  language: "es",
};

const ELEANOR: DemoPatient = {
  name: "Eleanor Carter",
  birthDate: "1948-09-30",
  sex: "FEMALE",
  address: "88 Harbor View Road, San Diego, CA 92106",
  phone: "(619) 555-0187",
  email: "eleanor.carter@example.net",
  memberIds: { "Evergreen Health Plan": "EHP771190-02", "Pacific Coast Health": "PCH20931877" },
  groupNumber: "MED-SUPP-12",
};

export interface DemoDocument {
  kind: DocumentKind;
  name: string;
  title: string;
  lines: string[];
  /** A longer document: its pages (the title heads the first), some of them scanned; `lines` is then left empty. */
  pages?: readonly DemoPage[];
}

export interface DemoRequest {
  /** The plan's claim (denial) reference: how the demo recognises its cases. */
  claim: string;
  applicant: string;
  plan: string;
  patient: DemoPatient;
  /** Set when the applicant files for the patient. */
  representative?: RepresentativeRelationship;
  /** Who told the applicant about independent review; by default the plan's denial letter, which must. */
  referredBy?: ReferralSource;
  service: string;
  procedureCodes?: string;
  diagnosisCodes?: string;
  provider: { name: string; npi?: string; facility?: string };
  denialReason: string;
  disputeType: DisputeType;
  expedited?: { reason: string; certificationToFollow: boolean };
  statement: string;
  /** Documents beyond the ones every such request needs (denial letter, authorization, certification). */
  documents?: DemoDocument[];
}

/** The answers of each step as the form posts them. */
function formValues(request: DemoRequest, step: EditStep, planId: string, savedAt: Date): Record<string, string> {
  const denialDay = localDate(new Date(savedAt.getTime() - 24 * DAY), TIME_ZONE);
  const serviceDay = localDate(new Date(savedAt.getTime() - 40 * DAY), TIME_ZONE);
  switch (step) {
    case "filer":
      return {
        filedBy: request.representative ? "REPRESENTATIVE" : "PATIENT",
        representativeRelationship: request.representative ?? "",
        referralSource: request.referredBy ?? "HEALTH_PLAN",
      };
    case "patient":
      return {
        patientName: request.patient.name,
        patientBirthDate: request.patient.birthDate,
        patientSex: request.patient.sex,
        patientAddress: request.patient.address,
        patientPhone: request.patient.phone,
        patientEmail: request.patient.email,
        preferredLanguage: request.patient.language ?? "en",
        memberId: request.patient.memberIds[request.plan] ?? "",
        groupNumber: request.patient.groupNumber,
      };
    case "plan":
      return { planId };
    case "denial":
      return {
        denialDate: denialDay,
        planDenialReference: request.claim,
        serviceDescription: request.service,
        serviceDate: serviceDay,
        procedureCodes: request.procedureCodes ?? "",
        diagnosisCodes: request.diagnosisCodes ?? "",
        providerName: request.provider.name,
        providerNpi: request.provider.npi ?? "",
        providerFacility: request.provider.facility ?? "",
        notifyProvider: "",
        providerEmail: "",
        denialReason: request.denialReason,
        disputeType: request.disputeType,
        lateFilingReason: "",
      };
    case "appeal":
      return request.expedited
        ? { appealStatus: "NOT_NEEDED", appealCompletedDate: "", appealNotNeededReason: "EXPEDITED" }
        : { appealStatus: "COMPLETED", appealCompletedDate: denialDay, appealNotNeededReason: "" };
    case "urgency":
      return request.expedited
        ? { track: "EXPEDITED", expeditedReason: request.expedited.reason, certificationToFollow: String(request.expedited.certificationToFollow) }
        : { track: "STANDARD", expeditedReason: "", certificationToFollow: "" };
    case "statement":
      return { applicantStatement: request.statement };
    case "documents":
      return {};
  }
}

const JAMES_EMAIL = "james.carter@example.com";
export const EVERGREEN = "Evergreen Health Plan";
export const PACIFIC = "Pacific Coast Health";

/** Maria Lopez files for herself with Evergreen. */
export const maria = (request: Omit<DemoRequest, "applicant" | "plan" | "patient">): DemoRequest => ({
  applicant: MARIA.email,
  plan: EVERGREEN,
  patient: MARIA,
  ...request,
});
/** Lucía Hernández files for herself with Pacific Coast Health, in Spanish. */
export const lucia = (request: Omit<DemoRequest, "applicant" | "plan" | "patient">): DemoRequest => ({
  applicant: LUCIA.email,
  plan: PACIFIC,
  patient: LUCIA,
  ...request,
});
/** James Carter files for his mother Eleanor, who named him her representative; her doctor's office told him about independent review. */
export const eleanor = (plan: string, request: Omit<DemoRequest, "applicant" | "plan" | "patient" | "representative">): DemoRequest => ({
  applicant: JAMES_EMAIL,
  plan,
  patient: ELEANOR,
  representative: "DESIGNATED_PERSON",
  referredBy: "PROVIDER",
  ...request,
});

export const records = (title: string, ...lines: string[]) => ({ kind: "MEDICAL_RECORDS" as const, name: "medical-records.pdf", title, lines });
export const doctorsLetter = (title: string, ...lines: string[]) => ({ kind: "PHYSICIAN_LETTER" as const, name: "letter-from-my-doctor.pdf", title, lines });

/** The documents the request goes with: the ones it must carry, then its own. */
function requestDocuments(request: DemoRequest): DemoDocument[] {
  const patient = request.patient.name;
  const documents: DemoDocument[] = [
    {
      kind: "DENIAL_LETTER",
      name: "final-denial-letter.pdf",
      title: `${request.plan}: final adverse determination`,
      lines: [`Member: ${patient}`, `Claim reference: ${request.claim}`, `Service: ${request.service}`, `Reason: ${request.denialReason}`],
    },
  ];
  if (request.representative) {
    documents.push({
      kind: "AUTHORIZATION",
      name: "authorized-representative-form.pdf",
      title: "Appointment of an authorized representative",
      lines: [`I, ${patient}, name my son James Carter to act for me in this independent review.`, "Signed and dated by the patient."],
    });
  }
  if (request.expedited && !request.expedited.certificationToFollow) {
    documents.push({
      kind: "PHYSICIAN_CERTIFICATION",
      name: "physician-certification.pdf",
      title: "Certification for an expedited review",
      lines: [`${request.provider.name} certifies that waiting for a standard review would seriously jeopardize the health of ${patient}.`],
    });
  }
  return [...documents, ...(request.documents ?? [])];
}

/** Uploads a demo document at `at` the way the browser does: a stream into encrypted storage, checked by content. */
export async function uploadDemoDocument(
  person: DemoPerson,
  caseId: string,
  document: DemoDocument,
  at: Date,
  options: { caseFileItem?: string; informationRequestId?: string } = {},
): Promise<string> {
  const bytes = await demoPdfPages(document.title, document.pages ?? [{ lines: document.lines }]);
  const query = uploadQuerySchema.parse({ caseId, kind: document.kind, name: document.name, ...options });
  const uploaded = await uploadDocument({
    user: person.user,
    actor: person.actor,
    query,
    body: new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    }),
    declaredBytes: bytes.length,
    signal: new AbortController().signal,
    at,
  });
  return uploaded.id;
}

export interface DraftProgress {
  /** The step the draft resumes at; every step before it is complete. */
  resumeAt: RequestStep;
  /** For a draft left half done at its resume step: the answers typed there so far. */
  typedSoFar?: string[];
  /** For a draft left at the documents step: how many of its documents are uploaded so far. */
  uploadedSoFar?: number;
}

/**
 * Starts a draft and fills it in up to a step: every step before it answered
 * as "Save and continue" checks them (and the step itself as "Save and
 * finish later" does), kept in one save at `savedAt` to keep seeding quick.
 * The draft is started WRITING_TIME before, and documents are uploaded one
 * by one, a minute apart. The dates on the denial count back from `savedAt`.
 */
export async function fillDraft(db: Db, people: People, request: DemoRequest, progress: DraftProgress, savedAt: Date): Promise<string> {
  const applicant = await people(request.applicant);
  const plan = await db.healthPlan.findUniqueOrThrow({ where: { name: request.plan }, select: { id: true, ruleProfileCode: true } });
  const startedAt = new Date(savedAt.getTime() - WRITING_TIME);
  const { caseId } = await startDraft(applicant.user, applicant.actor, { at: startedAt });
  const { today, filingWindow } = await filingContext(plan.ruleProfileCode, savedAt);
  let answers: Partial<RequestDraft> = {};
  let lastStep: EditStep = "filer";
  const answer = (step: EditStep, intent: "continue" | "later", values: Record<string, string>) => {
    // The plan's filing window counts once the plan step is answered, as on the form.
    const schemas = requestStepSchemas(step, { today, filingWindow: answers.planId ? filingWindow : null });
    const parsed = (intent === "continue" ? schemas.complete : schemas.draft).safeParse(values);
    if (!parsed.success) throw new Error(`Demo request ${request.claim}, step ${step}: ${parsed.error.message}`);
    answers = { ...answers, ...parsed.data };
    lastStep = step;
  };
  for (const step of EDIT_STEPS) {
    const values = formValues(request, step, plan.id, savedAt);
    const resumesHere = step === progress.resumeAt;
    if (step === "documents") {
      const documents = requestDocuments(request);
      const uploading = resumesHere ? documents.slice(0, progress.uploadedSoFar ?? 0) : documents;
      for (const [index, document] of uploading.entries())
        await uploadDemoDocument(applicant, caseId, document, new Date(startedAt.getTime() + (index + 1) * MINUTE));
    }
    if (resumesHere) {
      if (progress.typedSoFar) answer(step, "later", Object.fromEntries(Object.entries(values).filter(([field]) => progress.typedSoFar!.includes(field))));
      break;
    }
    answer(step, "continue", values);
  }
  await saveDraftStep({ user: applicant.user, caseId, step: lastStep, values: answers, goTo: progress.resumeAt, actor: applicant.actor, at: savedAt });
  return caseId;
}

/** Fills the whole request, then signs and files it from the review page at `at`, five minutes after the last save. */
export async function fileRequest(db: Db, people: People, request: DemoRequest, at: Date): Promise<string> {
  const caseId = await fillDraft(db, people, request, { resumeAt: "review" }, new Date(at.getTime() - 5 * MINUTE));
  const applicant = await people(request.applicant);
  const review = await reviewPage(applicant.user, caseId, applicant.actor, at);
  if (review.kind !== "draft") throw new Error(`Demo request ${request.claim} was filed already`);
  if (review.missing.length) throw new Error(`Demo request ${request.claim} is incomplete: ${review.missing.map((item) => item.message).join(" ")}`);
  const filed = await submitRequest({
    user: applicant.user,
    caseId,
    expectedVersion: review.version,
    signedName: applicant.user.name,
    actor: applicant.actor,
    at,
  });
  if (filed.kind !== "filed") throw new Error(`Demo request ${request.claim} was not filed: ${filed.kind}`);
  return caseId;
}
