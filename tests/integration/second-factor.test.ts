import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/auth/login";
import { action as secondFactorAction, loader as secondFactorLoader } from "~/routes/auth/second-factor";
import { action as setUpAction, loader as setUpLoader } from "~/routes/auth/set-up-second-factor";
import { action as accountAction, loader as accountLoader } from "~/routes/account-second-factor";
import { loader as coordinatorHome } from "~/routes/iro/index";
import type { Role } from "~/domain/roles";
import { action as adminAccountAction } from "~/routes/admin/users.account";
import { action as confirmIdentityAction, loader as confirmIdentityLoader } from "~/routes/confirm-identity";
import { db } from "~/server/db.server";
import { getSessionUser } from "~/server/session.server";
import { PASSWORD, createUser, requestWithCookie } from "#tests/support/factories";
import { call, request, withSession } from "#tests/support/routes";

const PERIOD_MS = 30_000;
const auditActions = async (userId: string) => (await db.auditLog.findMany({ where: { objectId: userId }, orderBy: { id: "asc" } })).map((row) => row.action);

/** What the browser keeps from a redirect: its new session cookie (if any) and where it goes. */
async function signInWithPassword(user: { email: string }, redirectTo = "") {
  const answer = await call(loginAction, request("/login", null, { email: user.email, password: PASSWORD, redirectTo }));
  return { location: answer.location, cookie: answer.headers.get("Set-Cookie") };
}

/** A code the app shows `stepsAhead` steps from now: each code is taken once, so a test that needs a second one takes the next step's. */
const codeFor = (secret: string, stepsAhead = 0) =>
  generate({ secret: secret.replace(/ /g, ""), epoch: Math.floor((Date.now() + stepsAhead * PERIOD_MS) / 1000) });

/** A staff member who signed in for the first time and set up an authenticator app: its secret, and a signed-in cookie. */
async function staffWithAuthenticator(roles: Role[] = ["COORDINATOR"]) {
  const user = await createUser({ roles });
  const { cookie } = await signInWithPassword(user);
  const page = await call<{ authenticator: { secret: string } }>(setUpLoader, request("/login/set-up-second-factor", cookie));
  const secret = page.data.authenticator.secret;
  const confirmed = await call<{ recoveryCodes: string[] }>(
    setUpAction,
    request("/login/set-up-second-factor", cookie, { intent: "authenticator", code: await codeFor(secret) }),
  );
  return { user, secret, recoveryCodes: confirmed.data.recoveryCodes, cookie: confirmed.headers.get("Set-Cookie") ?? "" };
}

describe("a staff member's first sign-in", () => {
  it("opens nothing with the password alone, and sends them to set up a second factor", async () => {
    const user = await createUser({ roles: ["COORDINATOR"] });
    const { location, cookie } = await signInWithPassword(user, "/iro/queue");
    expect(location).toBe("/login/set-up-second-factor?redirectTo=%2Firo%2Fqueue");
    expect(await getSessionUser(requestWithCookie(cookie))).toBeNull();
    expect((await call(coordinatorHome, request("/iro", cookie))).location).toMatch(/^\/login\?redirectTo=/);
    expect(await auditActions(user.id)).toEqual(["auth.login.password_passed"]);
  });

  it("sets up an authenticator app with a code from it, shows ten recovery codes once, and signs in under a new session", async () => {
    const user = await createUser({ roles: ["REVIEWER"] });
    const { cookie: halfway } = await signInWithPassword(user);
    const page = await call<{ authenticator: { secret: string; qrCode: string } }>(setUpLoader, request("/login/set-up-second-factor", halfway));
    expect(page.data.authenticator.qrCode).toMatch(/^data:image\/png;base64,/);
    const wrong = await call(setUpAction, request("/login/set-up-second-factor", halfway, { intent: "authenticator", code: "000000" }));
    expect(wrong.status).toBe(400);
    expect(wrong.data.fieldErrors.code).toMatch(/not the one your app shows/);

    const done = await call<{ recoveryCodes: string[]; next: string }>(
      setUpAction,
      request("/login/set-up-second-factor", halfway, { intent: "authenticator", code: await codeFor(page.data.authenticator.secret) }),
    );
    expect(done.data.recoveryCodes).toHaveLength(10);
    expect(new Set(done.data.recoveryCodes).size).toBe(10);
    expect(done.data.next).toBe("/review");
    const signedIn = await getSessionUser(requestWithCookie(done.headers.get("Set-Cookie")));
    expect(signedIn?.id).toBe(user.id);
    // The halfway session's id opens nothing, before or after.
    expect(await getSessionUser(requestWithCookie(halfway))).toBeNull();
    expect((await call(setUpLoader, request("/login/set-up-second-factor", halfway))).location).toBe("/login");
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret).toMatch(/^sealed:v1:/);
    expect(stored.totpSecret).not.toContain(page.data.authenticator.secret.replace(/ /g, ""));
    expect(await db.recoveryCode.count({ where: { userId: user.id, codeHash: { in: done.data.recoveryCodes } } })).toBe(0);
    expect(await auditActions(user.id)).toEqual(["auth.login.password_passed", "auth.second_factor.setup_failed", "auth.second_factor.added", "auth.login"]);
  });
});

