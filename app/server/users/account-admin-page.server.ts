import type { Role } from "~/domain/roles";
import { listPlans } from "../admin/admin-overview.server";
import { db } from "../db.server";
import { notFound } from "../errors.server";

/** Open sessions listed on the page: a person has a handful; this bounds a runaway script's. */
const MAX_SESSIONS_SHOWN = 50;

/** An account as an administrator sees it: its state, roles, open sessions and the API keys it made. */
export async function accountAdminPage(userId: string, at: Date) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      roles: true,
      planId: true,
      plan: { select: { name: true } },
      emailVerifiedAt: true,
      lockedUntil: true,
      disabledAt: true,
      disabledReason: true,
      passwordHash: true,
      createdAt: true,
      totpEnabledAt: true,
      _count: { select: { assignments: { where: { status: { in: ["OFFERED", "ACCEPTED"] } } }, passkeys: true } },
    },
  });
  if (!user) throw notFound("This account");
  const [sessions, apiKeys, plans] = await Promise.all([
    db.session.findMany({
      where: { userId, revokedAt: null, expiresAt: { gt: at } },
      select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
      orderBy: { lastSeenAt: "desc" },
      take: MAX_SESSIONS_SHOWN,
    }),
    db.apiKey.findMany({
      where: { createdById: userId, revokedAt: null },
      select: { id: true, name: true, prefix: true, plan: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
    }),
    listPlans(),
  ]);
  const { passwordHash, totpEnabledAt, _count, ...account } = user;
  return {
    account: {
      ...account,
      roles: account.roles as Role[],
      locked: account.lockedUntil !== null && account.lockedUntil > at,
      hasPassword: passwordHash !== null,
      openAssignments: _count.assignments,
      hasSecondFactor: totpEnabledAt !== null || _count.passkeys > 0,
    },
    sessions,
    apiKeys,
    plans,
  };
}
export type AccountAdminPage = Awaited<ReturnType<typeof accountAdminPage>>;
