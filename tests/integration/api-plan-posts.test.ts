/**
 * The plan API's writing side and its letters, called as a plan's system
 * calls them: a key reaching only its plan's cases, Idempotency-Key on a
 * POST, problem+json naming the field, a streamed upload landing in the
 * case file, the letter's PDF, and the acceptance webhook reaching a real
 * HTTP receiver with a signature that verifies.
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EligibilityCriterion } from "~/domain/eligibility";
import { WEBHOOK_EVENTS } from "~/domain/webhooks";
import { action as postCaseFileComplete } from "~/routes/api.v1/case.case-file.complete";
import { action as postCompliance } from "~/routes/api.v1/case.compliance";
import { action as postDocument } from "~/routes/api.v1/case.documents";
import { loader as getLetter } from "~/routes/api.v1/case.letter";
import { loader as getLetters } from "~/routes/api.v1/case.letters";
import { action as postReversal } from "~/routes/api.v1/case.reversal";
import { loader as openApi } from "~/routes/api.v1/openapi";
import { createApiKey } from "~/server/api/api-keys.server";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { sweepDeadlines } from "~/server/deadlines/deadline-sweep.server";
import { documentStorage } from "~/server/documents/storage.server";
import { acceptCase } from "~/server/intake/accept-case.server";
import { requestInformation } from "~/server/intake/request-information.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { withdrawRequest } from "~/server/requests/withdraw.server";
import { dispatchDueWebhooks } from "~/server/webhooks/deliver-webhooks.server";
import { createWebhookEndpoint } from "~/server/webhooks/endpoints.server";
import { verifyWebhook } from "~/server/webhooks/signing.server";
import { actorFor, createCase, createPlan, createUser, sessionUserOf } from "#tests/support/factories";
import { ACCEPTANCE_CATEGORIES } from "#tests/support/case-factories";
import { callApi, type RouteFunction } from "#tests/support/routes";
import { useTestConfig } from "#tests/support/test-database";
import { waitFor } from "#tests/support/wait-for";

type Person = Awaited<ReturnType<typeof createUser>>;
let planA: Awaited<ReturnType<typeof createPlan>>;
let planB: Awaited<ReturnType<typeof createPlan>>;
let keyA: string;
let keyAId: string;
let applicant: Person;
let coordinator: Person;
let planUserA: Person;

beforeAll(async () => {
  useTestConfig({ API_RATE_LIMIT_PER_MINUTE: "1000" });
  await ensureReferenceData();
  forgetOrganizationCalendar();
  planA = await createPlan();
  planB = await createPlan();
  const admin = await createUser({ roles: ["ADMIN"] });
  ({ key: keyA, id: keyAId } = await createApiKey(planA.id, "Claims platform", actorFor(admin)));
  applicant = await createUser({ roles: ["APPLICANT"] });
  coordinator = await createUser({ roles: ["COORDINATOR"] });
  planUserA = await createUser({ roles: ["PLAN"], planId: planA.id });
});

const HOUR = 3_600_000;

/** Plan A's system calling the API. */
const call = (
  handler: RouteFunction,
  path: string,
  params: Record<string, string>,
  init: Omit<Parameters<typeof callApi>[2], "key" | "params"> & { key?: string } = {},
) => callApi(handler, path, { key: keyA, params, ...init });

/** A case decided in plan A's disfavour, its compliance clock still running. */
async function overturnedCase(planId = planA.id) {
  const kase = await createCase({ applicantId: applicant.id, planId, status: "DECIDED", coordinatorId: coordinator.id });
  const decidedAt = new Date(Date.now() - HOUR);
  await db.case.update({ where: { id: kase.id }, data: { outcome: "OVERTURNED", decidedAt } });
  await db.caseDeadline.create({
    data: { caseId: kase.id, kind: "COMPLIANCE", responsible: "PLAN", startedAt: decidedAt, dueAt: new Date(Date.now() + 24 * HOUR), atRiskAt: decidedAt },
  });
  return kase;
}

/** Yesterday, in UTC: a date implemented may not be in the future, whatever day the suite runs on. */
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const compliance = { implementedOn: yesterday, authorizationNumber: "AUTH-5521", note: "Approved for the requested date" };

