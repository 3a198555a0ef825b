/**
 * Malformed input never answers 500. Every form action and every API
 * endpoint of app/routes.ts is sent bad input, generated (fast-check, seeded)
 * from the field names of the app's own zod schemas and a list of hostile
 * values: wrong content types, broken multipart, NUL bytes, huge strings,
 * impossible dates, ids that are not ids, unknown intents. Each answer is a
 * 4xx with a message (the form's, or problem+json from the API) that changed
 * nothing in the database, or an answer the route gave to input it accepts.
 * The routes run as React Router runs them (`call`, `callApi`), so a new
 * action is covered as soon as it is in app/routes.ts.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createApiKey } from "~/server/api/api-keys.server";
import { db } from "~/server/db.server";
import { forgetOrganizationCalendar } from "~/server/deadlines/calendar.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { APP_ROUTES, type AppRoute } from "#tests/support/app-routes";
import { createCaseInReview, createFiledCase, createInformationRequest, createPlanActionCase } from "#tests/support/case-factories";
import { actorFor, createAssignment, createCase, createPlan, createReviewer, createUser } from "#tests/support/factories";
import * as editStep from "~/routes/requests/edit-step";
import * as reviewCase from "~/routes/review/case";
import * as login from "~/routes/auth/login";
import * as iroCase from "~/routes/iro/case";
import { loader as deadlinePreview } from "~/routes/api.v1/rules.deadlines";
import { action as postCompliance } from "~/routes/api.v1/case.compliance";
import { call, callApi, request as pageRequest, withSession, type RouteFunction } from "#tests/support/routes";
import { useTestConfig } from "#tests/support/test-database";

type RouteModule = { loader?: RouteFunction; action?: RouteFunction };
const MODULES = import.meta.glob<RouteModule>("/app/routes/**/*.{ts,tsx}");
const SCHEMAS = import.meta.glob<Record<string, unknown>>("/app/schemas/*.ts", { eager: true });

const SEED = 16;
/** Runs per route and form (half as many per page address): a few seconds in all; `MALFORMED_RUNS=200` searches longer by hand. */
const RUNS_PER_ROUTE = Number(process.env.MALFORMED_RUNS ?? 12);
// Generous: the suite runs it beside the build and the other test runs, which can slow it threefold.
const FUZZ_TIMEOUT_MS = 60_000 + RUNS_PER_ROUTE * 4_000;

/** Values no field should take as they are, or should refuse with a message. */
const HOSTILE_TEXT = [
  "\u0000",
  "Ann\u0000Lee",
  "x".repeat(70_000),
  "",
  " ",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "99999999999999999999999",
  "0000-00-00",
  "2026-02-30",
  "2026-13-01",
  "-000001-01-01",
  "+275760-09-13",
  "9999-12-31T23:59:59Z",
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  '\'; DROP TABLE "Case"; --',
  "true",
  "on",
  "[]",
  "{}",
  "__proto__",
  "\uFFFF",
  "%00",
];
/** An empty parameter is another address, served by another route. */
const HOSTILE_PARAMETERS = HOSTILE_TEXT.filter((value) => value !== "");
const HOSTILE_INTENTS = ["", "continue ", "CONTINUE", "delete", "__proto__", "constructor", "toString", "\u0000"];

/** The field names of every form and API body: the keys of the app's zod schemas. */
function schemaFieldNames(): string[] {
  const names = new Set<string>(["intent", "id", "version", "from", "documentsConsidered", "caseId", "reviewerId", "file", "kind", "letter", "code"]);
  for (const exports of Object.values(SCHEMAS)) {
    for (const value of Object.values(exports)) {
      if (value instanceof z.ZodObject) for (const key of Object.keys(value.shape as object)) names.add(key);
    }
  }
  return [...names].sort();
}

