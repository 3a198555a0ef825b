/**
 * One way to answer from a route: the server turns an AppError from any
 * route's loader or action into its status page, and a form's refusals go
 * back to the form. Checked on the build, on forms, and on the integrations
 * page, whose row buttons once answered 500 to a bad id.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { redirect, type ServerBuild } from "react-router";
import { z } from "zod";
import * as integrationsRoute from "~/routes/plan/integrations";
import { db } from "~/server/db.server";
import { AppError, conflict, notFound } from "~/server/errors.server";
import { formSubmission, submitIntent, withAppErrorPages } from "~/server/route-answers.server";
import { createPlan, createUser } from "#tests/support/factories";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";

describe("the server build", () => {
  it("answers an AppError from any route's loader or action with its status page, a Response as it is, and a bug as a 500", async () => {
    const bug = new TypeError("a bug");
    const build = {
      routes: {
        case: { id: "case", module: { loader: async () => Promise.reject(notFound("This case")), action: async () => Promise.reject(conflict()) } },
        moved: { id: "moved", module: { loader: async () => Promise.reject(redirect("/elsewhere")), default: () => null } },
        broken: { id: "broken", module: { action: async () => Promise.reject(bug) } },
      },
    } as unknown as ServerBuild;
    const served = withAppErrorPages(build);
    type Module = { loader?: () => Promise<unknown>; action?: () => Promise<unknown>; default?: unknown };
    const moduleOf = (routes: ServerBuild["routes"], id: string) => (routes[id] as unknown as { module: Module }).module;
    const thrown = (run: (() => Promise<unknown>) | undefined) => run!().catch((error: unknown) => error);

    const missing = (await thrown(moduleOf(served.routes, "case").loader)) as Response;
    expect([missing.status, await missing.text()]).toEqual([404, "This case was not found."]);
    expect(((await thrown(moduleOf(served.routes, "case").action)) as Response).status).toBe(409);
    expect(((await thrown(moduleOf(served.routes, "moved").loader)) as Response).headers.get("Location")).toBe("/elsewhere");
    expect(moduleOf(served.routes, "moved").default).toBe(moduleOf(build.routes, "moved").default);
    expect(moduleOf(served.routes, "broken").loader).toBeUndefined();
    expect(await thrown(moduleOf(served.routes, "broken").action)).toBe(bug);
    // Wrapped once per build, however often the server asks for it.
    expect(withAppErrorPages(build)).toBe(served);
  });
});

describe("a form's refusals", () => {
  const schema = z.object({ intent: z.string(), version: z.coerce.number(), name: z.string().min(1, "Enter a name.") });
  const post = (form: Record<string, string>) => new Request("http://portal.test/form", { method: "POST", body: new URLSearchParams(form) });
  const refusing = (error: unknown) =>
    submitIntent(post({ intent: "save", version: "3", name: "Ann" }), {
      save: formSubmission(schema, async () => Promise.reject(error)),
    });

  it("puts a refusal next to the field it names, keeping what was typed", async () => {
    const answer = await refusing(new AppError("BAD_REQUEST", "That name is taken.", { field: "name" }));
    expect(answer).toMatchObject({ init: { status: 400 }, data: { fieldErrors: { name: "That name is taken." }, values: { name: "Ann" } } });
  });

  it("answers a case that moved on with 409, the message over the form and the latest version in it", async () => {
    const answer = await refusing(new AppError("CONFLICT", "The case changed.", { latestVersion: 5 }));
    expect(answer).toMatchObject({ init: { status: 409 }, data: { formError: "The case changed.", fieldErrors: {}, values: { name: "Ann", version: "5" } } });
  });

  it("shows a field the form does not have as the form's message", async () => {
    const answer = await refusing(new AppError("BAD_REQUEST", "Approve it first.", { field: "approve" }));
    expect(answer).toMatchObject({ data: { formError: "Approve it first.", fieldErrors: {} } });
  });

  it("lets anything else through to the error page, and refuses an unknown intent", async () => {
    const forbidden = new AppError("FORBIDDEN", "No.");
    await expect(refusing(forbidden)).rejects.toBe(forbidden);
    const unknown = await submitIntent(post({ intent: "delete-everything" }), { save: formSubmission(schema, async () => "/") }).catch(
      (thrown: unknown) => thrown,
    );
    expect((unknown as Response).status).toBe(400);
  });

  it("redirects where the operation says, and answers bad input by field", async () => {
    const done = await submitIntent(post({ intent: "save", version: "3", name: "Ann" }), { save: formSubmission(schema, async () => "/saved") }).catch(
      (thrown: unknown) => thrown,
    );
    expect((done as Response).headers.get("Location")).toBe("/saved");
    const invalid = await submitIntent(post({ intent: "save", version: "3", name: "" }), { save: formSubmission(schema, async () => "/saved") });
    expect(invalid).toMatchObject({ init: { status: 400 }, data: { fieldErrors: { name: "Enter a name." } } });
  });
});

describe("the plan's integrations page", () => {
  let planUser: Awaited<ReturnType<typeof withSession<Awaited<ReturnType<typeof createUser>>>>>;
  let planId: string;

  beforeAll(async () => {
    planId = (await createPlan()).id;
    planUser = await withSession(await createUser({ roles: ["PLAN"], planId }));
  });

  it("answers a row button with a bad id with 400, and another plan's key with 404, changing nothing", async () => {
    const path = "/plan/integrations";
    const before = await db.auditLog.count();
    const bad = await call(integrationsRoute.action as RouteFunction, request(path, planUser, { intent: "revoke-key", id: "not-an-id" }));
    expect(bad.status).toBe(400);
    expect(bad.data.fieldErrors).toHaveProperty("id");

    const elsewhere = await call(
      integrationsRoute.action as RouteFunction,
      request(path, planUser, { intent: "revoke-key", id: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(elsewhere.status).toBe(404);
    expect(await db.auditLog.count()).toBe(before);
  });
});