describe("a key of one plan", () => {
  it("gets 404 problem+json for another plan's case, on every POST, and changes nothing", async () => {
    const other = await overturnedCase(planB.id);
    const reference = other.reference!;
    const answers = [
      await call(postCompliance, `/cases/${reference}/compliance`, { reference }, { json: compliance }),
      await call(postReversal, `/cases/${reference}/reversal`, { reference }, { json: { note: "Approved" } }),
      await call(postCaseFileComplete, `/cases/${reference}/case-file/complete`, { reference }, { json: {} }),
      await call(getLetters, `/cases/${reference}/letters`, { reference }),
    ];
    for (const response of answers) {
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
    expect(await db.complianceConfirmation.count({ where: { caseId: other.id } })).toBe(0);
    expect((await db.case.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("DECIDED");
  });
});

describe("POST /cases/{reference}/compliance", () => {
  it("repeated with the same Idempotency-Key gives one confirmation and the same answer", async () => {
    const kase = await overturnedCase();
    const reference = kase.reference!;
    const send = () =>
      call(postCompliance, `/cases/${reference}/compliance`, { reference }, { json: compliance, headers: { "Idempotency-Key": "compliance-5521" } });

    const first = await send();
    const firstBody = await first.text();
    const second = await send();

    expect(first.status).toBe(201);
    expect(JSON.parse(firstBody)).toMatchObject({
      reference,
      implementedOn: yesterday,
      authorizationNumber: "AUTH-5521",
      late: false,
      caseStatus: "CLOSED",
    });
    expect(second.status).toBe(201);
    expect(second.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await second.json()).toEqual(JSON.parse(firstBody));
    expect(await db.complianceConfirmation.count({ where: { caseId: kase.id } })).toBe(1);
    const row = await db.complianceConfirmation.findFirstOrThrow({ where: { caseId: kase.id } });
    expect(row).toMatchObject({ channel: "API", confirmedById: null });
    expect(
      await db.auditLog.count({ where: { objectId: kase.id, action: "case.compliance_confirmed", actorEmail: `api:${planA.name}/Claims platform` } }),
    ).toBe(1);

    const withoutKey = await call(postCompliance, `/cases/${reference}/compliance`, { reference }, { json: compliance });
    expect(withoutKey.status).toBe(409);
    expect(((await withoutKey.json()) as { detail: string }).detail).toMatch(/already confirmed/);
  });

  it("answers a bad body with problem+json naming each field at fault", async () => {
    const kase = await overturnedCase();
    const reference = kase.reference!;
    const response = await call(
      postCompliance,
      `/cases/${reference}/compliance`,
      { reference },
      { json: { implementedOn: "20/11/2026", authorizationNumber: "  " } },
    );

    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await response.json()) as { "invalid-params": { name: string; reason: string }[] };
    expect(problem["invalid-params"].map((param) => param.name).sort()).toEqual(["authorizationNumber", "implementedOn"]);
    expect(problem["invalid-params"].find((param) => param.name === "implementedOn")?.reason).toMatch(/YYYY-MM-DD/);
    expect(await db.complianceConfirmation.count({ where: { caseId: kase.id } })).toBe(0);
  });
});

describe("an Idempotency-Key whose request died", () => {
  const reversal = { note: "Approved on reconsideration" };
  const sendReversal = (reference: string, key: string) =>
    call(postReversal, `/cases/${reference}/reversal`, { reference }, { json: reversal, headers: { "Idempotency-Key": key } });

  /** The claim a request leaves when its process dies mid-run: in progress, its lease running out at `leaseExpiresAt`. */
  async function claimLeftBy(reference: string, key: string, leaseExpiresAt: Date) {
    const requestHash = crypto
      .createHash("sha256")
      .update(`POST /api/v1/cases/${reference}/reversal\n${JSON.stringify(reversal)}`)
      .digest("hex");
    await db.idempotencyRecord.create({
      data: { apiKeyId: keyAId, key, requestHash, statusCode: 0, responseBody: "null", leaseExpiresAt, createdAt: new Date(leaseExpiresAt.getTime() - 60_000) },
    });
  }

  it("lets the next request with the key run once the lease has run out; a live lease still answers 409 with Retry-After", async () => {
    const dead = await createCase({ applicantId: applicant.id, planId: planA.id, status: "IN_REVIEW" });
    await claimLeftBy(dead.reference!, "crashed-1", new Date(Date.now() - 1_000));
    const retried = await sendReversal(dead.reference!, "crashed-1");
    expect(retried.status).toBe(200);
    expect((await db.case.findUniqueOrThrow({ where: { id: dead.id } })).status).toBe("REVERSED_BY_PLAN");
    const replayed = await sendReversal(dead.reference!, "crashed-1");
    expect(replayed.status).toBe(200);
    expect(replayed.headers.get("Idempotent-Replayed")).toBe("true");

    const running = await createCase({ applicantId: applicant.id, planId: planA.id, status: "IN_REVIEW" });
    await claimLeftBy(running.reference!, "running-1", new Date(Date.now() + 20_000));
    const refused = await sendReversal(running.reference!, "running-1");
    expect(refused.status).toBe(409);
    expect(refused.headers.get("Retry-After")).toBe("1");
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect((await db.case.findUniqueOrThrow({ where: { id: running.id } })).status).toBe("IN_REVIEW");
  });

  it("is given up by a run that fails, so the retry runs", async () => {
    const kase = await createCase({ applicantId: applicant.id, planId: planA.id, status: "DECIDED" });
    const failed = await sendReversal(kase.reference!, "failed-1");
    expect(failed.status).toBe(409);
    expect(await db.idempotencyRecord.count({ where: { key: "failed-1" } })).toBe(0);

    await db.case.update({ where: { id: kase.id }, data: { status: "IN_REVIEW" } });
    const retried = await sendReversal(kase.reference!, "failed-1");
    expect(retried.status).toBe(200);
    expect(retried.headers.get("Idempotent-Replayed")).toBeNull();
  });
});

describe("POST /cases/{reference}/documents with an Idempotency-Key", () => {
  const pdf = (text: string) => new Uint8Array(Buffer.from(`%PDF-1.4\n${text}\n%%EOF`));

  /** An upload whose body arrives when the test says: the first chunk now, the rest on `finish()`. */
  function slowUpload(reference: string, query: URLSearchParams, file: Uint8Array, key: string) {
    let finish = () => {};
    const rest = new Promise<void>((resolve) => (finish = resolve));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === 0) {
          sent = 16;
          controller.enqueue(file.slice(0, 16));
          return;
        }
        await rest;
        controller.enqueue(file.slice(16));
        controller.close();
      },
    });
    const request = new Request(`http://portal.test/api/v1/cases/${reference}/documents?${query}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${keyA}`, "Content-Length": String(file.length), "Idempotency-Key": key, "x-imr-client-ip": "10.9.8.7" },
      body,
      duplex: "half",
    } as RequestInit);
    const response = postDocument({ request, params: { reference }, context: new RouterContextProvider() } as never) as Promise<Response>;
    return { response, finish };
  }

  it("keeps the key while a long upload streams: the upload renews its lease", async () => {
    const kase = await createCase({ applicantId: applicant.id, planId: planA.id, status: "ACCEPTED" });
    const reference = kase.reference!;
    const query = new URLSearchParams({ name: "chart.pdf", caseFileItem: "medicalRecords" });
    const file = pdf("a long chart, sent slowly");
    const upload = slowUpload(reference, query, file, "long-upload-1");
    const claim = await waitFor("the upload's claim", () => db.idempotencyRecord.findFirst({ where: { key: "long-upload-1" } }));

    const renewed = await waitFor("the lease to be renewed", async () => {
      const now = await db.idempotencyRecord.findFirstOrThrow({ where: { key: "long-upload-1" } });
      return now.leaseExpiresAt! > claim.leaseExpiresAt! && now;
    });
    expect(renewed.statusCode).toBe(0);
    upload.finish();
    expect((await upload.response).status).toBe(201);
    expect((await db.idempotencyRecord.findFirstOrThrow({ where: { key: "long-upload-1" } })).leaseExpiresAt).toBeNull();
  });

  it("answers 409 while the first upload streams, repeats its answer for the same file, and refuses another file of the same length", async () => {
    const kase = await createCase({ applicantId: applicant.id, planId: planA.id, status: "ACCEPTED" });
    const reference = kase.reference!;
    const query = new URLSearchParams({ name: "records.pdf", caseFileItem: "medicalRecords" });
    const file = pdf("the patient's records, first part");
    const sameLength = pdf("the patient's records, other part");
    expect(sameLength.length).toBe(file.length);
    const send = (bytes: Uint8Array) =>
      call(postDocument, `/cases/${reference}/documents?${query}`, { reference }, { body: new Uint8Array(bytes), headers: { "Idempotency-Key": "upload-1" } });

    const first = slowUpload(reference, query, file, "upload-1");
    await waitFor("the first upload's claim", () => db.idempotencyRecord.findFirst({ where: { key: "upload-1" } }));
    const meanwhile = await send(file);
    expect(meanwhile.status).toBe(409);
    expect(meanwhile.headers.get("Retry-After")).toBe("1");
    first.finish();
    const stored = await first.response;
    expect(stored.status).toBe(201);
    const document = (await stored.json()) as { id: string };

    const repeated = await send(file);
    expect(repeated.status).toBe(201);
    expect(repeated.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await repeated.json()).toMatchObject({ id: document.id });

    const other = await send(sameLength);
    expect(other.status).toBe(422);
    expect(other.headers.get("content-type")).toBe("application/problem+json");
    expect(((await other.json()) as { title: string }).title).toBe("Idempotency-Key reused");
    expect(await db.document.count({ where: { caseId: kase.id } })).toBe(1);
  });
});