/** The intents a source sends: its buttons' `value`s, the keys of its `submitIntent`, its schemas' literals. */
function intentsIn(source: string): string[] {
  const intents = new Set<string>();
  for (const match of source.matchAll(/name="intent"\s+value="([^"]+)"/g)) intents.add(match[1]!);
  for (const match of source.matchAll(/["']?([a-z][a-z-]*)["']?:\s*formSubmission\(/g)) intents.add(match[1]!);
  for (const match of source.matchAll(/intent:\s*z\.literal\("([^"]+)"\)/g)) intents.add(match[1]!);
  return [...intents].sort();
}

const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
const SOURCES = new Map(
  walk(path.resolve("app"))
    .filter((name) => /\.(ts|tsx)$/.test(name))
    .map((file) => [file, fs.readFileSync(file, "utf8")]),
);

/** A route module's source and the sources it imports from app/ (its components and schemas), one level deep. */
function routeSource(file: string): string {
  const own = SOURCES.get(path.resolve("app", file)) ?? "";
  const imported = [...own.matchAll(/from "~\/([^"]+)"/g)].map(
    ([, module]) => ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].map((end) => SOURCES.get(path.resolve("app", `${module}${end}`))).find(Boolean) ?? "",
  );
  return [own, ...imported].join("\n");
}

const FIELDS = schemaFieldNames();
const INTENTS = intentsIn([...SOURCES.values()].join("\n"));

/**
 * A form or body: fields with hostile values, and an intent the pages know or
 * do not. Mostly the fields and intents the route's own source names (itself,
 * its components and schemas), some from anywhere.
 */
function hostileFields(file: string) {
  const source = routeSource(file);
  const own = FIELDS.filter((name) => new RegExp(`\\b${name.replace(/[^\w]/g, "\\$&")}\\b`).test(source));
  const ownIntents = intentsIn(source);
  const mine = own.length > 0 ? own : FIELDS;
  return fc
    .tuple(
      fc.subarray(mine, { minLength: 1, maxLength: Math.min(12, mine.length) }),
      fc.subarray(FIELDS, { maxLength: 4 }),
      fc.array(fc.constantFrom(...HOSTILE_TEXT), { minLength: 16, maxLength: 16 }),
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...(ownIntents.length > 0 ? ownIntents : INTENTS)) },
        { weight: 1, arbitrary: fc.constantFrom(...INTENTS, ...HOSTILE_INTENTS) },
      ),
    )
    .map(([mine, others, values, intent]) => {
      const names = [...new Set([...mine, ...others])].filter((name) => name !== "intent");
      return [["intent", intent], ...names.map((name, i) => [name, values[i]!])] as [string, string][];
    });
}

type Encoding = "urlencoded" | "multipart" | "json" | "text" | "none" | "broken-multipart" | "multipart-without-boundary";
const ENCODINGS: Encoding[] = ["urlencoded", "multipart", "json", "text", "none", "broken-multipart", "multipart-without-boundary"];

function encoded(fields: [string, string][], encoding: Encoding): { body: BodyInit; contentType: string | null } {
  const form = new URLSearchParams(fields);
  switch (encoding) {
    case "urlencoded":
      return { body: form.toString(), contentType: "application/x-www-form-urlencoded" };
    case "multipart": {
      const data = new FormData();
      for (const [name, value] of fields) data.append(name, value);
      return { body: data, contentType: null };
    }
    case "json":
      return { body: JSON.stringify(Object.fromEntries(fields)), contentType: "application/json" };
    case "text":
      return { body: fields.map(([name, value]) => `${name}=${value}`).join("\r\n"), contentType: "text/plain" };
    case "none":
      return { body: form.toString(), contentType: null };
    case "broken-multipart":
      return { body: `--imr\r\nContent-Disposition: form-data; name="intent"\r\n\r\n${fields[0]![1]}`, contentType: "multipart/form-data; boundary=imr" };
    case "multipart-without-boundary":
      return { body: form.toString(), contentType: "multipart/form-data" };
  }
}

/** A page's POST: the person's session and address as `request` gives them, with a body as `encoding` sends it. */
function formPost(pathname: string, who: { cookie: string } | null, fields: [string, string][], encoding: Encoding): Request {
  const base = pageRequest(pathname, who);
  const { body, contentType } = encoded(fields, encoding);
  const headers = new Headers(base.headers);
  const sent = new Request(base.url, { method: "POST", headers, body });
  if (encoding === "none") {
    // A Request with a string body is text/plain unless told otherwise; "none" means no Content-Type at all.
    const bytes = new TextEncoder().encode(String(body));
    return new Request(base.url, { method: "POST", headers, body: new Blob([bytes]) });
  }
  if (contentType) headers.set("Content-Type", contentType);
  return contentType ? new Request(base.url, { method: "POST", headers, body: String(body) }) : sent;
}

