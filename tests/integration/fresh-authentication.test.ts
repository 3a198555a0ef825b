/**
 * Sensitive actions ask for the password again when it was given more than
 * ten minutes ago: creating an API key and changing an account's roles here
 * (issuing a decision in decision-letters.test.ts). /confirm-identity takes
 * the password, counts and audits a wrong one, and sends the person back.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as confirmRoute from "~/routes/confirm-identity";
import * as accountRoute from "~/routes/admin/users.account";
import * as integrationsRoute from "~/routes/plan/integrations";
import { db } from "~/server/db.server";
import { getSessionUser } from "~/server/session.server";
import { createPlan, createUser, PASSWORD, requestWithCookie } from "#tests/support/factories";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";

type Person = { id: string; email: string; cookie: string };

let plan: { id: string };

beforeAll(async () => {
  plan = await createPlan();
});

/** The person last gave their password `minutes` ago. */
async function authenticatedAgo(person: Person, minutes: number) {
  const session = await getSessionUser(requestWithCookie(person.cookie));
  await db.session.update({ where: { id: session!.sessionId }, data: { authenticatedAt: new Date(Date.now() - minutes * 60_000) } });
}

const createKey = (person: Person, name: string) =>
  call<{ shownOnce?: { value: string } }>(integrationsRoute.action as RouteFunction, request("/plan/integrations", person, { intent: "create-key", name }));
const confirm = (person: Person, password: string, redirectTo: string) =>
  call(
    confirmRoute.action as RouteFunction,
    request(`/confirm-identity?redirectTo=${encodeURIComponent(redirectTo)}`, person, { intent: "password", password, redirectTo }),
  );
const audited = (action: string, userId: string) => db.auditLog.findMany({ where: { action, objectId: userId } });

describe("creating an API key", () => {
  it("goes ahead right after signing in: starting the session counts as giving the password", async () => {
    const planUser = await withSession(await createUser({ roles: ["PLAN"], planId: plan.id }));
    const created = await createKey(planUser, "Fresh session");
    expect(created.status, JSON.stringify(created.data)).toBe(200);
    expect(created.data.shownOnce?.value).toMatch(/^imr_/);
  });

  it("sends a person whose password is older than ten minutes to confirm it, then goes ahead", async () => {
    const planUser = await withSession(await createUser({ roles: ["PLAN"], planId: plan.id }));
    await authenticatedAgo(planUser, 11);
    const stale = await createKey(planUser, "Claims platform");
    expect(stale).toMatchObject({ status: 302, location: "/confirm-identity?redirectTo=%2Fplan%2Fintegrations" });
    expect(await db.apiKey.count({ where: { planId: plan.id, name: "Claims platform" } })).toBe(0);

    const page = await call<{ redirectTo: string; email: string }>(
      confirmRoute.loader as RouteFunction,
      request("/confirm-identity?redirectTo=%2Fplan%2Fintegrations", planUser),
    );
    expect(page.data).toEqual({ email: planUser.email, redirectTo: "/plan/integrations", authenticatorApp: false, passkeyOptions: null });

    const confirmed = await confirm(planUser, PASSWORD, "/plan/integrations");
    expect(confirmed).toMatchObject({ status: 302, location: "/plan/integrations" });
    expect(await audited("auth.identity_confirmed", planUser.id)).toHaveLength(1);
    const created = await createKey(planUser, "Claims platform");
    expect(created.status, JSON.stringify(created.data)).toBe(200);
    expect(await db.apiKey.count({ where: { planId: plan.id, name: "Claims platform" } })).toBe(1);
  });
});

