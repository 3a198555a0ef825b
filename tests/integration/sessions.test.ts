import { createCookie } from "react-router";
import { describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import { db } from "~/server/db.server";
import { endSession, getSessionUser, requireUser, safeRedirectPath, revokeAllSessions, startSession } from "~/server/session.server";
import * as accountRoute from "~/routes/account";
import { logIn } from "~/server/auth/log-in.server";
import { signOutEverywhere } from "~/server/users/account.server";
import { actorFor, cookieHeaderFrom, createPlan, createUser, PASSWORD, requestWithCookie } from "#tests/support/factories";
import { call, request, type RouteFunction } from "#tests/support/routes";

const MINUTE = 60_000;

async function signedIn(roles: Role[] = ["APPLICANT"], planId: string | null = null) {
  const user = await createUser({ roles, planId });
  const ip = "203.0.113.7";
  const cookie = await startSession(user.id, requestWithCookie(null, "/login", ip));
  const sessionId = (await db.session.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: "desc" } })).id;
  return { user, cookie, sessionId };
}

/** A Cookie header whose value is replaced, keeping the cookie's name. */
function withValue(setCookie: string, value: string): string {
  const name = cookieHeaderFrom(setCookie).split("=")[0];
  return `${name}=${value}`;
}
const valueOf = (setCookie: string) => cookieHeaderFrom(setCookie).slice(cookieHeaderFrom(setCookie).indexOf("=") + 1);
const requestWithRawCookie = (cookieHeader: string) => new Request("http://portal.test/x", { headers: { Cookie: cookieHeader } });

const setLastSeen = (sessionId: string, msAgo: number) => db.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(Date.now() - msAgo) } });

