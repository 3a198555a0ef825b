/**
 * Cases at the stage a test starts from, for the integration tests and the
 * end-to-end tests alike (the latter against the e2e server's database).
 * Filing and acceptance go through `changeCase`, so the case has its timeline
 * event, audit row and clocks as the portal leaves them; later stages are
 * rows, with the clock the stage runs on.
 */
import crypto from "node:crypto";
import type { DocumentKind } from "~/domain/documents/document-kinds";
import type { Role } from "~/domain/roles";
import { changeCase } from "~/server/cases/change-case.server";
import { nextReference } from "~/server/cases/reference-number.server";
import { db, type Prisma } from "~/server/db.server";
import { applyDeadlineEffects } from "~/server/deadlines/case-clocks.server";
import { documentStorage } from "~/server/documents/storage.server";
import { draftPublication } from "~/server/publication/draft-publication.server";
import { actorFor, createAssignment, createCase } from "./factories";

const DAY = 86_400_000;

/** Who a case is between: the applicant, the plan, and the coordinator looking after it. */
export interface CaseParties {
  applicantId: string;
  planId: string;
  coordinatorId?: string;
}

/** What the applicant told about the patient, the denial and the treatment (override any of it). */
export type CaseDetails = Omit<Prisma.CaseUpdateManyMutationInput, "status" | "version">;

const PATIENT_DETAILS: CaseDetails = {
  patientName: "Maria Lopez",
  patientBirthDate: new Date("1979-04-12T00:00:00Z"),
  memberId: "EHP-448812",
  providerName: "Dr. Ann Lee",
  denialReason: "Not medically necessary under the plan criteria.",
  serviceDescription: "Cardiac rehabilitation program",
};

/** A filed case, whose reference is set. */
async function filedCase(caseId: string) {
  const kase = await db.case.findUniqueOrThrow({ where: { id: caseId } });
  if (!kase.reference) throw new Error(`case ${caseId} has no reference`);
  return { ...kase, reference: kase.reference };
}

async function actorWithRoles(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, roles: true } });
  return { ...actorFor(user), roles: user.roles as Role[] };
}

/** A request filed by its applicant at `at`: the next reference number of that year, and the eligibility clock running. */
export async function createFiledCase(options: CaseParties & { details?: CaseDetails; at?: Date }) {
  const at = options.at ?? new Date();
  const draft = await createCase({ applicantId: options.applicantId, planId: options.planId, status: "DRAFT", coordinatorId: options.coordinatorId });
  await changeCase({
    caseId: draft.id,
    expectedVersion: draft.version,
    actor: await actorWithRoles(options.applicantId),
    action: "submit",
    event: { type: "submitted" },
    update: { ...PATIENT_DETAILS, denialDate: new Date(at.getTime() - 30 * DAY), ...options.details, submittedAt: at },
    work: async (tx) => {
      await tx.case.update({ where: { id: draft.id }, data: { reference: await nextReference(tx, at) } });
    },
    at,
  });
  return filedCase(draft.id);
}

/**
 * A request accepted for review at `at` (filed a day before) by the
 * coordinator looking after it, or by `acceptedBy` with nobody looking after
 * it: the decision, plan case file and reviewer assignment clocks running.
 */
export async function createAcceptedCase(options: CaseParties & { acceptedBy?: string; details?: CaseDetails; at?: Date }) {
  const at = options.at ?? new Date();
  const acceptedBy = options.acceptedBy ?? options.coordinatorId;
  if (!acceptedBy) throw new Error("createAcceptedCase needs the coordinator who accepts: coordinatorId or acceptedBy");
  const filed = await createFiledCase({ ...options, at: new Date(at.getTime() - DAY) });
  await changeCase({
    caseId: filed.id,
    expectedVersion: filed.version,
    actor: await actorWithRoles(acceptedBy),
    action: "accept",
    event: { type: "accepted" },
    update: { acceptedAt: at, planCaseFileRequestedAt: at },
    at,
  });
  return filedCase(filed.id);
}

/** A file the test stores as an upload is stored. */
export interface TestFile {
  fileName: string;
  contentType: string;
  kind: DocumentKind;
  bytes: Buffer;
}

/** Stores the file encrypted in the configured document storage, as an upload is, and records it on the case. */
async function storeDocument(caseId: string, file: TestFile, extra: { uploadedById?: string; caseFileItem?: string; description?: string } = {}) {
  const stored = await documentStorage().put(
    (async function* () {
      yield file.bytes;
    })(),
  );
  return db.document.create({
    data: {
      caseId,
      kind: file.kind,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      storageKey: stored.key,
      ...extra,
    },
  });
}

/**
 * An IN_REVIEW case with everything the decision letter needs, accepted
 * three days ago, its decision clock running, and each reviewer's assignment
 * accepted with the no-conflict attestation. `files` are stored for real;
 * otherwise `documents` rows are made with no stored bytes behind them.
 */
