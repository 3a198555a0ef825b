/**
 * Every route of app/routes.ts that takes a case (`:caseId` or `:reference`
 * in its path) leaves an audit row: opened by someone allowed, a
 * `case.viewed` row (a file, its `document.downloaded` row) for that case
 * and that person; asked by someone who may not, 404 and an `access.denied`
 * row that names nothing of the case. The routes are read from APP_ROUTES,
 * so a new one fails here until this file says who may open it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "~/server/api/api-keys.server";
import { db, type Prisma } from "~/server/db.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { APP_ROUTES, type AppRoute } from "#tests/support/app-routes";
import { SMALL_PDF, createCaseInReview, createInformationRequest, createPlanActionCase } from "#tests/support/case-factories";
import { actorFor, createAssignment, createCase, createPlan, createUser } from "#tests/support/factories";
import { loader as documentLoader } from "~/routes/documents/document";
import { call, callApi, request, withSession, type RouteFunction } from "#tests/support/routes";
import { useTestConfig } from "#tests/support/test-database";

type RouteModule = { loader?: RouteFunction; action?: RouteFunction };
const MODULES = import.meta.glob<RouteModule>("/app/routes/**/*.{ts,tsx}");

const CASE_ROUTES = APP_ROUTES.filter((route) => /:(caseId|reference)\b/.test(route.path));

/** Routes that take a case but only change it (no loader): the change's own tests cover their audit rows. */
const ACTION_ONLY = ["api/v1/cases/:reference/case-file/complete", "api/v1/cases/:reference/compliance", "api/v1/cases/:reference/reversal"];

interface Opener {
  /** A person signed in, or a plan's API key. */
  who: { cookie: string; email: string } | { key: string; email: string };
}

interface Visit {
  caseId: string;
  params: Record<string, string>;
  allowed: Opener;
  refused: Opener;
  /** The row an allowed opening leaves: a page's view, a document opened in the viewer, or a file's download. */
  row: "case.viewed" | "document.viewed" | "document.text_read" | "document.downloaded";
}

let visits: Record<string, Visit>;
let caseDocument: { id: string; stranger: { cookie: string; email: string } };

beforeAll(async () => {
  useTestConfig({ API_RATE_LIMIT_PER_MINUTE: "1000" });
  await ensureReferenceData();
  const plan = await createPlan();
  const otherPlan = await createPlan();
  const [applicant, stranger, coordinator, reviewer, otherReviewer, planUser, otherPlanUser, admin] = await Promise.all([
    createUser({ roles: ["APPLICANT"] }).then(withSession),
    createUser({ roles: ["APPLICANT"] }).then(withSession),
    createUser({ roles: ["COORDINATOR"] }).then(withSession),
    createUser({ roles: ["REVIEWER"] }).then(withSession),
    createUser({ roles: ["REVIEWER"] }).then(withSession),
    createUser({ roles: ["PLAN"], planId: plan.id }).then(withSession),
    createUser({ roles: ["PLAN"], planId: otherPlan.id }).then(withSession),
    createUser({ roles: ["ADMIN"] }),
  ]);
  const apiKey = { key: (await createApiKey(plan.id, "Claims", actorFor(admin))).key, email: `api:${plan.name}/Claims` };
  const otherKey = { key: (await createApiKey(otherPlan.id, "Claims", actorFor(admin))).key, email: `api:${otherPlan.name}/Claims` };

  const parties = { applicantId: applicant.id, planId: plan.id, coordinatorId: coordinator.id };
  const letter = { fileName: "letter.pdf", contentType: "application/pdf", kind: "PHYSICIAN_LETTER" as const, bytes: SMALL_PDF };
  const inReview = await createCaseInReview({ ...parties, reviewerIds: [reviewer.id], files: [letter] });
  const information = await createInformationRequest({ caseId: inReview.id });
  const decided = await createPlanActionCase({ ...parties, stage: "overturned", dueAt: new Date(Date.now() + 30 * 86_400_000) });
  await createAssignment({ caseId: decided.id, reviewerId: reviewer.id, status: "COMPLETED", attested: true });
  const draft = await createCase({ applicantId: applicant.id, planId: plan.id, status: "DRAFT" });

  caseDocument = { id: inReview.documents[0]!.id, stranger };
  // The applicant's new information, as forwarded to the plan: the plan's API may open it.
  const forwarded = await db.document.update({ where: { id: inReview.documents[0]!.id }, data: { forwardedAt: new Date() } });

  const page = (caseId: string, allowed: Opener["who"], refused: Opener["who"], params: Record<string, string> = {}): Visit => ({
    caseId,
    params: { caseId, ...params },
    allowed: { who: allowed },
    refused: { who: refused },
    row: "case.viewed",
  });
  const api = (reference: string, caseId: string, params: Record<string, string> = {}, row: Visit["row"] = "case.viewed"): Visit => ({
    caseId,
    params: { reference, ...params },
    allowed: { who: apiKey },
    refused: { who: otherKey },
    row,
  });
  visits = {
    "requests/:caseId/edit/:step": page(draft.id, applicant, stranger, { step: "patient" }),
    "requests/:caseId/review": page(draft.id, applicant, stranger),
    "requests/:caseId": page(inReview.id, applicant, stranger),
    "requests/:caseId/information/:requestId": page(inReview.id, applicant, stranger, { requestId: information.id }),
    "requests/:caseId/withdraw": page(inReview.id, applicant, stranger),
    // Coordinators see every case: whoever is refused is refused at the area's door.
    "iro/cases/:caseId": page(inReview.id, coordinator, planUser),
    "iro/cases/:caseId/assign": page(inReview.id, coordinator, reviewer),
    "iro/cases/:caseId/quality": page(decided.id, coordinator, applicant),
    "iro/cases/:caseId/decision": page(decided.id, coordinator, applicant),
    "iro/cases/:caseId/publication": page(decided.id, coordinator, applicant),
    "review/cases/:caseId": page(inReview.id, reviewer, otherReviewer),
    "review/cases/:caseId/documents/:documentId": {
      ...page(inReview.id, reviewer, otherReviewer, { documentId: inReview.documents[0]!.id }),
      row: "document.viewed",
    },
    "iro/cases/:caseId/documents/:documentId": {
      ...page(inReview.id, coordinator, reviewer, { documentId: inReview.documents[0]!.id }),
      row: "document.viewed",
    },
    // The viewer's next block of page text, as pages are turned.
    "review/cases/:caseId/documents/:documentId/text": {
      ...page(inReview.id, reviewer, otherReviewer, { documentId: inReview.documents[0]!.id }),
      row: "document.text_read",
    },
    "iro/cases/:caseId/documents/:documentId/text": {
      ...page(inReview.id, coordinator, reviewer, { documentId: inReview.documents[0]!.id }),
      row: "document.text_read",
    },
    "plan/cases/:caseId": page(inReview.id, planUser, otherPlanUser),
    "cases/:reference": { ...page(inReview.id, applicant, stranger), params: { reference: inReview.reference } },
    "api/v1/cases/:reference": api(inReview.reference, inReview.id),
    "api/v1/cases/:reference/documents": api(inReview.reference, inReview.id),
    "api/v1/cases/:reference/documents/:documentId": api(inReview.reference, inReview.id, { documentId: forwarded.id }, "document.downloaded"),
    "api/v1/cases/:reference/letters": api(decided.reference, decided.id),
    "api/v1/cases/:reference/letters/:version": api(decided.reference, decided.id, { version: "latest" }, "document.downloaded"),
  };
});