describe("POST /cases/{reference}/documents and case-file/complete", () => {
  it("streams the file into the case file, then the case file is marked complete with the plan's reason for the denial", async () => {
    const denialReason = "Not medically necessary under medical policy MP-114.";
    const kase = await createCase({ applicantId: applicant.id, planId: planA.id, status: "ACCEPTED" });
    await db.case.update({ where: { id: kase.id }, data: { planCaseFileRequestedAt: new Date(Date.now() - HOUR) } });
    await db.caseDeadline.create({
      data: {
        caseId: kase.id,
        kind: "PLAN_CASE_FILE",
        responsible: "PLAN",
        startedAt: new Date(Date.now() - HOUR),
        dueAt: new Date(Date.now() + 48 * HOUR),
        atRiskAt: new Date(),
      },
    });
    const reference = kase.reference!;
    const file = new Uint8Array(Buffer.from(["%PDF-1.4", "1 0 obj << /Type /Catalog >> endobj", "trailer << /Root 1 0 R >>", "%%EOF"].join("\n")));
    const query = new URLSearchParams({ name: "criteria.pdf", caseFileItem: "criteria", description: "InterQual criteria applied" });

    const uploaded = await call(postDocument, `/cases/${reference}/documents?${query}`, { reference }, { body: file });

    expect(uploaded.status).toBe(201);
    const document = (await uploaded.json()) as { id: string; kind: string; caseFileItem: string; sha256: string };
    expect(document).toMatchObject({ kind: "PLAN_CASE_FILE", caseFileItem: "criteria", sha256: crypto.createHash("sha256").update(file).digest("hex") });
    expect(await db.document.findUniqueOrThrow({ where: { id: document.id } })).toMatchObject({
      caseId: kase.id,
      caseFileItem: "criteria",
      description: "InterQual criteria applied",
      uploadedById: null,
    });

    const badItem = await call(postDocument, `/cases/${reference}/documents?name=x.pdf&caseFileItem=everything`, { reference }, { body: file });
    expect(badItem.status).toBe(400);
    expect(((await badItem.json()) as { "invalid-params": { name: string }[] })["invalid-params"][0]?.name).toBe("caseFileItem");

    // A reason that is sent is checked; one that is left out is not required, so plans' older integrations keep working.
    const blankReason = await call(postCaseFileComplete, `/cases/${reference}/case-file/complete`, { reference }, { json: { denialReason: "  " } });
    expect(blankReason.status).toBe(400);
    expect(((await blankReason.json()) as { "invalid-params": { name: string }[] })["invalid-params"].map((param) => param.name)).toEqual(["denialReason"]);
    const tooLong = await call(postCaseFileComplete, `/cases/${reference}/case-file/complete`, { reference }, { json: { denialReason: "x".repeat(1_001) } });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { "invalid-params": { reason: string }[] })["invalid-params"][0]?.reason).toBe("Use at most 1,000 characters.");

    // Without a reason the call gets past the body's check to the checklist's.
    const incomplete = await call(postCaseFileComplete, `/cases/${reference}/case-file/complete`, { reference }, { json: {} });
    expect(incomplete.status).toBe(409);
    expect(((await incomplete.json()) as { "invalid-params": { name: string }[] })["invalid-params"][0]?.name).toBe("notApplicable");

    const complete = await call(
      postCaseFileComplete,
      `/cases/${reference}/case-file/complete`,
      { reference },
      {
        json: { notApplicable: ["letters", "medicalRecords", "policy", "expertOpinions", "applicantList"], denialReason },
      },
    );
    expect(complete.status).toBe(200);
    const body = (await complete.json()) as {
      planCaseFile: { completedAt: string | null; denialReason: string | null };
      deadlines: { kind: string; status: string }[];
    };
    expect(body.planCaseFile.completedAt).not.toBeNull();
    expect(body.planCaseFile.denialReason).toBe(denialReason);
    expect(body.deadlines.find((deadline) => deadline.kind === "PLAN_CASE_FILE")?.status).toBe("MET");
  });
});