export async function createCaseInReview(
  options: CaseParties & { reviewerIds: string[]; panelSize?: number; documents?: number; files?: TestFile[]; details?: CaseDetails },
) {
  const kase = await createCase({ applicantId: options.applicantId, planId: options.planId, status: "IN_REVIEW", coordinatorId: options.coordinatorId });
  const acceptedAt = new Date(Date.now() - 3 * DAY);
  await db.case.update({
    where: { id: kase.id },
    data: {
      reference: await db.$transaction((tx) => nextReference(tx, acceptedAt)),
      patientName: "Pat Example",
      memberId: "MEM-1001",
      providerName: "Dr. Ann Lee",
      denialDate: new Date("2026-09-01"),
      denialReason: "Not medically necessary under the plan's criteria.",
      ...options.details,
      panelSize: options.panelSize ?? options.reviewerIds.length,
      acceptedAt,
    },
  });
  await db.$transaction((tx) => applyDeadlineEffects(tx, kase.id, { start: ["decision"] }, acceptedAt));
  const documents = [];
  for (const file of options.files ?? []) documents.push(await storeDocument(kase.id, file));
  for (let index = 0; index < (options.files ? 0 : (options.documents ?? 2)); index += 1) {
    documents.push(
      await db.document.create({
        data: {
          caseId: kase.id,
          kind: index === 0 ? "DENIAL_LETTER" : "MEDICAL_RECORDS",
          fileName: `document-${index + 1}.pdf`,
          contentType: "application/pdf",
          sizeBytes: 1024,
          sha256: crypto.randomBytes(32).toString("hex"),
          storageKey: crypto.randomUUID(),
        },
      }),
    );
  }
  const assignments = [];
  for (const reviewerId of options.reviewerIds) {
    assignments.push(await createAssignment({ caseId: kase.id, reviewerId, status: "ACCEPTED", attested: true }));
  }
  return { ...(await filedCase(kase.id)), documents, assignments };
}

/** A small but real PDF. */
export const SMALL_PDF = Buffer.from(
  [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
  ].join("\n"),
);

/**
 * A case where the plan must act by `dueAt`: "caseFileRequested" is accepted
 * ten days ago with the plan's case file asked for; "overturned" is decided
 * for the patient a day before `dueAt`, its letter issued (a small PDF) and
 * the plan's compliance clock running. The plan knows it by a claim number
 * of its own.
 */
export async function createPlanActionCase(
  options: CaseParties & { coordinatorId: string; stage: "caseFileRequested" | "overturned"; dueAt: Date; claim?: string },
) {
  const overturned = options.stage === "overturned";
  const kase = await createCase({
    applicantId: options.applicantId,
    planId: options.planId,
    status: overturned ? "DECIDED" : "ACCEPTED",
    coordinatorId: options.coordinatorId,
  });
  const acceptedAt = new Date(Date.now() - 10 * DAY);
  const decidedAt = overturned ? new Date(options.dueAt.getTime() - DAY) : null;
  const reference = await db.$transaction((tx) => nextReference(tx, acceptedAt));
  await db.case.update({
    where: { id: kase.id },
    data: {
      ...PATIENT_DETAILS,
      reference,
      planDenialReference: options.claim ?? `CLM-${reference.slice(-6)}`,
      submittedAt: acceptedAt,
      acceptedAt,
      planCaseFileRequestedAt: acceptedAt,
      planCaseFileCompletedAt: overturned ? acceptedAt : null,
      decidedAt,
      outcome: overturned ? "OVERTURNED" : null,
      findings: overturned ? "The requested service is medically necessary for this patient's condition." : null,
    },
  });
  const startedAt = decidedAt ?? acceptedAt;
  await db.caseDeadline.create({
    data: {
      caseId: kase.id,
      kind: overturned ? "COMPLIANCE" : "PLAN_CASE_FILE",
      responsible: "PLAN",
      startedAt,
      dueAt: options.dueAt,
      atRiskAt: new Date(options.dueAt.getTime() - 2 * 3_600_000),
    },
  });
  if (overturned) {
    const letter = await storeDocument(kase.id, {
      kind: "DECISION_LETTER",
      fileName: `${reference}-decision.pdf`,
      contentType: "application/pdf",
      bytes: SMALL_PDF,
    });
    await db.decisionLetter.create({
      data: {
        caseId: kase.id,
        version: 1,
        documentId: letter.id,
        sha256: letter.sha256,
        verificationCode: crypto.randomBytes(8).toString("hex").toUpperCase(),
        outcome: "OVERTURNED",
        issuedAt: decidedAt!,
        issuedById: options.coordinatorId,
      },
    });
    await db.$transaction((tx) => draftPublication(tx, kase.id, decidedAt!));
  }
  return filedCase(kase.id);
}

/**
 * A coordinator's request for information to the applicant, with its
 * running "additional information" clock (unless `clock: false`).
 */
export async function createInformationRequest(options: {
  caseId: string;
  question?: string;
  startedAt?: Date;
  dueAt?: Date;
  requestedById?: string;
  clock?: boolean;
}) {
  const startedAt = options.startedAt ?? new Date();
  const dueAt = options.dueAt ?? new Date(startedAt.getTime() + 7 * DAY);
  const request = await db.informationRequest.create({
    data: {
      caseId: options.caseId,
      addressedTo: "APPLICANT",
      question: options.question ?? "Please send the letter from your doctor.",
      dueAt,
      requestedById: options.requestedById ?? null,
      createdAt: startedAt,
    },
  });
  if (options.clock !== false) {
    await db.caseDeadline.create({
      data: {
        caseId: options.caseId,
        kind: "APPLICANT_INFORMATION",
        responsible: "APPLICANT",
        subjectId: request.id,
        startedAt,
        dueAt,
        atRiskAt: new Date(startedAt.getTime() + 0.8 * (dueAt.getTime() - startedAt.getTime())),
      },
    });
  }
  return request;
}

/** Someone else changes the case (as another coordinator's note would): the version a page showed is now stale. */
export async function bumpCaseVersion(caseId: string): Promise<void> {
  await db.case.update({ where: { id: caseId }, data: { version: { increment: 1 } } });
}

/** Categories a coordinator may choose when accepting (regulator-categories.ts). */
export const ACCEPTANCE_CATEGORIES = {
  diagnosis: { category: "Orthopedic/Musculoskeletal", subcategory: "Back and spine" },
  treatment: { category: "Orthopedic procedure", subcategory: "Spine surgery" },
};
