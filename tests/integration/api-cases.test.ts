/**
 * The plan API's reading side: bearer keys, a key seeing only its plan's
 * cases, cursor pagination, the rate limit, and the OpenAPI description.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loader as getCase } from "~/routes/api.v1/case";
import { loader as listCases } from "~/routes/api.v1/cases";
import { loader as openApi } from "~/routes/api.v1/openapi";
import { createApiKey, revokeApiKey } from "~/server/api/api-keys.server";
import { changeCase } from "~/server/cases/change-case.server";
import { db } from "~/server/db.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { actorFor, createCase, createPlan, createUser } from "#tests/support/factories";
import { callApi, type RouteFunction } from "#tests/support/routes";
import { useTestConfig } from "#tests/support/test-database";

let planA: Awaited<ReturnType<typeof createPlan>>;
let planB: Awaited<ReturnType<typeof createPlan>>;
let keyA: string;
let keyB: string;
let caseA: Awaited<ReturnType<typeof createCase>>;
let caseB: Awaited<ReturnType<typeof createCase>>;

beforeAll(async () => {
  useTestConfig({ API_RATE_LIMIT_PER_MINUTE: "1000" });
  await ensureReferenceData();
  planA = await createPlan();
  planB = await createPlan();
  const admin = await createUser({ roles: ["ADMIN"] });
  keyA = (await createApiKey(planA.id, "Claims platform", actorFor(admin))).key;
  keyB = (await createApiKey(planB.id, "Other plan", actorFor(admin))).key;
  const applicant = await createUser({ roles: ["APPLICANT"] });
  const coordinator = await createUser({ roles: ["COORDINATOR"] });
  caseA = await createCase({ applicantId: applicant.id, planId: planA.id, status: "SUBMITTED" });
  caseB = await createCase({ applicantId: applicant.id, planId: planB.id, status: "SUBMITTED" });
  await db.case.update({
    where: { id: caseA.id },
    data: { serviceDescription: "Lumbar spinal fusion", procedureCodes: ["22612"], diagnosisCodes: ["M43.16"] },
  });
  await changeCase({
    caseId: caseA.id,
    expectedVersion: 0,
    actor: { ...actorFor(coordinator), roles: ["COORDINATOR"] },
    action: "accept",
    event: { type: "accepted" },
    update: { acceptedAt: new Date() },
  });
  // An offer to a reviewer: its clock must not show to the plan.
  await db.caseDeadline.create({
    data: {
      caseId: caseA.id,
      kind: "OFFER_RESPONSE",
      responsible: "REVIEWER",
      startedAt: new Date(),
      dueAt: new Date(Date.now() + 86_400_000),
      atRiskAt: new Date(),
    },
  });
});

const call = (handler: RouteFunction, path: string, key: string | null, params: Record<string, string> = {}) => callApi(handler, path, { key, params });

describe("GET /api/v1/cases/{reference}", () => {
  it("gives the plan its case with its deadlines and nothing about reviewers", async () => {
    const response = await call(getCase, `/cases/${caseA.reference}`, keyA, { reference: caseA.reference! });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      reference: string;
      status: string;
      deadlines: { kind: string; responsible: string; label: string }[];
      planCaseFile: { denialReason: string | null };
    };
    expect(body.reference).toBe(caseA.reference);
    // The service in dispute with its codes; the plan's own reason comes with its case file.
    expect(body).toMatchObject({ serviceDescription: "Lumbar spinal fusion", procedureCodes: ["22612"], diagnosisCodes: ["M43.16"] });
    expect(body.planCaseFile.denialReason).toBeNull();
    expect(body.status).toBe("ACCEPTED");
    expect(body.deadlines.map((deadline) => deadline.kind).sort()).toEqual(["ASSIGNMENT", "DECISION", "PLAN_CASE_FILE"]);
    expect(body.deadlines.find((deadline) => deadline.kind === "PLAN_CASE_FILE")).toMatchObject({ responsible: "PLAN", label: "Plan case file" });
    expect(JSON.stringify(body)).not.toMatch(/REVIEWER|OFFER/);
  });

  it("answers 404 in problem+json to a key of another plan, as for a case that does not exist", async () => {
    const response = await call(getCase, `/cases/${caseA.reference}`, keyB, { reference: caseA.reference! });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 404, title: "Not found" });
  });

  it("refuses a missing, malformed or revoked key with 401", async () => {
    expect((await call(getCase, `/cases/${caseA.reference}`, null, { reference: caseA.reference! })).status).toBe(401);
    expect((await call(getCase, `/cases/${caseA.reference}`, "imr_nope", { reference: caseA.reference! })).status).toBe(401);
    const admin = await createUser({ roles: ["ADMIN"] });
    const { id, key } = await createApiKey(planA.id, "Old", actorFor(admin));
    expect((await call(getCase, `/cases/${caseA.reference}`, key, { reference: caseA.reference! })).status).toBe(200);
    await revokeApiKey(planA.id, id, actorFor(admin));
    const refused = await call(getCase, `/cases/${caseA.reference}`, key, { reference: caseA.reference! });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("records when a key was last used", async () => {
    const row = await db.apiKey.findFirstOrThrow({ where: { planId: planA.id, name: "Claims platform" } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
  });
});

describe("GET /api/v1/cases", () => {
  it("lists only the key's plan's cases, page by page with a cursor", async () => {
    const applicant = await createUser({ roles: ["APPLICANT"] });
    for (let i = 0; i < 4; i++) await createCase({ applicantId: applicant.id, planId: planA.id, status: "SUBMITTED" });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await call(listCases, `/cases?limit=2${cursor ? `&cursor=${cursor}` : ""}`, keyA);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { data: { reference: string }[]; nextCursor: string | null };
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((row) => row.reference));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(seen).toContain(caseA.reference);
    expect(seen).not.toContain(caseB.reference);
  });

  it("filters by status and by updatedSince", async () => {
    const accepted = (await (await call(listCases, "/cases?status=ACCEPTED", keyA)).json()) as { data: { reference: string }[] };
    expect(accepted.data.map((row) => row.reference)).toEqual([caseA.reference]);
    const future = (await (await call(listCases, `/cases?updatedSince=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, keyA)).json()) as {
      data: unknown[];
    };
    expect(future.data).toEqual([]);
  });

  it("names the bad parameter in problem+json", async () => {
    const response = await call(listCases, "/cases?limit=500&status=SOMETHING", keyA);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = (await response.json()) as { "invalid-params": { name: string }[] };
    expect(body["invalid-params"].map((param) => param.name).sort()).toEqual(["limit", "status"]);
    const badCursor = await call(listCases, "/cases?cursor=not-a-cursor", keyA);
    expect(((await badCursor.json()) as { "invalid-params": { name: string }[] })["invalid-params"][0]!.name).toBe("cursor");
  });

  it("answers 429 with Retry-After once a key goes over its rate limit", async () => {
    useTestConfig({ API_RATE_LIMIT_PER_MINUTE: "3" });
    try {
      const admin = await createUser({ roles: ["ADMIN"] });
      const { key } = await createApiKey(planA.id, "Busy", actorFor(admin));
      const { key: quietKey } = await createApiKey(planA.id, "Quiet", actorFor(admin));
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 4; i++) {
        last = await call(listCases, "/cases", key);
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
      // Another key of the same plan has its own allowance.
      expect((await call(listCases, "/cases", quietKey)).status).toBe(200);
    } finally {
      useTestConfig({ API_RATE_LIMIT_PER_MINUTE: "1000" });
    }
  });
});

describe("a network guessing API keys", () => {
  it("is refused with 429 after 20 wrong or missing keys in a minute, before any key is looked up; a right key is never counted", async () => {
    const ip = "198.51.100.77";
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const wrong = i % 2 === 0 ? `imr_${"x".repeat(40)}${i}` : null;
      statuses.push((await callApi(listCases, "/cases", { key: wrong, ip })).status);
    }
    expect(statuses).toEqual([...Array<number>(20).fill(401), 429]);
    const refused = await callApi(listCases, "/cases", { key: keyA, ip });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another network, with the right key, many times over.
    for (let i = 0; i < 25; i++) expect((await callApi(listCases, "/cases", { key: keyA, ip: "198.51.100.78" })).status).toBe(200);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("describes the endpoints with the schemas they parse with", async () => {
    const document = (await (openApi as () => Response)().json()) as {
      openapi: string;
      paths: Record<string, { get: { parameters: { name: string }[] } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/cases", "/cases/{reference}", "/rules/deadlines"]));
    expect(document.paths["/cases"]!.get.parameters.map((param) => param.name)).toEqual(["status", "updatedSince", "cursor", "limit"]);
    expect(Object.keys(document.components.schemas.Case!.properties!)).toEqual(expect.arrayContaining(["reference", "deadlines", "outcome"]));
    expect(document.components.schemas.Problem).toBeDefined();
  });

  it("describes every webhook event, with the data of a filed request", async () => {
    const document = (await (openApi as () => Response)().json()) as {
      webhooks: Record<string, { post: { requestBody: { content: Record<string, { schema: { properties: Record<string, { required?: string[] }> } }> } } }>;
    };
    expect(Object.keys(document.webhooks)).toEqual(expect.arrayContaining(["case.filed", "case.accepted", "decision.issued"]));
    const filed = document.webhooks["case.filed"]!.post.requestBody.content["application/json"]!.schema.properties;
    expect(filed.data!.required).toEqual(["reference", "track", "filedAt", "eligibilityDueAt"]);
  });
});
