import { z } from "zod";
import { deadlinePreviewQuery } from "~/schemas/deadline-preview";
import {
  apiCase,
  apiCaseList,
  apiCaseSummary,
  apiComplianceConfirmation,
  apiDeadline,
  apiCaseDocument,
  apiCaseDocumentList,
  apiDocument,
  apiDocumentQuery,
  apiLetter,
  apiLetterList,
  apiProblem,
  caseListQuery,
} from "~/schemas/api";
import { perFileText, UPLOAD_LIMITS } from "~/domain/documents/limits";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEvent } from "~/domain/webhooks";
import { completeCaseFileBody, complianceBody, reversalBody } from "~/schemas/plan-actions";

/**
 * The OpenAPI 3.1 description of /api/v1, generated from the zod schemas the
 * endpoints parse with (OpenAPI 3.1 uses JSON Schema 2020-12, as zod emits).
 */
type JsonSchema = Record<string, unknown>;

const SCHEMAS = {
  Case: apiCase,
  CaseSummary: apiCaseSummary,
  CaseList: apiCaseList,
  Deadline: apiDeadline,
  Problem: apiProblem,
  Document: apiDocument,
  CaseDocument: apiCaseDocument,
  CaseDocumentList: apiCaseDocumentList,
  ComplianceConfirmation: apiComplianceConfirmation,
  Letter: apiLetter,
  LetterList: apiLetterList,
};
/** Request bodies, described as clients send them (before defaults apply). */
const INPUTS = { CaseFileComplete: completeCaseFileBody, ComplianceConfirmationInput: complianceBody, ReversalInput: reversalBody };

function schemasOf(entries: Record<string, z.ZodType>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(entries)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", io, unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` }) as {
    schemas: Record<string, JsonSchema>;
  };
  for (const schema of Object.values(schemas)) delete schema.$schema;
  return schemas;
}

function componentSchemas(): Record<string, JsonSchema> {
  return { ...schemasOf(SCHEMAS, "output"), ...schemasOf(INPUTS, "input") };
}

/** Query parameters from an object schema, one per field, with each field's JSON Schema. */
function queryParameters(schema: z.ZodObject, descriptions: Record<string, string> = {}) {
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = z.toJSONSchema(field as z.ZodType, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as JsonSchema;
    delete json.$schema;
    return {
      name,
      in: "query",
      required: !(field as z.ZodType).safeParse(undefined).success,
      schema: json,
      ...(descriptions[name] ? { description: descriptions[name] } : {}),
    };
  });
}

const ref = (id: keyof typeof SCHEMAS | keyof typeof INPUTS) => ({ $ref: `#/components/schemas/${id}` });
const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const COMMON_ERRORS = {
  "401": problemResponse("No valid API key"),
  "429": { ...problemResponse("Too many requests for this key"), headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait" } } },
};
const json = (id: keyof typeof SCHEMAS) => ({ "application/json": { schema: ref(id) } });
const referenceParameter = { name: "reference", in: "path", required: true, schema: { type: "string", pattern: "^IMR-\\d{4}-\\d{6}$" } };
const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  schema: { type: "string", minLength: 1, maxLength: 255 },
  description:
    "Repeat a POST with the same key and body to get the first answer again, without doing it twice (kept 24 hours). While the first request runs, a repeat answers 409 with Retry-After; if it failed or its server stopped, the key is free again (within 30 seconds). An upload's repeat must send the same file (its SHA-256 is compared).",
};
const POST_ERRORS = {
  "400": problemResponse("A bad field or parameter, named in invalid-params"),
  "404": problemResponse("No such case for this plan"),
  "409": problemResponse("Not possible in the case's current state, or a request with this Idempotency-Key is still running"),
  "422": problemResponse("This Idempotency-Key was used for a different request"),
};
/** A JSON POST on one case. */
function casePost(
  operationId: string,
  summary: string,
  input: keyof typeof INPUTS,
  success: { status: string; description: string; schema: keyof typeof SCHEMAS },
) {
  return {
    post: {
      operationId,
      summary,
      parameters: [referenceParameter, idempotencyKey],
      requestBody: { required: true, content: { "application/json": { schema: ref(input) } } },
      responses: { [success.status]: { description: success.description, content: json(success.schema) }, ...POST_ERRORS, ...COMMON_ERRORS },
    },
  };
}

