import { db } from "../db.server";
import { audit } from "../audit.server";
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
