import { describe, expect, it } from "vitest";
import * as accountRoute from "~/routes/account";
import * as invitationRoute from "~/routes/auth/invitation";
import * as resetPasswordRoute from "~/routes/auth/reset-password";
import * as signUpRoute from "~/routes/auth/signup";
import { requestPasswordReset } from "~/server/auth/request-password-reset.server";
import { verifyPassword } from "~/server/auth/password.server";
import { db } from "~/server/db.server";
import { inviteUser } from "~/server/users/invite-user.server";
import { actorFor, createUser, latestEmailTo, PASSWORD, tokenFromEmail, uniqueEmail } from "#tests/support/factories";
import { call, request, withSession, type RouteFunction } from "#tests/support/routes";

/** Today's forms took both: twelve characters, but one repeated, or straight off every breached list. */
const WEAK = ["aaaaaaaaaaaa", "password1234"];
const BREACHED = "This password is on a list of common or breached passwords. Choose another one.";
const GUESSABLE = "This password is too easy to guess. Use a few unrelated words, or mix in more characters.";
const MESSAGES = { aaaaaaaaaaaa: GUESSABLE, password1234: BREACHED } as Record<string, string>;
const STRONG = "violet kettle under nine bridges";

const post = (route: { action: unknown }, path: string, who: { cookie: string } | null, form: Record<string, string>) =>
  call(route.action as RouteFunction, request(path, who, form));

async function passwordStillWorks(userId: string, password: string): Promise<boolean> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  return verifyPassword(user.passwordHash!, password);
}

describe("every form that sets a password refuses one that is common, breached or guessable", () => {
  it("sign-up: next to the password field, and no account is made", async () => {
    for (const weak of WEAK) {
      const email = uniqueEmail("weak");
      const answer = await post(signUpRoute, "/signup", null, { name: "Pat Weak", email, password: weak, confirmPassword: weak });
      expect(answer.status, weak).toBe(400);
      expect(answer.data.fieldErrors, weak).toEqual({ password: MESSAGES[weak] });
      expect(answer.data.values).toMatchObject({ email, name: "Pat Weak" });
      expect(answer.data.values).not.toHaveProperty("password");
      expect(await db.user.count({ where: { email } })).toBe(0);
    }
    const email = uniqueEmail("strong");
    const fine = await post(signUpRoute, "/signup", null, { name: "Pat Strong", email, password: STRONG, confirmPassword: STRONG });
    expect(fine).toMatchObject({ status: 302, location: "/signup?sent=1" });
  });

  it("sign-up: one built from the person's own name or address", async () => {
    const email = uniqueEmail("kowalczyk");
    const password = "Kowalczyk family 1990!";
    const answer = await post(signUpRoute, "/signup", null, { name: "Ada Kowalczyk", email, password, confirmPassword: password });
    expect(answer.data.fieldErrors).toEqual({ password: "Do not use your name or email address in your password." });
  });

  it("a reset link: the password stays as it was and the link still works", async () => {
    const user = await createUser();
    await requestPasswordReset(user.email, actorFor(null));
    const token = tokenFromEmail(await latestEmailTo(user.email, "password-reset"));
    for (const weak of WEAK) {
      const answer = await post(resetPasswordRoute, "/reset-password", null, { token, password: weak, confirmPassword: weak });
      expect(answer.status, weak).toBe(400);
      expect(answer.data.fieldErrors, weak).toEqual({ password: MESSAGES[weak] });
    }
    expect(await passwordStillWorks(user.id, PASSWORD)).toBe(true);
    const fine = await post(resetPasswordRoute, "/reset-password", null, { token, password: STRONG, confirmPassword: STRONG });
    expect(fine).toMatchObject({ status: 302, location: "/login?notice=password-set" });
    expect(await passwordStillWorks(user.id, STRONG)).toBe(true);
  });

  it("an invitation link: no password is set and the invitation still works", async () => {
    const admin = await createUser({ roles: ["ADMIN"] });
    const email = uniqueEmail("invited");
    const { userId } = await inviteUser({ name: "New Staff", email, roles: ["COORDINATOR"] }, actorFor(admin));
    const token = tokenFromEmail(await latestEmailTo(email, "invitation"));
    for (const weak of WEAK) {
      const answer = await post(invitationRoute, "/invitation", null, { token, password: weak, confirmPassword: weak });
      expect(answer.status, weak).toBe(400);
      expect(answer.data.fieldErrors, weak).toEqual({ password: MESSAGES[weak] });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash).toBeNull();
    const fine = await post(invitationRoute, "/invitation", null, { token, password: STRONG, confirmPassword: STRONG });
    expect(fine).toMatchObject({ status: 302, location: "/login?notice=password-set" });
  });

  it("a change on the account page: the current password stays", async () => {
    const user = await withSession(await createUser({ roles: ["REVIEWER"] }));
    for (const weak of WEAK) {
      const answer = await post(accountRoute, "/account", user, {
        intent: "change-password",
        currentPassword: PASSWORD,
        password: weak,
        confirmPassword: weak,
      });
      expect(answer.status, weak).toBe(400);
      expect(answer.data.fieldErrors, weak).toEqual({ password: MESSAGES[weak] });
    }
    expect(await passwordStillWorks(user.id, PASSWORD)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "auth.password_changed", objectId: user.id } })).toBe(0);
  });
});