/**
 * Rows and their latest change in every table, to see that a refusal changed
 * nothing: nothing but the audit log's record of the refused attempt
 * (`access.denied`, or a failed security step such as a passkey that could
 * not be checked: docs/rules/records-audit-reports.md). The rate limiter's
 * buckets count requests, refused ones too, and are not the portal's records.
 */
let fingerprintQuery = "";
async function fingerprint(): Promise<string> {
  if (!fingerprintQuery) {
    const tables = await db.$queryRaw<{ table_name: string; has_updated: boolean }[]>`
      SELECT t.table_name::text AS table_name, bool_or(c.column_name = 'updatedAt') AS has_updated
      FROM information_schema.tables t JOIN information_schema.columns c USING (table_schema, table_name)
      WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND t.table_name NOT IN ('RateLimitBucket', '_prisma_migrations')
      GROUP BY t.table_name ORDER BY t.table_name`;
    fingerprintQuery = tables
      .map(
        ({ table_name: table, has_updated: updated }) =>
          `SELECT '${table}' AS t, count(*)::text || ' ' || ${updated ? `coalesce(max("updatedAt")::text, '')` : "''"} AS f FROM "${table}"` +
          (table === "AuditLog" ? ` WHERE "action" <> 'access.denied' AND "action" NOT LIKE '%failed'` : ""),
      )
      .join(" UNION ALL ");
  }
  const rows = await db.$queryRawUnsafe<{ t: string; f: string }[]>(fingerprintQuery);
  return rows.map((row) => `${row.t}:${row.f}`).join("\n");
}

/** The tables whose rows changed between two fingerprints. */
function changedTables(before: string, after: string): string {
  const earlier = new Set(before.split("\n"));
  return after
    .split("\n")
    .filter((line) => !earlier.has(line))
    .map((line) => line.split(":")[0])
    .join(", ");
}

type Person = { id: string; cookie: string };
const people = {} as Record<"applicant" | "coordinator" | "reviewer" | "plan" | "admin", Person>;
/** The real values of each route's parameters: the records the person may reach. */
const params: Record<string, Record<string, string[]>> = {};
let apiKey = "";