describe("POST /cases/{reference}/reversal", () => {
  it("ends the review and answers the case, now reversed by the plan", async () => {
    const kase = await createCase({ applicantId: applicant.id, planId: planA.id, status: "IN_REVIEW" });
    const reference = kase.reference!;
    const response = await call(postReversal, `/cases/${reference}/reversal`, { reference }, { json: { note: "Approved on reconsideration" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ reference, status: "REVERSED_BY_PLAN" });

    const missingNote = await call(postReversal, `/cases/${reference}/reversal`, { reference }, { json: {} });
    expect(missingNote.status).toBe(400);
    expect(((await missingNote.json()) as { "invalid-params": { name: string }[] })["invalid-params"][0]?.name).toBe("note");
  });
});

describe("GET /cases/{reference}/letters", () => {
  it("lists the versions and downloads the latest as the stored PDF", async () => {
    const kase = await overturnedCase();
    const reference = kase.reference!;
    const storage = documentStorage();
    const versions: Buffer[] = [];
    for (const version of [1, 2]) {
      const pdf = Buffer.from(`%PDF-1.4\n% decision letter version ${version}\n%%EOF\n`);
      versions.push(pdf);
      const stored = await storage.put(
        (async function* () {
          yield new Uint8Array(pdf);
        })(),
      );
      const document = await db.document.create({
        data: {
          caseId: kase.id,
          kind: "DECISION_LETTER",
          fileName: `decision-letter-${reference}-v${version}.pdf`,
          contentType: "application/pdf",
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          storageKey: stored.key,
        },
      });
      await db.decisionLetter.create({
        data: {
          caseId: kase.id,
          version,
          documentId: document.id,
          sha256: stored.sha256,
          verificationCode: crypto.randomBytes(6).toString("hex"),
          outcome: "OVERTURNED",
          issuedById: coordinator.id,
          amendmentReason: version === 2 ? "Corrected the service date" : null,
        },
      });
    }

    const list = await call(getLetters, `/cases/${reference}/letters`, { reference });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { data: unknown[] }).data).toMatchObject([
      { version: 1, amendmentReason: null, href: `/api/v1/cases/${reference}/letters/1` },
      { version: 2, amendmentReason: "Corrected the service date" },
    ]);

    const latest = await call(getLetter, `/cases/${reference}/letters/latest`, { reference, version: "latest" });
    expect(latest.status).toBe(200);
    expect(latest.headers.get("content-type")).toBe("application/pdf");
    expect(latest.headers.get("x-letter-version")).toBe("2");
    expect(Buffer.from(await latest.arrayBuffer()).equals(versions[1]!)).toBe(true);

    const first = await call(getLetter, `/cases/${reference}/letters/1`, { reference, version: "1" });
    expect(Buffer.from(await first.arrayBuffer()).equals(versions[0]!)).toBe(true);
    expect((await call(getLetter, `/cases/${reference}/letters/3`, { reference, version: "3" })).status).toBe(404);
    expect(await db.auditLog.count({ where: { action: "document.downloaded", actorEmail: `api:${planA.name}/Claims platform` } })).toBeGreaterThanOrEqual(2);
  });
});

