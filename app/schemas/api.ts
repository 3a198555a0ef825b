/**
 * The plan API's inputs and outputs (/api/v1). The endpoints parse with these
 * schemas and the OpenAPI description is generated from them, so the two
 * cannot drift apart.
 */
import { z } from "zod";
import { CASE_STATUSES } from "~/domain/case-status";
import { uploadQuerySchema } from "~/schemas/upload-query";

export const caseListQuery = z.object({
  status: z.enum(CASE_STATUSES.filter((status) => status !== "DRAFT") as [string, ...string[]], { error: "must be a case status such as ACCEPTED" }).optional(),
  updatedSince: z.iso.datetime({ offset: true, error: "must be an ISO 8601 instant, e.g. 2026-11-01T00:00:00Z" }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce
    .number({ error: "must be a whole number from 1 to 100" })
    .int("must be a whole number from 1 to 100")
    .min(1, "must be a whole number from 1 to 100")
    .max(100, "must be a whole number from 1 to 100")
    .default(50),
});

const instant = z.iso.datetime({ offset: true });

export const apiDeadline = z
  .object({
    kind: z.enum([
      "ELIGIBILITY",
      "PLAN_CASE_FILE",
      "APPLICANT_INFORMATION",
      "INFORMATION_FORWARDING",
      "ASSIGNMENT",
      "OPINIONS",
      "DECISION",
      "WRITTEN_CONFIRMATION",
      "COMPLIANCE",
    ]),
    label: z.string(),
    responsible: z.enum(["ORGANIZATION", "APPLICANT", "PLAN"]),
    status: z.enum(["OPEN", "MET", "MISSED", "STOPPED"]),
    startedAt: instant,
    dueAt: instant,
    closedAt: instant.nullable(),
  })
  .meta({ id: "Deadline" });

export const apiCaseSummary = z
  .object({
    reference: z.string().meta({ example: "IMR-2026-000042" }),
    status: z.enum(CASE_STATUSES),
    track: z.enum(["STANDARD", "EXPEDITED"]),
    disputeType: z.enum(["MEDICAL_NECESSITY", "EXPERIMENTAL_INVESTIGATIONAL", "URGENT_CARE"]).nullable(),
    planDenialReference: z.string().nullable(),
    memberId: z.string().nullable(),
    submittedAt: instant.nullable(),
    updatedAt: instant,
  })
  .meta({ id: "CaseSummary" });

export const apiCase = apiCaseSummary
  .extend({
    patientName: z.string().nullable(),
    serviceDescription: z.string().nullable(),
    procedureCodes: z.array(z.string()).meta({ description: "CPT/HCPCS codes of the service in dispute, as the applicant gave them" }),
    diagnosisCodes: z.array(z.string()).meta({ description: "ICD-10 codes, as the applicant gave them" }),
    denialDate: z.iso.date().nullable(),
    acceptedAt: instant.nullable(),
    decidedAt: instant.nullable(),
    closedAt: instant.nullable(),
    outcome: z.enum(["UPHELD", "OVERTURNED", "OVERTURNED_IN_PART"]).nullable(),
    planCaseFile: z.object({
      requestedAt: instant.nullable(),
      completedAt: instant.nullable(),
      denialReason: z.string().nullable().meta({ description: "The plan's reason for the denial, in its own words, given when it completed the case file" }),
    }),
    deadlines: z.array(apiDeadline),
  })
  .meta({ id: "Case" });

export const apiCaseList = z.object({ data: z.array(apiCaseSummary), nextCursor: z.string().nullable() }).meta({ id: "CaseList" });

export const apiProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    "invalid-params": z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  })
  .meta({ id: "Problem" });

export const apiDocument = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    kind: z.string().meta({ example: "PLAN_CASE_FILE" }),
    caseFileItem: z.string().nullable(),
    description: z.string().nullable(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    createdAt: instant,
  })
  .meta({ id: "Document" });

/** A document the plan was sent (the applicant's new information, forwarded) or sent itself (its case file). */
export const apiCaseDocument = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    kind: z.string().meta({ example: "PHYSICIAN_LETTER" }),
    from: z.enum(["APPLICANT", "PLAN"]),
    caseFileItem: z.string().nullable(),
    description: z.string().nullable(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    createdAt: instant,
    /** When the applicant's new information was forwarded to the plan; null for the plan's own documents. */
    forwardedAt: instant.nullable(),
    href: z.string().meta({ example: "/api/v1/cases/IMR-2026-000042/documents/7d1e2f3a-0000-4000-8000-000000000000" }),
  })
  .meta({ id: "CaseDocument" });

export const apiCaseDocumentList = z.object({ data: z.array(apiCaseDocument) }).meta({ id: "CaseDocumentList" });

export const apiComplianceConfirmation = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    implementedOn: z.iso.date(),
    authorizationNumber: z.string(),
    note: z.string().nullable(),
    confirmedAt: instant,
    /** After the compliance deadline: the review organization is alerted. */
    late: z.boolean(),
    dueAt: instant.nullable(),
    caseStatus: z.enum(CASE_STATUSES),
  })
  .meta({ id: "ComplianceConfirmation" });

export const apiLetter = z
  .object({
    version: z.number().int().min(1),
    outcome: z.enum(["UPHELD", "OVERTURNED", "OVERTURNED_IN_PART"]),
    issuedAt: instant,
    amendmentReason: z.string().nullable(),
    sha256: z.string(),
    href: z.string().meta({ example: "/api/v1/cases/IMR-2026-000042/letters/1" }),
  })
  .meta({ id: "Letter" });

export const apiLetterList = z.object({ data: z.array(apiLetter) }).meta({ id: "LetterList" });

/**
 * The document upload's query: the browser's upload query without the case
 * (the path names it), a plan case file document unless said otherwise. The
 * file itself is the raw request body.
 */
export const apiDocumentQuery = uploadQuerySchema.omit({ caseId: true }).extend({ kind: uploadQuerySchema.shape.kind.default("PLAN_CASE_FILE") });