/** The data of the events whose fields the plan's systems act on; other events carry at least the case's reference. */
const WEBHOOK_DATA: Partial<Record<WebhookEvent, JsonSchema>> = {
  "case.filed": {
    type: "object",
    required: ["reference", "track", "filedAt", "eligibilityDueAt"],
    properties: {
      reference: { type: "string" },
      track: { enum: ["STANDARD", "EXPEDITED"] },
      filedAt: { type: "string", format: "date-time" },
      eligibilityDueAt: {
        type: ["string", "null"],
        format: "date-time",
        description: "When eligibility is decided: the plan's objection is read before then",
      },
    },
  },
  "case.information_added": {
    type: "object",
    description: "The applicant added a document after the case was accepted; it is forwarded to the plan, which may reconsider and reverse its denial",
    required: ["reference", "documentId", "kind", "addedAt", "forwardedAt", "href"],
    properties: {
      reference: { type: "string" },
      documentId: { type: "string", format: "uuid" },
      kind: { type: "string", examples: ["PHYSICIAN_LETTER"] },
      addedAt: { type: "string", format: "date-time" },
      forwardedAt: { type: "string", format: "date-time" },
      href: { type: "string", description: "Where to download the document", examples: ["/api/v1/cases/IMR-2026-000042/documents/0b6c…"] },
    },
  },
};