describe("the OpenAPI description", () => {
  it("describes the new calls and their bodies from the same schemas", async () => {
    const document = (await (openApi as () => Response)().json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
      components: { schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }> };
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/cases/{reference}/documents",
        "/cases/{reference}/documents/{documentId}",
        "/cases/{reference}/case-file/complete",
        "/cases/{reference}/letters",
        "/cases/{reference}/letters/{version}",
        "/cases/{reference}/compliance",
        "/cases/{reference}/reversal",
      ]),
    );
    expect(document.components.schemas.ComplianceConfirmationInput?.required).toEqual(["implementedOn", "authorizationNumber"]);
    expect(document.components.schemas.CaseFileComplete?.required ?? []).toEqual([]);
    expect(document.components.schemas.CaseFileComplete?.properties).toHaveProperty("denialReason");
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!);
    expect(refs.filter((name) => !(name in document.components.schemas))).toEqual([]);
    expect(document.components.schemas.CaseDocument?.required).toEqual(expect.arrayContaining(["from", "forwardedAt", "href"]));
    expect(document.paths["/cases/{reference}/compliance"]?.post?.requestBody).toMatchObject({
      content: { "application/json": { schema: { $ref: "#/components/schemas/ComplianceConfirmationInput" } } },
    });
  });
});