beforeAll(async () => {
  useTestConfig({ API_RATE_LIMIT_PER_MINUTE: "100000" });
  await ensureReferenceData();
  forgetOrganizationCalendar();
  const plan = await createPlan();
  const signedIn = async (role: "APPLICANT" | "COORDINATOR" | "PLAN" | "ADMIN") =>
    withSession(await createUser({ roles: [role], planId: role === "PLAN" ? plan.id : null }));
  people.applicant = await signedIn("APPLICANT");
  people.coordinator = await signedIn("COORDINATOR");
  people.plan = await signedIn("PLAN");
  people.admin = await signedIn("ADMIN");
  const reviewer = await createReviewer();
  people.reviewer = await withSession(reviewer);
  const parties = { applicantId: people.applicant.id, planId: plan.id, coordinatorId: people.coordinator.id };
  const draft = await createCase({ applicantId: people.applicant.id, planId: plan.id, status: "DRAFT" });
  const filed = await createFiledCase(parties);
  const information = await createInformationRequest({ caseId: filed.id, requestedById: people.coordinator.id });
  const inReview = await createCaseInReview({ ...parties, reviewerIds: [reviewer.id] });
  const offered = await createCaseInReview({ ...parties, reviewerIds: [] });
  const offer = await createAssignment({ caseId: offered.id, reviewerId: reviewer.id });
  const planCase = await createPlanActionCase({
    ...parties,
    coordinatorId: people.coordinator.id,
    stage: "overturned",
    dueAt: new Date(Date.now() + 86_400_000),
  });
  const letter = await db.decisionLetter.findFirstOrThrow({ where: { caseId: planCase.id }, select: { documentId: true } });
  // A decision in the public library: another decided case's publication, published.
  const decided = await createPlanActionCase({ ...parties, stage: "overturned", dueAt: new Date(Date.now() + 86_400_000) });
  const published = await db.publication.update({
    where: { caseId: decided.id },
    data: { status: "PUBLISHED", diagnosisDetail: "CATEGORY", shownDiagnosisSubcategory: null, publishedAt: new Date() },
  });
  apiKey = (await createApiKey(plan.id, "Malformed input", actorFor(people.admin as never))).key;
  // An account of its own for the account page's forms, so a deactivation among them signs out none of the people above.
  const account = await createUser({ roles: ["COORDINATOR"] });
  const steps = ["filer", "patient", "plan", "denial", "appeal", "urgency", "statement", "documents"];
  Object.assign(params, {
    "requests/:caseId/edit/:step": { caseId: [draft.id], step: steps },
    "requests/:caseId/review": { caseId: [draft.id] },
    "requests/:caseId": { caseId: [filed.id] },
    "requests/:caseId/information/:requestId": { caseId: [filed.id], requestId: [information.id] },
    "requests/:caseId/withdraw": { caseId: [filed.id] },
    "iro/cases/:caseId": { caseId: [inReview.id] },
    "iro/cases/:caseId/assign": { caseId: [offered.id] },
    "iro/cases/:caseId/quality": { caseId: [inReview.id] },
    "iro/cases/:caseId/decision": { caseId: [inReview.id] },
    "iro/cases/:caseId/publication": { caseId: [planCase.id] },
    "iro/cases/:caseId/documents/:documentId": { caseId: [inReview.id], documentId: [inReview.documents[0]!.id] },
    "iro/cases/:caseId/documents/:documentId/text": { caseId: [inReview.id], documentId: [inReview.documents[0]!.id] },
    "iro/roster/:reviewerId": { reviewerId: [reviewer.id] },
    "review/cases/:caseId": { caseId: [inReview.id] },
    "review/cases/:caseId/documents/:documentId": { caseId: [inReview.id], documentId: [inReview.documents[0]!.id] },
    "review/cases/:caseId/documents/:documentId/text": { caseId: [inReview.id], documentId: [inReview.documents[0]!.id] },
    "review/offers/:assignmentId": { assignmentId: [offer.id] },
    "plan/cases/:caseId": { caseId: [planCase.id] },
    "admin/users/:userId": { userId: [account.id] },
    "admin/plans/:planId/integrations": { planId: [plan.id] },
    "admin/rules/:code/new": { code: ["naic", "federal"] },
    "cases/:reference": { reference: [filed.reference] },
    "decisions/:number": { number: [String(published.number)] },
    "documents/:documentId": { documentId: [letter.documentId] },
    "api/v1/cases/:reference": { reference: [planCase.reference] },
    "api/v1/cases/:reference/documents": { reference: [planCase.reference] },
    "api/v1/cases/:reference/documents/:documentId": { reference: [planCase.reference], documentId: [letter.documentId] },
    "api/v1/cases/:reference/case-file/complete": { reference: [planCase.reference] },
    "api/v1/cases/:reference/letters": { reference: [planCase.reference] },
    "api/v1/cases/:reference/letters/:version": { reference: [planCase.reference], version: ["1"] },
    "api/v1/cases/:reference/compliance": { reference: [planCase.reference] },
    "api/v1/cases/:reference/reversal": { reference: [planCase.reference] },
    "api/v1/*": { "*": ["nothing/here"] },
    "*": { "*": ["nothing/here"] },
  });
});

/** Who uses a page: the person of its role's area; the sign-in pages are for someone not signed in. */
function personFor(route: AppRoute): Person | null {
  const area = route.path.split("/")[0]!;
  const byArea: Record<string, Person> = {
    requests: people.applicant,
    account: people.applicant,
    iro: people.coordinator,
    review: people.reviewer,
    plan: people.plan,
    admin: people.admin,
    documents: people.applicant,
    cases: people.applicant,
  };
  return byArea[area] ?? null;
}

const parameterNames = (route: AppRoute) => [...route.path.matchAll(/:(\w+)|\*/g)].map((match) => match[1] ?? "*");

/** The route's parameters: its records, or now and then a value that names nothing. */
function parametersOf(route: AppRoute) {
  const names = parameterNames(route);
  if (names.length === 0) return fc.constant({} as Record<string, string>);
  const known = params[route.path];
  return fc.record(
    Object.fromEntries(
      names.map((name) => [
        name,
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(known?.[name] ?? ["x"])) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_PARAMETERS) }),
      ]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
}

function pathOf(route: AppRoute, values: Record<string, string>): string {
  return `/${route.path}`.replace(/:(\w+)|\*/g, (_, name: string | undefined) => encodeURIComponent(values[name ?? "*"] ?? "")).replace(/\/$/, "") || "/";
}

