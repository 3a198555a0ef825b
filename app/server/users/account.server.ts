import type { ChangePasswordInput } from "~/schemas/auth";
import { hashPassword, verifyPassword } from "../auth/password.server";
import { assertStrongPassword } from "../auth/password-strength.server";
import { db } from "../db.server";
import { audit } from "../audit.server";
import { AppError } from "../errors.server";
import type { Actor } from "../request-context.server";
import { revokeAllSessions, type SessionUser } from "../session.server";

/** The account page: who you are and where you are signed in. */
export async function accountOverview(user: SessionUser) {
  const sessions = await db.session.findMany({
    where: { userId: user.id, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
    orderBy: { lastSeenAt: "desc" },
    take: 50,
  });
  return { name: user.name, email: user.email, roles: user.roles, sessions, currentSessionId: user.sessionId };
}

/** Ends every session of this person, this browser's included. */
export async function signOutEverywhere(user: SessionUser, actor: Actor): Promise<number> {
  const count = await revokeAllSessions(user.id);
  await audit(actor, { action: "auth.sessions.revoked_all", objectType: "User", objectId: user.id, detail: { count } });
  return count;
}

/**
 * A new password for the signed-in person, given the current one. Every other
 * session ends (someone who knew the old password is signed out); this one
 * stays. A wrong current password is a refusal by its field, and counts as a
 * failed sign-in would not: it is audited.
 */
export async function changePassword(user: SessionUser, input: Pick<ChangePasswordInput, "currentPassword" | "password">, actor: Actor): Promise<void> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    await audit(actor, { action: "auth.password_change.refused", objectType: "User", objectId: user.id });
    throw new AppError("BAD_REQUEST", "That is not your current password.", { field: "currentPassword" });
  }
  await assertStrongPassword(input.password, user);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const ended = await tx.session.updateMany({ where: { userId: user.id, revokedAt: null, id: { not: user.sessionId } }, data: { revokedAt: new Date() } });
    await audit(actor, { action: "auth.password_changed", objectType: "User", objectId: user.id, detail: { otherSessionsEnded: ended.count } }, tx);
  });
}