/** The address with its parameters filled in. */
function pathOf(route: AppRoute, params: Record<string, string>): string {
  return `/${route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name]!))}`;
}

async function open(
  route: AppRoute,
  loader: RouteFunction,
  params: Record<string, string>,
  opener: Opener,
): Promise<{ status: number; location: string | null }> {
  const path = pathOf(route, params);
  if ("key" in opener.who) {
    const response = await callApi(loader, path.replace(/^\/api\/v1/, ""), { key: opener.who.key, params });
    return { status: response.status, location: null };
  }
  const answer = await call(loader, request(path, opener.who), params);
  return { status: answer.status, location: answer.location };
}

function rowsOf(visit: Visit, email: string): Prisma.AuditLogWhereInput {
  return visit.row === "case.viewed"
    ? { action: visit.row, actorEmail: email, objectType: "Case", objectId: visit.caseId }
    : { action: visit.row, actorEmail: email, detail: { path: ["caseId"], equals: visit.caseId } };
}

describe("every route that takes a case", () => {
  it("finds the routes", () => {
    expect(CASE_ROUTES.length).toBeGreaterThan(10);
  });

  it.each(CASE_ROUTES.map((route) => [route.path, route] as const))("%s leaves a row for each opening and each refusal", async (_path, route) => {
    const module = await MODULES[`/app/${route.file}`]!();
    if (!module.loader) {
      // Nothing to read here: the route only changes the case.
      expect(ACTION_ONLY, `${route.path} has no loader: list it in ACTION_ONLY`).toContain(route.path);
      return;
    }
    const visit = visits[route.path];
    expect(visit, `${route.path} takes a case: say here who may open it`).toBeDefined();
    const { allowed, refused } = visit!;

    const before = await db.auditLog.count({ where: rowsOf(visit!, allowed.who.email) });
    const opened = await open(route, module.loader, visit!.params, allowed);
    if (opened.location) {
      // The case link only sends the person on to their page for the case, which is walked here too.
      expect(opened.status).toBe(302);
      expect(CASE_ROUTES.some((target) => target !== route && new RegExp(`^/${target.path.replace(/:\w+/g, "[^/]+")}$`).test(opened.location!))).toBe(true);
    } else {
      expect(opened.status).toBe(200);
      expect(await db.auditLog.count({ where: rowsOf(visit!, allowed.who.email) })).toBe(before + 1);
    }

    const asked = visit!.params.reference ?? visit!.caseId;
    const denied = { action: "access.denied", actorEmail: refused.who.email, detail: { path: ["asked"], equals: asked } } satisfies Prisma.AuditLogWhereInput;
    const deniedBefore = await db.auditLog.count({ where: denied });
    expect((await open(route, module.loader, visit!.params, refused)).status).toBe(404);
    const rows = await db.auditLog.findMany({ where: denied, orderBy: { at: "asc" } });
    expect(rows).toHaveLength(deniedBefore + 1);
    // Nothing of the case: no id of a row, none of its contents.
    expect(rows.at(-1)).toMatchObject({ objectType: "Case", objectId: null });
    expect(JSON.stringify(rows.at(-1)!.detail)).not.toMatch(/Lopez|Example|EHP-|MEM-|Cardiac/);
  });
});

describe("a case's document", () => {
  it("asked for by someone who may not read the case is 404 and an access.denied row", async () => {
    const denied = { action: "access.denied", actorEmail: caseDocument.stranger.email, objectType: "Document" } satisfies Prisma.AuditLogWhereInput;
    const answer = await call(documentLoader as RouteFunction, request(`/documents/${caseDocument.id}`, caseDocument.stranger), {
      documentId: caseDocument.id,
    });
    expect(answer.status).toBe(404);
    expect(await db.auditLog.findMany({ where: denied })).toEqual([
      expect.objectContaining({ objectId: null, detail: { asked: caseDocument.id, reason: "not found or not yours" } }),
    ]);
  });
});