describe("signing in with a second factor", () => {
  it("takes the app's code once, and sends the person where they were going", async () => {
    const { user, secret } = await staffWithAuthenticator();
    const { location, cookie } = await signInWithPassword(user, "/iro/queue");
    expect(location).toBe("/login/second-factor?redirectTo=%2Firo%2Fqueue");
    const page = await call<{ authenticatorApp: boolean; passkeyOptions: unknown }>(secondFactorLoader, request("/login/second-factor", cookie));
    expect(page.data).toEqual({ authenticatorApp: true, passkeyOptions: null });

    const code = await codeFor(secret, 1);
    const passed = await call(secondFactorAction, request("/login/second-factor?redirectTo=%2Firo%2Fqueue", cookie, { intent: "code", code }));
    expect(passed.location).toBe("/iro/queue");
    expect((await getSessionUser(requestWithCookie(passed.headers.get("Set-Cookie"))))?.id).toBe(user.id);

    // The same code again, in another sign-in, is refused: someone who watched it typed cannot use it.
    const again = await signInWithPassword(user);
    const replayed = await call(secondFactorAction, request("/login/second-factor", again.cookie, { intent: "code", code }));
    expect(replayed.status).toBe(400);
    expect(replayed.data.fieldErrors.code).toMatch(/not right, or was used already/);
    const [failure] = await db.auditLog.findMany({ where: { objectId: user.id, action: "auth.login.failed" } });
    expect(failure?.detail).toMatchObject({ reason: "wrong-authenticator-code" });
  });

  it("takes each recovery code once, typed in any case and spacing", async () => {
    const { user, recoveryCodes } = await staffWithAuthenticator();
    const [first] = recoveryCodes;
    const typed = ` ${first!.toLowerCase().replace("-", " ")} `;
    const { cookie } = await signInWithPassword(user);
    const passed = await call(secondFactorAction, request("/login/second-factor", cookie, { intent: "code", code: typed }));
    expect(passed.location).toBe("/iro");
    const again = await signInWithPassword(user);
    const reused = await call(secondFactorAction, request("/login/second-factor", again.cookie, { intent: "code", code: first! }));
    expect(reused.status).toBe(400);
    const [login] = await db.auditLog.findMany({ where: { objectId: user.id, action: "auth.login" }, orderBy: { id: "desc" }, take: 1 });
    expect(login?.detail).toEqual({ secondFactor: "recovery-code" });
  });

  it("locks the account after ten wrong codes, and a right password does not buy more guesses", async () => {
    const { user, secret } = await staffWithAuthenticator();
    let { cookie } = await signInWithPassword(user);
    for (let attempt = 1; attempt <= 10; attempt++) {
      // Signing in again with the password midway does not forgive the failures so far.
      if (attempt === 5) cookie = (await signInWithPassword(user)).cookie;
      const answer = await call(secondFactorAction, request("/login/second-factor", cookie, { intent: "code", code: "123456" }));
      expect(answer.status).toBe(400);
    }
    const right = await call(secondFactorAction, request("/login/second-factor", cookie, { intent: "code", code: await codeFor(secret, 1) }));
    expect(right.data.fieldErrors.code).toMatch(/locked/);
    expect(await db.auditLog.count({ where: { objectId: user.id, action: "auth.account.locked" } })).toBe(1);
  });

  it("ends the halfway sign-in after ten minutes", async () => {
    const { user } = await staffWithAuthenticator();
    const { cookie } = await signInWithPassword(user);
    await db.session.updateMany({ where: { userId: user.id, stage: "SECOND_FACTOR" }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await call(secondFactorLoader, request("/login/second-factor", cookie))).location).toBe("/login");
  });

  it("signs an applicant without a second factor straight in", async () => {
    const applicant = await createUser({ roles: ["APPLICANT"] });
    const { location, cookie } = await signInWithPassword(applicant);
    expect(location).toBe("/requests");
    expect((await getSessionUser(requestWithCookie(cookie)))?.id).toBe(applicant.id);
  });
});

