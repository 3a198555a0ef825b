import { describe, expect, it, onTestFinished, vi } from "vitest";
import { logIn } from "~/server/auth/log-in.server";
import { requestPasswordReset } from "~/server/auth/request-password-reset.server";
import { setPasswordFromLink } from "~/server/auth/set-password-from-link.server";
import { signUp } from "~/server/auth/sign-up.server";
import { verifyEmail } from "~/server/auth/verify-email.server";
import { db } from "~/server/db.server";
import { AppError } from "~/server/errors.server";
import { getSessionUser, startSession } from "~/server/session.server";
import { inviteUser } from "~/server/users/invite-user.server";
import { call, request } from "#tests/support/routes";
import * as verifyEmailPage from "~/routes/auth/verify-email";
import { PASSWORD, actorFor, createPlan, createUser, latestEmailTo, requestWithCookie, tokenFromEmail, uniqueEmail, uniqueIp } from "#tests/support/factories";

const NEW_PASSWORD = "a brand new passphrase 42";
const anonymous = (ip = uniqueIp()) => actorFor(null, ip);
const auditRows = (where: { action?: string; actorEmail?: string; objectId?: string }) => db.auditLog.findMany({ where, orderBy: { id: "asc" } });

describe("logging in", () => {
  it("succeeds with the right password and records it in the audit log", async () => {
    const user = await createUser({ roles: ["APPLICANT"] });
    const ip = uniqueIp();
    const result = await logIn({ email: user.email, password: PASSWORD }, anonymous(ip));
    expect(result).toEqual({ ok: true, userId: user.id, roles: ["APPLICANT"], stage: "SIGNED_IN" });
    const rows = await auditRows({ action: "auth.login", objectId: user.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: user.id, actorEmail: user.email, ip, objectType: "User" });
  });

  it("sends staff on to their second factor, and records only the password step", async () => {
    const user = await createUser({ roles: ["COORDINATOR"] });
    expect(await logIn({ email: user.email, password: PASSWORD }, anonymous())).toEqual({
      ok: true,
      userId: user.id,
      roles: ["COORDINATOR"],
      stage: "ENROLMENT",
    });
    expect(await auditRows({ action: "auth.login", objectId: user.id })).toHaveLength(0);
    expect(await auditRows({ action: "auth.login.password_passed", objectId: user.id })).toHaveLength(1);
  });

  it("answers an unknown email exactly like a wrong password, and logs both failures", async () => {
    const user = await createUser();
    const unknownEmail = uniqueEmail("nobody");
    const unknown = await logIn({ email: unknownEmail, password: PASSWORD }, anonymous());
    const wrong = await logIn({ email: user.email, password: "not the password" }, anonymous());
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual(unknown);

    const [unknownRow] = await auditRows({ action: "auth.login.failed", actorEmail: unknownEmail });
    expect(unknownRow?.detail).toMatchObject({ reason: "unknown-email" });
    const [wrongRow] = await auditRows({ action: "auth.login.failed", objectId: user.id });
    expect(wrongRow).toMatchObject({ actorEmail: user.email });
    expect(wrongRow?.detail).toMatchObject({ reason: "wrong-password", failures: 1 });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(1);
  });

  it("locks the account after ten wrong passwords, even against the right one", async () => {
    const user = await createUser();
    for (let attempt = 1; attempt <= 9; attempt++) {
      expect(await logIn({ email: user.email, password: `wrong ${attempt}` }, anonymous())).toEqual({ ok: false, reason: "invalid" });
    }
    const tenth = await logIn({ email: user.email, password: "wrong 10" }, anonymous());
    expect(tenth).toMatchObject({ ok: false, reason: "locked" });
    const eleventh = await logIn({ email: user.email, password: PASSWORD }, anonymous());
    expect(eleventh).toMatchObject({ ok: false, reason: "locked" });
    if (!eleventh.ok) expect(eleventh.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(await auditRows({ action: "auth.account.locked", objectId: user.id })).toHaveLength(1);
    expect(await auditRows({ action: "auth.login", objectId: user.id })).toHaveLength(0);
  });

  it("answers an unknown email with the same lock after ten tries, so the lock reveals no account", async () => {
    const email = `nobody-${Date.now()}@example.com`;
    for (let attempt = 1; attempt <= 9; attempt++) {
      expect(await logIn({ email, password: `wrong ${attempt}` }, anonymous())).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await logIn({ email, password: "wrong 10" }, anonymous())).toMatchObject({ ok: false, reason: "locked" });
  });

  it("lets the person in again once the lock has expired", async () => {
    const user = await createUser();
    for (let attempt = 1; attempt <= 10; attempt++) await logIn({ email: user.email, password: "wrong" }, anonymous());
    expect(await logIn({ email: user.email, password: PASSWORD }, anonymous())).toMatchObject({ reason: "locked" });
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await logIn({ email: user.email, password: PASSWORD }, anonymous())).toMatchObject({ ok: true, userId: user.id });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  it("refuses the 31st attempt from one address in the window, even with the right password", async () => {
    const user = await createUser();
    const ip = uniqueIp();
    // The clock stands still, so no attempt is refilled while the test runs.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    onTestFinished(() => void vi.useRealTimers());
    for (let attempt = 1; attempt <= 30; attempt++) {
      const result = await logIn({ email: uniqueEmail("guess"), password: "guess" }, anonymous(ip));
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    const blocked = await logIn({ email: user.email, password: PASSWORD }, anonymous(ip));
    expect(blocked).toMatchObject({ ok: false, reason: "rate-limited" });
    if (!blocked.ok) expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    // Refused again: audited once for the wait.
    expect(await logIn({ email: user.email, password: PASSWORD }, anonymous(ip))).toMatchObject({ ok: false, reason: "rate-limited" });
    expect(await db.auditLog.count({ where: { action: "auth.login.rate_limited", ip } })).toBe(1);
    // Another address is not affected.
    expect(await logIn({ email: user.email, password: PASSWORD }, anonymous())).toMatchObject({ ok: true });
  });

  it("lets an office behind one address sign in as often as it needs: only failed attempts count against the address", async () => {
    const ip = uniqueIp();
    const staff = await Promise.all(Array.from({ length: 5 }, () => createUser()));
    // Forty sign-ins in a row, well past the 30 attempts an address may get wrong.
    for (let round = 0; round < 8; round++) {
      for (const person of staff) expect(await logIn({ email: person.email, password: PASSWORD }, anonymous(ip))).toMatchObject({ ok: true });
    }
    expect(await db.auditLog.count({ where: { action: "auth.login.rate_limited", ip } })).toBe(0);
  });

  it("tells an unverified applicant with the right password to confirm, and sends a fresh link", async () => {
    const user = await createUser({ verified: false });
    expect(await latestEmailTo(user.email, "verify-email")).toBeNull();
    expect(await logIn({ email: user.email, password: PASSWORD }, anonymous())).toEqual({ ok: false, reason: "unverified" });
    const email = await latestEmailTo(user.email, "verify-email");
    expect(email).not.toBeNull();
    expect(await verifyEmail(tokenFromEmail(email), anonymous())).toMatchObject({ userId: user.id });
    expect(await logIn({ email: user.email, password: PASSWORD }, anonymous())).toMatchObject({ ok: true });
  });

  it("does not let a wrong password learn whether the account is unverified", async () => {
    const user = await createUser({ verified: false });
    expect(await logIn({ email: user.email, password: "wrong" }, anonymous())).toEqual({ ok: false, reason: "invalid" });
    expect(await latestEmailTo(user.email, "verify-email")).toBeNull();
  });
});

describe("signing up", () => {
  const input = (email: string, password = PASSWORD) => ({ name: "Pat Applicant", email, password, confirmPassword: password, language: "en" as const });

  it("creates an unverified applicant with an argon2id hash and emails a confirmation link", async () => {
    const email = uniqueEmail("signup");
    await signUp(input(email), anonymous());
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.roles).toEqual(["APPLICANT"]);
    expect(user.emailVerifiedAt).toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    const message = await latestEmailTo(email, "verify-email");
    expect((message?.props as { link: string }).link).toMatch(/^http:\/\/portal\.test\/verify-email\?token=[\w-]{20,}$/);
    // The token itself is not stored, only its hash.
    const token = tokenFromEmail(message);
    expect(await db.userToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(await auditRows({ action: "auth.signup", objectId: user.id })).toHaveLength(1);
    expect(await logIn({ email, password: PASSWORD }, anonymous())).toEqual({ ok: false, reason: "unverified" });
  });

  it("creates nothing new for an email that already has an account", async () => {
    const existing = await createUser();
    const before = { users: await db.user.count(), emails: await db.outboxMessage.count() };
    await signUp(input(existing.email, "someone else's password"), anonymous());
    expect(await db.user.count()).toBe(before.users);
    expect(await db.outboxMessage.count()).toBe(before.emails);
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).passwordHash).toBe(existing.passwordHash);
    expect(await logIn({ email: existing.email, password: "someone else's password" }, anonymous())).toMatchObject({ reason: "invalid" });
  });

  it("cannot be used to send mail at will: 10 sign-ups an hour from one network, 3 for one address", async () => {
    const ip = uniqueIp();
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await signUp(input(uniqueEmail("many")), anonymous(ip)));
    expect(answers.slice(0, 10).every((answer) => answer.ok)).toBe(true);
    expect(answers[10]).toMatchObject({ ok: false });
    expect(await db.auditLog.count({ where: { action: "auth.signup.rate_limited", ip } })).toBe(1);

    const target = uniqueEmail("target");
    const forOne = [];
    for (let i = 0; i < 4; i++) forOne.push(await signUp(input(target), anonymous()));
    expect(forOne.map((answer) => answer.ok)).toEqual([true, true, true, false]);
    // One account, one confirmation: the repeats found it there.
    expect(await db.outboxMessage.count({ where: { toAddress: target } })).toBe(1);
  });

  it("confirms the email from the link once; the second use is refused", async () => {
    const email = uniqueEmail("verify");
    await signUp(input(email), anonymous());
    const token = tokenFromEmail(await latestEmailTo(email, "verify-email"));
    const first = await verifyEmail(token, anonymous());
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(first).toEqual({ userId: user.id, roles: ["APPLICANT"], stage: "SIGNED_IN" });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await verifyEmail(token, anonymous())).toBeNull();
    expect(await verifyEmail("not-a-real-token", anonymous())).toBeNull();
    expect(await logIn({ email, password: PASSWORD }, anonymous())).toMatchObject({ ok: true, userId: user.id });
  });

  it("signs the applicant in from the confirmation page, to their requests", async () => {
    const email = uniqueEmail("verify-in");
    await signUp(input(email), anonymous());
    const token = tokenFromEmail(await latestEmailTo(email, "verify-email"));
    const answer = await call(verifyEmailPage.action, request("/verify-email", null, { token }));
    expect(answer.location).toBe("/requests?notice=email-verified");
    const cookie = answer.headers.get("Set-Cookie");
    expect(cookie).not.toBeNull();
    expect(await getSessionUser(requestWithCookie(cookie))).toMatchObject({ email });
    const audited = await db.auditLog.findFirstOrThrow({ where: { action: "auth.email.verified", actorEmail: email } });
    expect(audited.detail).toEqual({ next: "SIGNED_IN" });
    // Used once: the same link again signs nobody in.
    const again = await call<{ failed?: boolean }>(verifyEmailPage.action, request("/verify-email", null, { token }));
    expect(again.data.failed).toBe(true);
    expect(again.headers.get("Set-Cookie")).toBeNull();
  });
});

