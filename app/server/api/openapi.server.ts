import { z } from "zod";
import { deadlinePreviewQuery } from "~/schemas/deadline-preview";
import { apiCase, apiCaseList, apiProblem, caseListQuery } from "~/schemas/api";

/**
 * The OpenAPI 3.1 description of /api/v1, generated from the zod schemas the
 * endpoints parse with (OpenAPI 3.1 uses JSON Schema 2020-12, as zod emits).
 */
type JsonSchema = Record<string, unknown>;

const SCHEMAS = { Case: apiCase, CaseList: apiCaseList, Problem: apiProblem };

function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, JsonSchema> };
  for (const schema of Object.values(schemas)) delete schema.$schema;
  return schemas;
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

const ref = (id: keyof typeof SCHEMAS) => ({ $ref: `#/components/schemas/${id}` });
const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const COMMON_ERRORS = {
  "401": problemResponse("No valid API key"),
  "429": { ...problemResponse("Too many requests for this key"), headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait" } } },
};

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
    paths: {
      "/cases": {
        get: {
          operationId: "listCases",
          summary: "The plan's cases, oldest change first, with cursor pagination",
          parameters: queryParameters(caseListQuery, {
            updatedSince: "Only cases changed at or after this instant",
            cursor: "nextCursor of the previous page",
          }),
          responses: { "200": { description: "A page of cases", content: { "application/json": { schema: ref("CaseList") } } }, "400": problemResponse("A bad parameter, named in invalid-params"), ...COMMON_ERRORS },
        },
      },
      "/cases/{reference}": {
        get: {
          operationId: "getCase",
          summary: "One case by reference, with its deadlines (never a reviewer's identity)",
          parameters: [{ name: "reference", in: "path", required: true, schema: { type: "string", pattern: "^IMR-\\d{4}-\\d{6}$" } }],
          responses: { "200": { description: "The case", content: { "application/json": { schema: ref("Case") } } }, "404": problemResponse("No such case for this plan"), ...COMMON_ERRORS },
        },
      },
      "/rules/deadlines": {
        get: {
          operationId: "previewDeadlines",
          summary: "Every deadline of a rule profile as if each clock started at `from` (no key needed)",
          security: [],
          parameters: queryParameters(deadlinePreviewQuery),
          responses: { "200": { description: "The deadlines, ISO 8601 instants with the organization's offset" }, "400": problemResponse("A bad parameter, named in invalid-params") },
        },
      },
    },
  };
}