describe("confirming it is you before a sensitive action", () => {
  it("asks someone with an authenticator app for its code as well as the password", async () => {
    const { user, secret, cookie } = await staffWithAuthenticator();
    const page = await call<{ authenticatorApp: boolean }>(confirmIdentityLoader, request("/confirm-identity?redirectTo=%2Firo", cookie));
    expect(page.data.authenticatorApp).toBe(true);
    const passwordOnly = await call(
      confirmIdentityAction,
      request("/confirm-identity", cookie, { intent: "password", password: PASSWORD, code: "", redirectTo: "/iro" }),
    );
    expect(passwordOnly.status).toBe(400);
    expect(passwordOnly.data.fieldErrors.code).toMatch(/Enter the 6-digit code/);
    const wrongCode = await call(
      confirmIdentityAction,
      request("/confirm-identity", cookie, { intent: "password", password: PASSWORD, code: "000000", redirectTo: "/iro" }),
    );
    expect(wrongCode.data.fieldErrors.code).toMatch(/not right/);
    const both = await call(
      confirmIdentityAction,
      request("/confirm-identity", cookie, { intent: "password", password: PASSWORD, code: await codeFor(secret, 1), redirectTo: "/iro" }),
    );
    expect(both.location).toBe("/iro");
    const [failed] = await db.auditLog.findMany({ where: { objectId: user.id, action: "auth.identity_confirmation.failed" } });
    expect(failed?.detail).toMatchObject({ reason: "wrong-authenticator-code" });
    expect(await db.auditLog.count({ where: { objectId: user.id, action: "auth.identity_confirmed" } })).toBe(1);
  });
});

describe("managing one's second factors", () => {
  it("lets an applicant turn on an authenticator app, which the next sign-in then asks for", async () => {
    const applicant = await createUser({ roles: ["APPLICANT"] });
    const { cookie } = await signInWithPassword(applicant);
    const page = await call<{ authenticator: { secret: string } }>(accountLoader, request("/account/second-factor?set-up=authenticator", cookie));
    const added = await call<{ recoveryCodes: string[] }>(
      accountAction,
      request("/account/second-factor", cookie, { intent: "authenticator", code: await codeFor(page.data.authenticator.secret) }),
    );
    expect(added.data.recoveryCodes).toHaveLength(10);
    expect((await signInWithPassword(applicant)).location).toBe("/login/second-factor?redirectTo=%2Frequests");

    // An applicant may turn it off again; the recovery codes go with it.
    expect((await call(accountAction, request("/account/second-factor", cookie, { intent: "remove-authenticator" }))).location).toBe("/account/second-factor");
    expect(await db.recoveryCode.count({ where: { userId: applicant.id } })).toBe(0);
    expect((await signInWithPassword(applicant)).location).toBe("/requests");
  });

  it("does not let staff remove their only second factor", async () => {
    const { user, cookie } = await staffWithAuthenticator();
    const refused = await call(accountAction, request("/account/second-factor", cookie, { intent: "remove-authenticator" }));
    expect(refused.status).toBe(409);
    expect(refused.data.formError).toMatch(/Staff keep a second factor/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
  });

  it("replaces the recovery codes: the old ones stop working", async () => {
    const { user, cookie, recoveryCodes } = await staffWithAuthenticator();
    const replaced = await call<{ recoveryCodes: string[] }>(accountAction, request("/account/second-factor", cookie, { intent: "new-recovery-codes" }));
    expect(replaced.data.recoveryCodes).toHaveLength(10);
    const { cookie: halfway } = await signInWithPassword(user);
    expect((await call(secondFactorAction, request("/login/second-factor", halfway, { intent: "code", code: recoveryCodes[0]! }))).status).toBe(400);
    expect((await call(secondFactorAction, request("/login/second-factor", halfway, { intent: "code", code: replaced.data.recoveryCodes[0]! }))).location).toBe(
      "/iro",
    );
  });

  it("is reset by an administrator: every session ends, and the next sign-in sets a factor up again", async () => {
    const { user, cookie } = await staffWithAuthenticator();
    const admin = await withSession(await createUser({ roles: ["ADMIN"] }));
    const path = `/admin/users/${user.id}`;
    const reset = await call(adminAccountAction, request(path, admin, { intent: "reset-second-factor" }), { userId: user.id });
    expect(reset.location).toBe(`${path}?done=second-factor-reset`);
    expect(await getSessionUser(requestWithCookie(cookie))).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await signInWithPassword(user)).location).toBe("/login/set-up-second-factor?redirectTo=%2Firo");
    const [row] = await db.auditLog.findMany({ where: { objectId: user.id, action: "user.second_factor_reset" } });
    expect(row).toMatchObject({ actorId: admin.id });
    // Not one's own: that is managed on one's account page.
    const own = await call(adminAccountAction, request(`/admin/users/${admin.id}`, admin, { intent: "reset-second-factor" }), { userId: admin.id });
    expect(own.status).toBe(400);
  });
});