describe("resetting a password", () => {
  it("answers ok for an unknown email without queuing any email", async () => {
    const before = await db.outboxMessage.count();
    expect(await requestPasswordReset(uniqueEmail("ghost"), anonymous())).toEqual({ ok: true });
    expect(await db.outboxMessage.count()).toBe(before);
  });

  it("changes the password from the emailed link, ends every session, and the link works once", async () => {
    const user = await createUser();
    const cookie = await startSession(user.id, requestWithCookie(null));
    expect(await getSessionUser(requestWithCookie(cookie))).not.toBeNull();

    expect(await requestPasswordReset(user.email, anonymous())).toEqual({ ok: true });
    const message = await latestEmailTo(user.email, "password-reset");
    expect(message).not.toBeNull();
    const token = tokenFromEmail(message);

    expect(await setPasswordFromLink("PASSWORD_RESET", token, NEW_PASSWORD, anonymous())).toEqual({ userId: user.id });
    expect(await getSessionUser(requestWithCookie(cookie))).toBeNull();
    expect(await logIn({ email: user.email, password: NEW_PASSWORD }, anonymous())).toMatchObject({ ok: true });
    expect(await logIn({ email: user.email, password: PASSWORD }, anonymous())).toEqual({ ok: false, reason: "invalid" });

    expect(await setPasswordFromLink("PASSWORD_RESET", token, "yet another passphrase", anonymous())).toBeNull();
    expect(await logIn({ email: user.email, password: NEW_PASSWORD }, anonymous())).toMatchObject({ ok: true });
    expect(await auditRows({ action: "auth.password_reset.completed", objectId: user.id })).toHaveLength(1);
  });

  it("refuses an expired link and leaves the password as it was", async () => {
    const user = await createUser();
    await requestPasswordReset(user.email, anonymous());
    const token = tokenFromEmail(await latestEmailTo(user.email, "password-reset"));
    await db.userToken.updateMany({ where: { userId: user.id, kind: "PASSWORD_RESET" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await setPasswordFromLink("PASSWORD_RESET", token, NEW_PASSWORD, anonymous())).toBeNull();
    expect(await logIn({ email: user.email, password: PASSWORD }, anonymous())).toMatchObject({ ok: true });
  });

  it("stops an earlier link working once a newer one is sent, and never accepts it as an invitation", async () => {
    const user = await createUser();
    await requestPasswordReset(user.email, anonymous());
    const older = tokenFromEmail(await latestEmailTo(user.email, "password-reset"));
    expect(await setPasswordFromLink("INVITATION", older, NEW_PASSWORD, anonymous())).toBeNull();
    await requestPasswordReset(user.email, anonymous());
    const newer = tokenFromEmail(await latestEmailTo(user.email, "password-reset"));
    expect(newer).not.toBe(older);
    expect(await setPasswordFromLink("PASSWORD_RESET", older, NEW_PASSWORD, anonymous())).toBeNull();
    expect(await setPasswordFromLink("PASSWORD_RESET", newer, NEW_PASSWORD, anonymous())).toEqual({ userId: user.id });
  });
});

describe("invitations", () => {
  it("create an account with the chosen roles and email a link to set a password", async () => {
    const admin = await createUser({ roles: ["ADMIN"] });
    const email = uniqueEmail("invited");
    const { userId } = await inviteUser({ name: "Dr. Rev", email, roles: ["REVIEWER", "COORDINATOR"] }, actorFor(admin));
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email, roles: ["REVIEWER", "COORDINATOR"], passwordHash: null, emailVerifiedAt: null, planId: null });
    const message = await latestEmailTo(email, "invitation");
    expect(message?.props).toMatchObject({ roleNames: "Physician reviewer, Review coordinator" });
    expect((message?.props as { link: string }).link).toMatch(/^http:\/\/portal\.test\/invitation\?token=/);
    expect(await auditRows({ action: "user.invited", objectId: userId })).toMatchObject([{ actorId: admin.id }]);
    // Until the invitation is accepted, nobody can log in to the account.
    expect(await logIn({ email, password: PASSWORD }, anonymous())).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuse an email that already has an account, pointing at the email field", async () => {
    const admin = await createUser({ roles: ["ADMIN"] });
    const existing = await createUser();
    const before = await db.outboxMessage.count();
    const error = await inviteUser({ name: "Again", email: existing.email, roles: ["COORDINATOR"] }, actorFor(admin)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "CONFLICT", detail: { field: "email" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).roles).toEqual(["APPLICANT"]);
    expect(await db.outboxMessage.count()).toBe(before);
  });

  it("refuse a plan user without an existing plan, and tie one with a plan to it", async () => {
    const admin = await createUser({ roles: ["ADMIN"] });
    const missing = inviteUser({ name: "P", email: uniqueEmail("plan"), roles: ["PLAN"], planId: crypto.randomUUID() }, actorFor(admin));
    await expect(missing).rejects.toMatchObject({ code: "BAD_REQUEST", detail: { field: "planId" } });
    const plan = await createPlan();
    const { userId } = await inviteUser({ name: "P", email: uniqueEmail("plan"), roles: ["PLAN"], planId: plan.id }, actorFor(admin));
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).planId).toBe(plan.id);
  });

  it("once accepted, set the password and confirm the email", async () => {
    const admin = await createUser({ roles: ["ADMIN"] });
    const email = uniqueEmail("accept");
    const { userId } = await inviteUser({ name: "New Staff", email, roles: ["COORDINATOR"] }, actorFor(admin));
    const token = tokenFromEmail(await latestEmailTo(email, "invitation"));
    expect(await setPasswordFromLink("PASSWORD_RESET", token, NEW_PASSWORD, anonymous())).toBeNull();
    expect(await setPasswordFromLink("INVITATION", token, NEW_PASSWORD, anonymous())).toEqual({ userId });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.emailVerifiedAt).not.toBeNull();
    // Staff then set up a second factor before anything opens.
    expect(await logIn({ email, password: NEW_PASSWORD }, anonymous())).toEqual({ ok: true, userId, roles: ["COORDINATOR"], stage: "ENROLMENT" });
    expect(await setPasswordFromLink("INVITATION", token, "another passphrase 99", anonymous())).toBeNull();
  });
});