describe("a session", () => {
  it("identifies the person from the cookie startSession set, and records where it started", async () => {
    const plan = await createPlan();
    const { user, cookie, sessionId } = await signedIn(["PLAN"], plan.id);
    expect(cookie).toMatch(/^imr_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toContain(sessionId); // signed and encoded, not the bare id
    const found = await getSessionUser(requestWithCookie(cookie));
    expect(found).toEqual({ id: user.id, email: user.email, name: user.name, roles: ["PLAN"], planId: plan.id, language: "en", sessionId });
    const row = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row).toMatchObject({ ip: "203.0.113.7", userAgent: "vitest", revokedAt: null });
    // Staff: twelve hours however active (an applicant's lasts 30 days).
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(12 * 3600_000);
    expect(cookie).toMatch(/Max-Age=43200/);
  });

  it("is not found without a cookie", async () => {
    expect(await getSessionUser(requestWithCookie(null))).toBeNull();
  });

  it("is refused when the cookie was tampered with or signed with another secret", async () => {
    const { cookie, sessionId } = await signedIn();
    const other = await signedIn();
    const value = valueOf(cookie);
    const flipped = `${value[0] === "A" ? "B" : "A"}${value.slice(1)}`;
    expect(await getSessionUser(requestWithRawCookie(withValue(cookie, flipped)))).toBeNull();

    // Another session's id with this cookie's signature.
    const [otherData] = valueOf(other.cookie).split(/\.(?=[^.]*$)/);
    const [, signature] = value.split(/\.(?=[^.]*$)/);
    expect(await getSessionUser(requestWithRawCookie(withValue(cookie, `${otherData}.${signature}`)))).toBeNull();

    const forged = await createCookie("imr_session", { secrets: ["not-the-server-secret"] }).serialize(sessionId);
    expect(await getSessionUser(requestWithRawCookie(cookieHeaderFrom(forged)))).toBeNull();
    // The genuine cookies still work.
    expect(await getSessionUser(requestWithCookie(cookie))).not.toBeNull();
    expect(await getSessionUser(requestWithCookie(other.cookie))).not.toBeNull();
  });

  it("ends when the person logs out, leaving their other browsers signed in", async () => {
    const { user, cookie, sessionId } = await signedIn();
    const secondBrowser = await startSession(user.id, requestWithCookie(null));
    const cleared = await endSession(requestWithCookie(cookie));
    expect(cleared).toMatch(/Max-Age=0/i);
    expect(await getSessionUser(requestWithCookie(cookie))).toBeNull();
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
    expect(await getSessionUser(requestWithCookie(secondBrowser))).toMatchObject({ id: user.id });
  });

  it("ends everywhere on revokeAllSessions, without touching other people's sessions", async () => {
    const a = await signedIn();
    const aSecond = await startSession(a.user.id, requestWithCookie(null));
    const b = await signedIn();
    expect(await revokeAllSessions(a.user.id)).toBe(2);
    expect(await getSessionUser(requestWithCookie(a.cookie))).toBeNull();
    expect(await getSessionUser(requestWithCookie(aSecond))).toBeNull();
    expect(await getSessionUser(requestWithCookie(b.cookie))).toMatchObject({ id: b.user.id });
  });

  it("ends everywhere from the account page, and the audit log says so", async () => {
    const a = await signedIn(["COORDINATOR"]);
    const aSecond = await startSession(a.user.id, requestWithCookie(null));
    const b = await signedIn(["COORDINATOR"]);
    const me = await getSessionUser(requestWithCookie(a.cookie));
    expect(me).not.toBeNull();
    expect(await signOutEverywhere(me!, actorFor(a.user))).toBe(2);
    expect(await getSessionUser(requestWithCookie(a.cookie))).toBeNull();
    expect(await getSessionUser(requestWithCookie(aSecond))).toBeNull();
    expect(await getSessionUser(requestWithCookie(b.cookie))).toMatchObject({ id: b.user.id });
    const [row] = await db.auditLog.findMany({ where: { action: "auth.sessions.revoked_all", objectId: a.user.id } });
    expect(row?.detail).toEqual({ count: 2 });
  });

  it("times out after 30 idle minutes for staff but not for an applicant", async () => {
    const coordinator = await signedIn(["COORDINATOR"]);
    const applicant = await signedIn(["APPLICANT"]);
    const activeCoordinator = await signedIn(["COORDINATOR"]);
    await setLastSeen(coordinator.sessionId, 31 * MINUTE);
    await setLastSeen(applicant.sessionId, 31 * MINUTE);
    await setLastSeen(activeCoordinator.sessionId, 29 * MINUTE);
    expect(await getSessionUser(requestWithCookie(coordinator.cookie))).toBeNull();
    expect(await getSessionUser(requestWithCookie(applicant.cookie))).toMatchObject({ id: applicant.user.id });
    expect(await getSessionUser(requestWithCookie(activeCoordinator.cookie))).toMatchObject({ id: activeCoordinator.user.id });
    // Using the session counts as activity: the idle clock starts again.
    const touched = await db.session.findUniqueOrThrow({ where: { id: activeCoordinator.sessionId } });
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(MINUTE);
    await setLastSeen(applicant.sessionId, 25 * 3600_000);
    expect(await getSessionUser(requestWithCookie(applicant.cookie))).toBeNull();
  });

  it("ends a staff session twelve hours after it started, however active; an applicant's lasts 30 days", async () => {
    const coordinator = await signedIn(["COORDINATOR"]);
    const applicant = await signedIn(["APPLICANT"]);
    const started = (msAgo: number) => ({ createdAt: new Date(Date.now() - msAgo), lastSeenAt: new Date(Date.now() - MINUTE) });
    await db.session.update({ where: { id: coordinator.sessionId }, data: started(12 * 3600_000 + MINUTE) });
    await db.session.update({ where: { id: applicant.sessionId }, data: started(12 * 3600_000 + MINUTE) });
    expect(await getSessionUser(requestWithCookie(coordinator.cookie))).toBeNull();
    expect(await getSessionUser(requestWithCookie(applicant.cookie))).toMatchObject({ id: applicant.user.id });
    const applicantRow = await db.session.findUniqueOrThrow({ where: { id: applicant.sessionId } });
    expect(applicantRow.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);
  });

  it("treats a person holding a staff role and the applicant role as staff for the idle limit", async () => {
    const both = await signedIn(["APPLICANT", "REVIEWER"]);
    await setLastSeen(both.sessionId, 31 * MINUTE);
    expect(await getSessionUser(requestWithCookie(both.cookie))).toBeNull();
  });

  it("is refused once past its absolute expiry, or when the account is disabled", async () => {
    const expired = await signedIn();
    await db.session.update({ where: { id: expired.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getSessionUser(requestWithCookie(expired.cookie))).toBeNull();
    const disabled = await signedIn();
    await db.user.update({ where: { id: disabled.user.id }, data: { disabledAt: new Date() } });
    expect(await getSessionUser(requestWithCookie(disabled.cookie))).toBeNull();
  });
});

describe("pages that need a signed-in person", () => {
  it("send a visitor without a session to the login page, coming back afterwards", async () => {
    const thrown = await requireUser(requestWithCookie(null, "/requests/abc?tab=documents")).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location.startsWith("/login?redirectTo=")).toBe(true);
    expect(new URL(location, "http://portal.test").searchParams.get("redirectTo")).toBe("/requests/abc?tab=documents");
  });

  it("send someone whose session timed out to the login page too", async () => {
    const { cookie, sessionId } = await signedIn(["ADMIN"]);
    await setLastSeen(sessionId, 31 * MINUTE);
    const thrown = await requireUser(requestWithCookie(cookie, "/admin")).catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(302);
  });
});

describe("the page a person is sent back to after signing in", () => {
  it("is a page of the portal, however the address is dressed up", () => {
    expect(safeRedirectPath("/requests/abc?tab=documents#files", "/home")).toBe("/requests/abc?tab=documents#files");
    expect(safeRedirectPath("/%2F%2Fevil.example", "/home")).toBe("/%2F%2Fevil.example");
    for (const elsewhere of [
      "//evil.example/phish",
      "/\t/evil.example/phish",
      "/\\evil.example",
      "/\n/evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "",
      null,
    ]) {
      expect(safeRedirectPath(elsewhere, "/home"), String(elsewhere)).toBe("/home");
    }
  });
});

describe("changing one's password while signed in", () => {
  const change = (cookie: string, form: Record<string, string>) =>
    call(accountRoute.action as RouteFunction, request("/account", cookie, { intent: "change-password", ...form }));

  it("needs the current password, then signs out every other browser and keeps this one", async () => {
    const here = await signedIn(["REVIEWER"]);
    const elsewhere = await startSession(here.user.id, requestWithCookie(null));
    const newPassword = "a new and longer password";

    const wrong = await change(here.cookie, { currentPassword: "not it", password: newPassword, confirmPassword: newPassword });
    expect(wrong.status).toBe(400);
    expect(wrong.data.fieldErrors).toEqual({ currentPassword: "That is not your current password." });
    expect(wrong.data.values).not.toHaveProperty("currentPassword");
    expect(await db.auditLog.count({ where: { action: "auth.password_change.refused", objectId: here.user.id } })).toBe(1);

    const changed = await change(here.cookie, { currentPassword: PASSWORD, password: newPassword, confirmPassword: newPassword });
    expect(changed).toMatchObject({ status: 302, location: "/account?password=changed" });
    expect(await getSessionUser(requestWithCookie(here.cookie))).toMatchObject({ id: here.user.id });
    expect(await getSessionUser(requestWithCookie(elsewhere))).toBeNull();
    const verified = { emailVerifiedAt: new Date() };
    await db.user.update({ where: { id: here.user.id }, data: verified });
    expect(await logIn({ email: here.user.email, password: PASSWORD }, actorFor(here.user))).toMatchObject({ ok: false, reason: "invalid" });
    expect(await logIn({ email: here.user.email, password: newPassword }, actorFor(here.user))).toMatchObject({ ok: true });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "auth.password_changed", objectId: here.user.id } })).toMatchObject({
      detail: { otherSessionsEnded: 1 },
    });
  });
});