/** An error's message and where in the app it was thrown. */
function firstLines(error: unknown): string {
  const stack = String((error as Error).stack ?? error).split("\n");
  return [stack[0], stack.find((line) => line.includes("/app/"))].join(" ");
}

interface Answer {
  status: number;
  /** The message a person or a program is given. */
  message: string;
  contentType: string | null;
}

async function pageAnswer(fn: RouteFunction, req: Request, routeParams: Record<string, string>): Promise<Answer> {
  const answer = await call(fn, req, routeParams);
  if (answer.response) return { status: answer.status, message: await answer.response.text(), contentType: answer.response.headers.get("Content-Type") };
  const data = answer.data as { fieldErrors?: Record<string, string>; formError?: string } | null;
  const message = [data?.formError, ...Object.values(data?.fieldErrors ?? {})].filter(Boolean).join(" ");
  return { status: answer.status, message, contentType: null };
}

const withActions = () => APP_ROUTES.filter((route) => !route.path.startsWith("api/"));
const apiRoutes = () => APP_ROUTES.filter((route) => route.path.startsWith("api/"));

describe("malformed input to the pages' forms", () => {
  it("knows the parameters of every route that has some", () => {
    const missing = APP_ROUTES.filter((route) => parameterNames(route).length > 0 && !params[route.path]).map((route) => route.path);
    expect(missing).toEqual([]);
  });

  it(
    "answers every form action's bad input with a 4xx and a message, changing nothing",
    async () => {
      const failures: string[] = [];
      for (const route of withActions()) {
        const module = await MODULES[`/app/${route.file}`]!();
        if (!module.action) continue;
        const action = module.action;
        await fc.assert(
          fc.asyncProperty(parametersOf(route), hostileFields(route.file), fc.constantFrom(...ENCODINGS), async (values, fields, encoding) => {
            // A session of its own each time: a sign-out among the forms must not sign out the next one.
            const who = personFor(route);
            const session = who && (await withSession(who));
            const before = await fingerprint();
            const pathname = pathOf(route, values);
            let answer: Answer;
            try {
              answer = await pageAnswer(action, formPost(pathname, session, fields, encoding), values);
            } catch (error) {
              answer = { status: 500, message: firstLines(error), contentType: null };
            }
            const changed = answer.status >= 400 ? changedTables(before, await fingerprint()) : "";
            if (answer.status >= 500 || (answer.status >= 400 && !answer.message) || changed) {
              failures.push(
                `${pathname} (${encoding}) ${JSON.stringify(fields).slice(0, 160)} → ${answer.status}${changed ? ` and changed ${changed}` : ""}: ${answer.message.slice(0, 300)}`,
              );
            }
          }),
          { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        );
      }
      expect(failures).toEqual([]);
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe("malformed addresses of the pages", () => {
  it(
    "answers every page's bad parameters and query with a page or a 4xx with a message, never a 500",
    async () => {
      const failures: string[] = [];
      for (const route of withActions()) {
        const module = await MODULES[`/app/${route.file}`]!();
        if (!module.loader) continue;
        const loader = module.loader;
        await fc.assert(
          fc.asyncProperty(parametersOf(route), hostileFields(route.file), async (values, fields) => {
            const who = personFor(route);
            const session = who && (await withSession(who));
            // A NUL byte in an address never reaches a loader: the server refuses %00 (malformed-requests.test.ts).
            if ([...Object.values(values), ...fields.flat()].some((value) => value.includes("\u0000"))) return;
            const address = `${pathOf(route, values)}?${new URLSearchParams(fields).toString()}`;
            let answer: Answer;
            try {
              answer = await pageAnswer(loader, pageRequest(address, session), values);
            } catch (error) {
              answer = { status: 500, message: firstLines(error), contentType: null };
            }
            if (answer.status >= 500 || (answer.status >= 400 && !answer.message)) {
              failures.push(`${address.slice(0, 240)} → ${answer.status}: ${answer.message.slice(0, 300)}`);
            }
          }),
          { seed: SEED, numRuns: Math.ceil(RUNS_PER_ROUTE / 2), endOnFailure: true },
        );
      }
      expect(failures).toEqual([]);
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe("malformed input to the API", () => {
  it(
    "answers every endpoint's bad input with a 4xx problem+json, changing nothing",
    async () => {
      const failures: string[] = [];
      for (const route of apiRoutes()) {
        const module = await MODULES[`/app/${route.file}`]!();
        for (const [kind, handler] of [
          ["loader", module.loader],
          ["action", module.action],
        ] as const) {
          if (!handler) continue;
          await fc.assert(
            fc.asyncProperty(
              parametersOf(route),
              hostileFields(route.file),
              fc.constantFrom<"json" | "text" | "broken-json" | "none">("json", "text", "broken-json", "none"),
              async (values, fields, encoding) => {
                // A NUL byte in an address never reaches a route: the server refuses %00 (malformed-requests.test.ts).
                const inAddress = [...Object.values(values), ...(kind === "loader" ? fields.flat() : [])];
                if (inAddress.some((value) => value.includes("\u0000"))) return;
                const before = await fingerprint();
                const query = new URLSearchParams(fields).toString();
                const path = `${pathOf(route, values).slice("/api/v1".length)}${kind === "loader" ? `?${query}` : ""}`;
                const body =
                  kind === "loader"
                    ? {}
                    : encoding === "json"
                      ? { json: Object.fromEntries(fields) }
                      : {
                          body: new TextEncoder().encode(encoding === "broken-json" ? `{"${fields[0]![0]}": ` : query),
                          headers: encoding === "text" ? { "Content-Type": "text/plain" } : ({} as Record<string, string>),
                        };
                let response: Response;
                try {
                  response = await callApi(handler, path, { key: apiKey, params: values, method: kind === "loader" ? "GET" : "POST", ...body });
                } catch (error) {
                  failures.push(`${kind} ${route.path} threw: ${String(error)}`);
                  return;
                }
                const changed = response.status >= 400 ? changedTables(before, await fingerprint()) : "";
                const problem = response.headers.get("Content-Type") === "application/problem+json";
                if (response.status >= 500 || (response.status >= 400 && !problem) || changed) {
                  failures.push(
                    `${kind} ${route.path} (${encoding}) ${path.slice(0, 200)} → ${response.status}${changed ? ` and changed ${changed}` : ""}: ${(await response.text()).slice(0, 300)}`,
                  );
                }
              },
            ),
            { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
          );
        }
      }
      expect(failures).toEqual([]);
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe("what the sweep of 3,423 requests found", () => {
  /** The first record of a route's parameter. */
  const first = (route: string, name: string): string => params[route]![name]![0]!;
  let draftId = "";
  const draftStep = (step: string) => ({ caseId: draftId, step });

  // The forms above may have signed everyone out and changed the draft.
  beforeAll(async () => {
    for (const role of Object.keys(people) as (keyof typeof people)[]) people[role] = await withSession(people[role]);
    draftId = (await createCase({ applicantId: people.applicant.id, planId: first("admin/plans/:planId/integrations", "planId"), status: "DRAFT" })).id;
  });
  const postStep = (step: string, form: [string, string][], encoding: Encoding = "urlencoded") =>
    pageAnswer(
      editStep.action as RouteFunction,
      formPost(`/requests/${draftStep(step).caseId}/edit/${step}`, people.applicant, form, encoding),
      draftStep(step),
    );

  it("answers a form sent as JSON, plain text, with no Content-Type or as broken multipart with 400 and a message", async () => {
    const before = await fingerprint();
    for (const encoding of ["json", "text", "none", "broken-multipart", "multipart-without-boundary"] as const) {
      const signIn = await pageAnswer(
        login.action as RouteFunction,
        formPost(
          "/login",
          null,
          [
            ["email", "a@b.test"],
            ["password", "x"],
          ],
          encoding,
        ),
        {},
      );
      expect([encoding, signIn.status, signIn.message]).toEqual([encoding, 400, "This form could not be read. Reload the page and send it again."]);
      const step = await postStep("denial", [["intent", "later"]], encoding);
      expect([encoding, step.status]).toEqual([encoding, 400]);
      const caseId = first("iro/cases/:caseId", "caseId");
      const staff = await pageAnswer(iroCase.action as RouteFunction, formPost(`/iro/cases/${caseId}`, people.coordinator, [["intent", "accept"]], encoding), {
        caseId,
      });
      expect([encoding, staff.status]).toEqual([encoding, 400]);
    }
    expect(await fingerprint()).toBe(before);
  });

  it("refuses impossible dates on every button of a step, by the field, changing nothing", async () => {
    const before = await fingerprint();
    for (const intent of ["continue", "back", "later"]) {
      for (const date of ["-1", "2026-02-30", "0000-00-00", "+275760-09-13", "99999-01-01"]) {
        const { caseId } = draftStep("denial");
        const form: [string, string][] = [
          ["intent", intent],
          ["denialDate", date],
        ];
        const answer = await call(
          editStep.action as RouteFunction,
          formPost(`/requests/${caseId}/edit/denial`, people.applicant, form, "urlencoded"),
          draftStep("denial"),
        );
        expect([intent, date, answer.status, answer.data.fieldErrors.denialDate]).toEqual([intent, date, 400, expect.stringMatching(/real date|at most 10/)]);
      }
    }
    expect(await fingerprint()).toBe(before);
  });

  it("refuses a button no step has instead of taking it for Save and continue", async () => {
    const before = await fingerprint();
    const answer = await postStep("denial", [
      ["intent", "delete"],
      ["denialReason", "Too expensive"],
    ]);
    expect([answer.status, answer.message]).toEqual([400, "Use one of the step's buttons: Save and continue, Back, or Save and finish later."]);
    expect(await fingerprint()).toBe(before);
  });

  it("puts a message by a text field holding a NUL byte, which PostgreSQL cannot store", async () => {
    const before = await fingerprint();
    const step = await call(
      editStep.action as RouteFunction,
      formPost(
        `/requests/${draftStep("denial").caseId}/edit/denial`,
        people.applicant,
        [
          ["intent", "later"],
          ["denialReason", "Not\u0000needed"],
        ],
        "urlencoded",
      ),
      draftStep("denial"),
    );
    expect([step.status, step.data.fieldErrors]).toEqual([400, { denialReason: "Remove the invisible NUL character from this answer." }]);
    expect(step.data.values.denialReason).toBe("Notneeded");
    const caseId = first("review/cases/:caseId", "caseId");
    const note = await call(
      reviewCase.action as RouteFunction,
      formPost(
        `/review/cases/${caseId}`,
        people.reviewer,
        [
          ["intent", "add-note"],
          ["text", "a\u0000b"],
        ],
        "multipart",
      ),
      { caseId },
    );
    expect([note.status, note.data.fieldErrors]).toEqual([400, { text: "Remove the invisible NUL character from this answer." }]);
    expect(await fingerprint()).toBe(before);
  });

  it("puts a message by the documents considered when one is not an id", async () => {
    const before = await fingerprint();
    const caseId = first("review/cases/:caseId", "caseId");
    const saved = await call(
      reviewCase.action as RouteFunction,
      formPost(
        `/review/cases/${caseId}`,
        people.reviewer,
        [
          ["intent", "save"],
          ["documentsConsidered", "not-a-uuid"],
        ],
        "urlencoded",
      ),
      { caseId },
    );
    expect([saved.status, saved.data.fieldErrors]).toEqual([400, { documentsConsidered: expect.stringContaining("not in this case's file") }]);
    expect(await fingerprint()).toBe(before);
  });

  // A NUL in the API's addresses is refused by the server before any route (malformed-requests.test.ts).
  it("answers NUL in an API body, and a date out of range, with problem+json", async () => {
    const before = await fingerprint();
    const reference = first("api/v1/cases/:reference", "reference");
    const answers = [
      await callApi(postCompliance as RouteFunction, `/cases/${reference}/compliance`, {
        key: apiKey,
        params: { reference },
        json: { implementedOn: "2026-01-01", authorizationNumber: "A\u0000" },
      }),
    ];
    for (const from of ["-271821-04-19T00:00:00Z", "+275760-09-13T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z"]) {
      answers.push(
        await deadlinePreview({ request: new Request(`http://portal.test/api/v1/rules/deadlines?profile=naic&from=${encodeURIComponent(from)}`) } as never),
      );
    }
    const seen = await Promise.all(
      answers.map(async (answer) => [answer.status, answer.headers.get("Content-Type"), ((await answer.json()) as { title: string }).title]),
    );
    expect(seen).toEqual(answers.map(() => [400, "application/problem+json", expect.any(String)]));
    expect(await fingerprint()).toBe(before);
  });
});
