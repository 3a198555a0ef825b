/**
 * An administrator takes access away (and gives it back) through the
 * account page, /admin/users/:userId: deactivation, roles, sessions and a
 * forced password reset, each audited.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import * as accountRoute from "~/routes/admin/users.account";
import { loader as listCases } from "~/routes/api.v1/cases";
import * as iroHome from "~/routes/iro/index";
import * as planHome from "~/routes/plan/index";
import * as integrationsRoute from "~/routes/plan/integrations";
import * as resetPasswordRoute from "~/routes/auth/reset-password";
import { createApiKey } from "~/server/api/api-keys.server";
import { logIn } from "~/server/auth/log-in.server";
import { db } from "~/server/db.server";
import { ensureReferenceData } from "~/server/reference-data.server";
import { getSessionUser, startSession } from "~/server/session.server";
import { actorFor, createPlan, createUser, latestEmailTo, PASSWORD, requestWithCookie, tokenFromEmail, uniqueIp } from "#tests/support/factories";
import { call, callApi, request, withSession, type Form, type RouteFunction } from "#tests/support/routes";
import { useTestConfig } from "#tests/support/test-database";

type Person = { id: string; email: string; cookie: string };

let plan: { id: string; name: string };
let admin: Person;

beforeAll(async () => {
  useTestConfig();
  await ensureReferenceData();
  plan = await createPlan();
  admin = await withSession(await createUser({ roles: ["ADMIN"] }));
});

const post = (by: Person, userId: string, form: Form) => call(accountRoute.action as RouteFunction, request(`/admin/users/${userId}`, by, form), { userId });
const open = (by: Person | null, userId: string) =>
  call<{ own: boolean }>(accountRoute.loader as RouteFunction, request(`/admin/users/${userId}`, by), { userId });
const signedInAs = async (cookie: string) => getSessionUser(requestWithCookie(cookie));
const auditRows = (action: string, userId: string) => db.auditLog.findMany({ where: { action, objectType: "User", objectId: userId }, orderBy: { id: "asc" } });
const staff = async (roles: Role[], planId: string | null = null) => withSession(await createUser({ roles, planId }));
const signIn = (email: string, password = PASSWORD) => logIn({ email, password }, actorFor(null));

describe("deactivating an account", () => {
  it("signs the person out of every browser at once, refuses their sign-in, and is audited with the reason", async () => {
    const person = await staff(["COORDINATOR"]);
    const secondBrowser = await startSession(person.id, requestWithCookie(null));
    expect(await signedInAs(person.cookie)).toMatchObject({ id: person.id });

    const answer = await post(admin, person.id, { intent: "deactivate", reason: "Left the organization" });
    expect(answer, JSON.stringify(answer.data)).toMatchObject({ status: 302, location: `/admin/users/${person.id}?done=deactivated` });

    // The very next request of either browser is signed out.
    expect(await signedInAs(person.cookie)).toBeNull();
    expect(await signedInAs(secondBrowser)).toBeNull();
    expect((await call(iroHome.loader as RouteFunction, request("/iro", person))).location).toMatch(/^\/login\?redirectTo=/);
    expect(await db.session.count({ where: { userId: person.id, revokedAt: null } })).toBe(0);
    expect(await signIn(person.email)).toMatchObject({ ok: false, reason: "invalid" });

    const [row] = await auditRows("user.deactivated", person.id);
    expect(row).toMatchObject({ actorId: admin.id, detail: { reason: "Left the organization", sessionsEnded: 2, apiKeysStopped: 0 } });
    const page = await call<{ account: { disabledAt: Date; disabledReason: string } }>(
      accountRoute.loader as RouteFunction,
      request(`/admin/users/${person.id}`, admin),
      { userId: person.id },
    );
    expect(page.data.account).toMatchObject({ disabledReason: "Left the organization", disabledAt: expect.any(Date) });
  });

  it("stops the API keys the person made, shows that in the plan's key list, and reactivation gives sign-in and the keys back", async () => {
    const maker = await staff(["PLAN"], plan.id);
    const colleague = await staff(["PLAN"], plan.id);
    const { key, id: keyId } = await createApiKey(plan.id, "Claims platform", actorFor(maker));
    const { key: otherKey } = await createApiKey(plan.id, "Colleague's system", actorFor(colleague));
    const ip = uniqueIp();
    expect((await callApi(listCases as RouteFunction, "/cases", { key, ip })).status).toBe(200);

    expect((await post(admin, maker.id, { intent: "deactivate", reason: "Account compromised" })).status).toBe(302);
    const refused = await callApi(listCases as RouteFunction, "/cases", { key, ip });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    // Keys made by others of the plan act on.
    expect((await callApi(listCases as RouteFunction, "/cases", { key: otherKey, ip })).status).toBe(200);
    const [row] = await auditRows("user.deactivated", maker.id);
    expect(row?.detail).toMatchObject({ apiKeysStopped: 1 });

    type Keys = { apiKeys: { id: string; createdBy: { disabledAt: Date | null } | null }[] };
    const list = await call<Keys>(integrationsRoute.loader as RouteFunction, request("/plan/integrations", colleague));
    expect(list.data.apiKeys.find((listed) => listed.id === keyId)?.createdBy?.disabledAt).toBeInstanceOf(Date);

    expect((await post(admin, maker.id, { intent: "reactivate", reason: "Password changed, device cleaned" })).status).toBe(302);
    expect(await signIn(maker.email)).toMatchObject({ ok: true, userId: maker.id });
    expect((await callApi(listCases as RouteFunction, "/cases", { key, ip })).status).toBe(200);
    expect((await auditRows("user.reactivated", maker.id))[0]).toMatchObject({ actorId: admin.id, detail: { reason: "Password changed, device cleaned" } });
  });

  it("asks for a reason, and refuses the administrator's own account", async () => {
    const person = await staff(["COORDINATOR"]);
    const noReason = await post(admin, person.id, { intent: "deactivate", reason: " " });
    expect(noReason.status).toBe(400);
    expect(noReason.data.fieldErrors.reason).toBe("Say why you deactivate this account.");

    const self = await post(admin, admin.id, { intent: "deactivate", reason: "Testing" });
    expect(self.status).toBe(400);
    expect(self.data.formError).toBe("You cannot deactivate your own account. Ask another administrator.");
    expect(await signedInAs(admin.cookie)).toMatchObject({ id: admin.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).disabledAt).toBeNull();
    expect(await auditRows("user.deactivated", admin.id)).toEqual([]);
  });
});

describe("changing an account's roles", () => {
  it("takes effect on the person's next request, and is audited", async () => {
    const person = await staff(["COORDINATOR"]);
    expect((await call(iroHome.loader as RouteFunction, request("/iro", person))).status).toBe(200);

    const answer = await post(admin, person.id, [
      ["intent", "change-roles"],
      ["roles", "PLAN"],
      ["planId", plan.id],
    ]);
    expect(answer, JSON.stringify(answer.data)).toMatchObject({ status: 302, location: `/admin/users/${person.id}?done=roles` });
    // The same session, next click: no longer a coordinator, now the plan's.
    expect((await call(iroHome.loader as RouteFunction, request("/iro", person))).status).toBe(403);
    expect((await call(planHome.loader as RouteFunction, request("/plan", person))).status).toBe(200);
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { roles: true, planId: true } })).toEqual({ roles: ["PLAN"], planId: plan.id });
    expect((await auditRows("user.roles_changed", person.id))[0]).toMatchObject({
      actorId: admin.id,
      detail: { from: ["COORDINATOR"], to: ["PLAN"], planId: plan.id },
    });
  });

  it("keeps plan users in a plan, an applicant's own role, and the administrator's own ADMIN role", async () => {
    const person = await staff(["COORDINATOR"]);
    const noPlan = await post(admin, person.id, [
      ["intent", "change-roles"],
      ["roles", "PLAN"],
      ["planId", ""],
    ]);
    expect(noPlan.status).toBe(400);
    expect(noPlan.data.fieldErrors.planId).toBe("Choose the health plan this person works for.");

    const applicant = await staff(["APPLICANT"]);
    const made = await post(admin, applicant.id, [
      ["intent", "change-roles"],
      ["roles", "COORDINATOR"],
    ]);
    expect(made.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: applicant.id } })).roles).toEqual(["APPLICANT", "COORDINATOR"]);
    const applicantRole = await post(admin, applicant.id, [
      ["intent", "change-roles"],
      ["roles", "APPLICANT"],
    ]);
    expect(applicantRole.status).toBe(400);

    const ownAdmin = await post(admin, admin.id, [
      ["intent", "change-roles"],
      ["roles", "COORDINATOR"],
    ]);
    expect(ownAdmin.status).toBe(400);
    expect(ownAdmin.data.fieldErrors.roles).toBe("You cannot remove your own administrator role. Ask another administrator.");
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).roles).toEqual(["ADMIN"]);
    expect(await auditRows("user.roles_changed", admin.id)).toEqual([]);
  });
});

describe("an account's sessions", () => {
  it("are listed for the administrator, who ends one or all of them", async () => {
    const person = await staff(["REVIEWER"]);
    const laptop = await startSession(person.id, requestWithCookie(null, "/login", "198.51.100.23"));
    const phone = await startSession(person.id, requestWithCookie(null, "/login", "198.51.100.24"));
    type Page = { sessions: { id: string; ip: string | null; userAgent: string | null; createdAt: Date; lastSeenAt: Date }[] };
    const page = await call<Page>(accountRoute.loader as RouteFunction, request(`/admin/users/${person.id}`, admin), { userId: person.id });
    expect(page.data.sessions).toHaveLength(3);
    const laptopSession = page.data.sessions.find((session) => session.ip === "198.51.100.23")!;
    expect(laptopSession).toMatchObject({ userAgent: "vitest", createdAt: expect.any(Date), lastSeenAt: expect.any(Date) });

    expect((await post(admin, person.id, { intent: "end-session", id: laptopSession.id })).status).toBe(302);
    expect(await signedInAs(laptop)).toBeNull();
    expect(await signedInAs(phone)).toMatchObject({ id: person.id });
    expect((await auditRows("user.session_ended", person.id))[0]?.detail).toEqual({ sessionId: laptopSession.id });
    // Another person's session is not this account's to end.
    const other = await staff(["REVIEWER"]);
    const otherSession = await db.session.findFirstOrThrow({ where: { userId: other.id } });
    expect((await post(admin, person.id, { intent: "end-session", id: otherSession.id })).status).toBe(404);
    expect(await signedInAs(other.cookie)).toMatchObject({ id: other.id });

    expect((await post(admin, person.id, { intent: "end-all-sessions" })).status).toBe(302);
    expect(await signedInAs(phone)).toBeNull();
    expect(await signedInAs(person.cookie)).toBeNull();
    expect((await auditRows("user.sessions_ended", person.id))[0]?.detail).toEqual({ count: 2 });
  });
});

describe("forcing a password reset", () => {
  it("signs the person out, refuses the old password, and emails a link to set a new one", async () => {
    const person = await staff(["COORDINATOR"]);
    expect((await post(admin, person.id, { intent: "force-password-reset" })).status).toBe(302);
    expect(await signedInAs(person.cookie)).toBeNull();
    expect(await signIn(person.email)).toMatchObject({ ok: false, reason: "invalid" });
    const email = await latestEmailTo(person.email, "password-reset");
    expect(email).not.toBeNull();
    const [row] = await auditRows("user.password_reset_forced", person.id);
    expect(row).toMatchObject({ actorId: admin.id, detail: { sessionsEnded: 1 } });
    expect(JSON.stringify(row?.detail)).not.toContain(tokenFromEmail(email));

    const newPassword = "a new and quite long passphrase 42";
    const reset = await call(
      resetPasswordRoute.action as RouteFunction,
      request(`/reset-password`, null, { token: tokenFromEmail(email), password: newPassword, confirmPassword: newPassword }),
    );
    expect(reset.status, JSON.stringify(reset.data)).toBe(302);
    expect(await signIn(person.email, newPassword)).toMatchObject({ ok: true });
  });

  it("is refused for the administrator's own account", async () => {
    const answer = await post(admin, admin.id, { intent: "force-password-reset" });
    expect(answer.status).toBe(400);
    expect(answer.data.formError).toBe("Change your own password on your account page.");
    expect(await signedInAs(admin.cookie)).toMatchObject({ id: admin.id });
  });
});

describe("who may open an account's page", () => {
  it("is an administrator only: others get 404 for the page and its actions, and nothing changes", async () => {
    const person = await staff(["COORDINATOR"]);
    expect((await open(admin, person.id)).status).toBe(200);
    for (const roles of [["COORDINATOR"], ["PLAN"], ["APPLICANT"], ["REVIEWER"]] satisfies Role[][]) {
      const other = await staff(roles, roles[0] === "PLAN" ? plan.id : null);
      expect((await open(other, person.id)).status).toBe(404);
      expect((await post(other, person.id, { intent: "deactivate", reason: "Not mine to do" })).status).toBe(404);
    }
    expect((await open(null, person.id)).location).toMatch(/^\/login\?redirectTo=/);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).disabledAt).toBeNull();
    expect((await open(admin, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