describe("webhooks", () => {
  let server: http.Server;
  const received: { id: string; timestamp: string; signature: string; body: string }[] = [];

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        received.push({
          id: String(request.headers["webhook-id"]),
          timestamp: String(request.headers["webhook-timestamp"]),
          signature: String(request.headers["webhook-signature"]),
          body: Buffer.concat(chunks).toString("utf8"),
        });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("the case's acceptance reaches the plan's receiver, signed, with the case file request", async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/imr`;
    const { secret } = await createWebhookEndpoint(planA.id, { url, events: ["case.accepted", "case_file.requested"] }, actorFor(planUserA));
    const kase = await createCase({ applicantId: applicant.id, planId: planA.id, status: "ELIGIBILITY_REVIEW" });
    const criteria: EligibilityCriterion[] = ["ENROLLED", "COVERED_BENEFIT", "APPEAL_EXHAUSTED", "FILED_IN_TIME", "COMPLETE"];
    await db.eligibilityAnswer.createMany({ data: criteria.map((criterion) => ({ caseId: kase.id, criterion, met: true, answeredById: coordinator.id })) });

    await acceptCase({
      categories: ACCEPTANCE_CATEGORIES,
      user: sessionUserOf(coordinator),
      actor: actorFor(coordinator),
      caseId: kase.id,
      expectedVersion: 0,
    });
    await waitFor("both deliveries", async () => received.length >= 2 || (await dispatchDueWebhooks({ firstRetryMs: 20 }), received.length >= 2));

    expect(received).toHaveLength(2);
    for (const delivery of received) expect(verifyWebhook(secret, delivery, delivery.body)).toBe(true);
    const events = received.map((delivery) => JSON.parse(delivery.body) as { type: string; data: Record<string, unknown> });
    expect(events.map((event) => event.type).sort()).toEqual(["case.accepted", "case_file.requested"]);
    expect(events.find((event) => event.type === "case.accepted")?.data).toMatchObject({ reference: kase.reference });
    expect(events.find((event) => event.type === "case_file.requested")?.data).toMatchObject({
      reference: kase.reference,
      items: expect.arrayContaining(["criteria"]),
    });
  });

  it("queues a request for information to the plan, the plan's deadline reminder and a withdrawal for the plan's endpoint", async () => {
    const plan = await createPlan();
    await createWebhookEndpoint(plan.id, { url: "https://plan.example/imr", events: [...WEBHOOK_EVENTS] }, actorFor(planUserA));
    const kase = await createCase({ applicantId: applicant.id, planId: plan.id, status: "ACCEPTED" });
    const started = new Date(Date.now() - 60 * HOUR);
    await db.caseDeadline.create({
      data: { caseId: kase.id, kind: "PLAN_CASE_FILE", responsible: "PLAN", startedAt: started, dueAt: new Date(Date.now() + 12 * HOUR), atRiskAt: started },
    });

    await requestInformation({
      user: sessionUserOf(coordinator),
      actor: actorFor(coordinator),
      caseId: kase.id,
      expectedVersion: 0,
      addressedTo: "PLAN",
      question: "Send the appeal file.",
    });
    await sweepDeadlines();
    await withdrawRequest({ user: sessionUserOf(applicant), actor: actorFor(applicant), caseId: kase.id, expectedVersion: 1 });

    const deliveries = await db.webhookDelivery.findMany({
      where: { caseId: kase.id },
      orderBy: { createdAt: "asc" },
      select: { eventType: true, payload: true },
    });
    expect(deliveries.map((delivery) => delivery.eventType)).toEqual(["information.requested", "deadline.reminder", "case.closed"]);
    expect(deliveries[1]?.payload).toMatchObject({ data: { reference: kase.reference, deadline: "PLAN_CASE_FILE" } });
    expect(deliveries[2]?.payload).toMatchObject({ data: { reference: kase.reference, status: "WITHDRAWN" } });
    expect(JSON.stringify(deliveries[0]?.payload)).not.toContain("appeal file");
  });
});