/** One webhook per event (Standard Webhooks headers), POSTed to the plan's registered endpoints. */
function webhooks() {
  return Object.fromEntries(
    WEBHOOK_EVENTS.map((event) => [
      event,
      {
        post: {
          operationId: `webhook:${event}`,
          summary: WEBHOOK_EVENT_LABELS[event],
          description:
            "Signed with the endpoint's secret (webhook-id, webhook-timestamp, webhook-signature). Answer 2xx; anything else is retried for 24 hours.",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["type", "timestamp", "data"],
                  properties: {
                    type: { const: event },
                    timestamp: { type: "string", format: "date-time" },
                    data: WEBHOOK_DATA[event] ?? { type: "object", description: "References and dates, never clinical details or a reviewer's identity" },
                  },
                },
              },
            },
          },
          responses: { "2XX": { description: "Received" } },
        },
      },
    ]),
  );
}

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Independent Medical Review portal API",
      version: "1.0.0",
      description:
        "For health plans' systems. Authenticate with `Authorization: Bearer <API key>` (created by your plan's staff in the portal, or by the review organization). A key sees only its own plan's cases; any other case answers 404. Errors are RFC 9457 problem details. Every POST honours `Idempotency-Key`.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    components: {
      schemas: componentSchemas(),
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "A plan API key: imr_xxxxxxxx_..." } },
    },
    security: [{ apiKey: [] }],
    webhooks: webhooks(),
    paths: {
      "/cases": {
        get: {
          operationId: "listCases",
          summary: "The plan's cases, oldest change first, with cursor pagination",
          parameters: queryParameters(caseListQuery, {
            updatedSince: "Only cases changed at or after this instant",
            cursor: "nextCursor of the previous page",
          }),
          responses: {
            "200": { description: "A page of cases", content: { "application/json": { schema: ref("CaseList") } } },
            "400": problemResponse("A bad parameter, named in invalid-params"),
            ...COMMON_ERRORS,
          },
        },
      },
      "/cases/{reference}": {
        get: {
          operationId: "getCase",
          summary: "One case by reference, with its deadlines (never a reviewer's identity)",
          parameters: [referenceParameter],
          responses: {
            "200": { description: "The case", content: { "application/json": { schema: ref("Case") } } },
            "404": problemResponse("No such case for this plan"),
            ...COMMON_ERRORS,
          },
        },
      },
      "/cases/{reference}/documents": {
        get: {
          operationId: "listDocuments",
          summary:
            "What the plan was sent and sent itself: the applicant's new information forwarded to the plan (with when it was forwarded), then the plan's case file; oldest first, at most 500",
          parameters: [referenceParameter],
          responses: {
            "200": { description: "The documents", content: json("CaseDocumentList") },
            "404": problemResponse("No such case for this plan"),
            ...COMMON_ERRORS,
          },
        },
        post: {
          operationId: "uploadDocument",
          summary: `Add a file to the plan's case file: the raw file is the body (PDF, JPEG, PNG, TIFF or DOCX, checked by content; ${perFileText(UPLOAD_LIMITS.PLAN).toLowerCase()}), streamed`,
          parameters: [
            referenceParameter,
            ...queryParameters(apiDocumentQuery, {
              name: "The file's name as shown in the case file",
              kind: "What the document is; a plan case file document by default",
              caseFileItem: "The checklist item it answers: letters, medicalRecords, criteria, policy, expertOpinions or applicantList",
              description: "The plan's annotation of what it sent, which the applicant also sees",
              informationRequestId: "When the file answers a request for information addressed to the plan",
            }),
            idempotencyKey,
          ],
          requestBody: {
            required: true,
            content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } },
          },
          responses: {
            "201": { description: "The document, added to the case file", content: json("Document") },
            ...POST_ERRORS,
            "413": problemResponse("The file is larger than allowed"),
            "415": problemResponse("The file's content is not an accepted type"),
            ...COMMON_ERRORS,
          },
        },
      },
      "/cases/{reference}/documents/{documentId}": {
        get: {
          operationId: "getDocument",
          summary: "One document of the list above, as stored (its type was checked by content); the download is audited",
          parameters: [referenceParameter, { name: "documentId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: {
            "200": {
              description: "The file",
              content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } },
            },
            "404": problemResponse("No such case for this plan, or no such document the plan was sent"),
            ...COMMON_ERRORS,
          },
        },
      },
      "/cases/{reference}/case-file/complete": casePost(
        "completeCaseFile",
        "Mark the plan's case file complete: every checklist item has a document or is declared not applicable, and denialReason says why the plan denied the service, in its own words (the decision letter quotes it). Meets the case file deadline.",
        "CaseFileComplete",
        { status: "200", description: "The case, with its case file completed", schema: "Case" },
      ),
      "/cases/{reference}/compliance": casePost(
        "confirmCompliance",
        "Confirm the plan carried out a decision that overturned its denial; the case closes. A confirmation after the deadline is recorded as late.",
        "ComplianceConfirmationInput",
        { status: "201", description: "The confirmation", schema: "ComplianceConfirmation" },
      ),
      "/cases/{reference}/reversal": casePost(
        "reverseDenial",
        "The plan approved the service itself during the review: the review ends (REVERSED_BY_PLAN) and everyone is told.",
        "ReversalInput",
        { status: "200", description: "The case, now reversed by the plan", schema: "Case" },
      ),
      "/cases/{reference}/letters": {
        get: {
          operationId: "listLetters",
          summary: "The decision letter's versions, oldest first (an amendment adds a version)",
          parameters: [referenceParameter],
          responses: {
            "200": { description: "The versions", content: json("LetterList") },
            "404": problemResponse("No such case for this plan"),
            ...COMMON_ERRORS,
          },
        },
      },
      "/cases/{reference}/letters/{version}": {
        get: {
          operationId: "getLetter",
          summary: "One version of the decision letter as PDF; `latest` for the current one",
          parameters: [
            referenceParameter,
            { name: "version", in: "path", required: true, schema: { anyOf: [{ type: "integer", minimum: 1 }, { const: "latest" }] } },
          ],
          responses: {
            "200": {
              description: "The letter as issued",
              headers: { "X-Letter-Version": { schema: { type: "integer" } } },
              content: { "application/pdf": { schema: { type: "string", contentMediaType: "application/pdf" } } },
            },
            "404": problemResponse("No such case for this plan, or no such letter"),
            ...COMMON_ERRORS,
          },
        },
      },
      "/rules/deadlines": {
        get: {
          operationId: "previewDeadlines",
          summary: "Every deadline of a rule profile as if each clock started at `from` (no key needed)",
          security: [],
          parameters: queryParameters(deadlinePreviewQuery),
          responses: {
            "200": { description: "The deadlines, ISO 8601 instants with the organization's offset" },
            "400": problemResponse("A bad parameter, named in invalid-params"),
          },
        },
      },
    },
  };
}