describe("changing an account's roles", () => {
  it("sends a stale administrator to confirm the password, then changes them", async () => {
    const admin = await withSession(await createUser({ roles: ["ADMIN"] }));
    const person = await createUser({ roles: ["COORDINATOR"] });
    const path = `/admin/users/${person.id}`;
    const change = () =>
      call(
        accountRoute.action as RouteFunction,
        request(path, admin, [
          ["intent", "change-roles"],
          ["roles", "ADMIN"],
        ]),
        { userId: person.id },
      );
    await authenticatedAgo(admin, 30);
    expect(await change()).toMatchObject({ status: 302, location: `/confirm-identity?redirectTo=${encodeURIComponent(path)}` });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).roles).toEqual(["COORDINATOR"]);

    expect(await confirm(admin, PASSWORD, path)).toMatchObject({ status: 302, location: path });
    expect(await change()).toMatchObject({ status: 302, location: `${path}?done=roles` });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).roles).toEqual(["ADMIN"]);
  });

  it("asks nothing for deactivating: taking access away is never held up", async () => {
    const admin = await withSession(await createUser({ roles: ["ADMIN"] }));
    const person = await createUser({ roles: ["COORDINATOR"] });
    await authenticatedAgo(admin, 30);
    const answer = await call(
      accountRoute.action as RouteFunction,
      request(`/admin/users/${person.id}`, admin, { intent: "deactivate", reason: "Lost laptop" }),
      {
        userId: person.id,
      },
    );
    expect(answer).toMatchObject({ status: 302, location: `/admin/users/${person.id}?done=deactivated` });
  });
});

describe("confirming one's identity", () => {
  it("refuses a wrong password by its field, counts it as a failed sign-in and audits it, and keeps the session stale", async () => {
    const planUser = await withSession(await createUser({ roles: ["PLAN"], planId: plan.id }));
    await authenticatedAgo(planUser, 15);
    const wrong = await confirm(planUser, "not my password at all", "/plan/integrations");
    expect(wrong.status).toBe(400);
    expect(wrong.data.fieldErrors.password).toBe("That is not your password.");
    expect(wrong.data.values).not.toHaveProperty("password");
    expect((await audited("auth.identity_confirmation.failed", planUser.id))[0]).toMatchObject({ actorId: planUser.id, detail: { failures: 1 } });
    expect((await db.user.findUniqueOrThrow({ where: { id: planUser.id } })).failedLoginCount).toBe(1);
    expect((await createKey(planUser, "Still stale")).location).toMatch(/^\/confirm-identity/);
  });

  it("locks the account and signs it out everywhere at the tenth wrong password, as sign-in would", async () => {
    const planUser = await withSession(await createUser({ roles: ["PLAN"], planId: plan.id }));
    await db.user.update({ where: { id: planUser.id }, data: { failedLoginCount: 9 } });
    const locked = await confirm(planUser, "another wrong guess", "/plan/integrations");
    expect(locked.status).toBe(302);
    expect(locked.location).toBe("/login");
    expect(await getSessionUser(requestWithCookie(planUser.cookie))).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: planUser.id } })).lockedUntil).not.toBeNull();
    expect((await audited("auth.account.locked", planUser.id))[0]?.detail).toMatchObject({ reason: "wrong-password", failures: 10 });
    expect((await audited("auth.sessions.revoked_all", planUser.id))[0]?.detail).toMatchObject({ reason: "locked" });
  });

  it("waits out a lock from failed sign-ins elsewhere, still signed in, even with the right password", async () => {
    const planUser = await withSession(await createUser({ roles: ["PLAN"], planId: plan.id }));
    await db.user.update({ where: { id: planUser.id }, data: { lockedUntil: new Date(Date.now() + 5 * 60_000) } });
    const refused = await confirm(planUser, PASSWORD, "/plan/integrations");
    expect(refused.status).toBe(400);
    expect(refused.data.fieldErrors.password).toMatch(/^Too many failed attempts. This account is locked; try again in [56] minutes, or reset your password.$/);
    expect(await getSessionUser(requestWithCookie(planUser.cookie))).toMatchObject({ id: planUser.id });
    expect((await audited("auth.identity_confirmation.failed", planUser.id))[0]?.detail).toEqual({ reason: "locked" });
  });

  it("only ever returns to a page of the portal", async () => {
    const planUser = await withSession(await createUser({ roles: ["PLAN"], planId: plan.id }));
    expect(await confirm(planUser, PASSWORD, "/\t/evil.example/phish")).toMatchObject({ status: 302, location: "/plan" });
    expect(await confirm(planUser, PASSWORD, "https://evil.example/")).toMatchObject({ status: 302, location: "/plan" });
  });

  it("is for someone signed in", async () => {
    const answer = await call(confirmRoute.loader as RouteFunction, request("/confirm-identity?redirectTo=%2Fplan", null));
    expect(answer.location).toBe(`/login?redirectTo=${encodeURIComponent("/confirm-identity?redirectTo=%2Fplan")}`);
  });
});
