/**
 * An administrator's control over an account: deactivate and reactivate it,
 * change its roles, end its sessions, force a password reset. Each is one
 * transaction with its audit row; the rule of what may change is
 * `accountChangeRefusal` (app/domain/account-control.ts).
 */
import { accountChangeRefusal, type AccountChange, type AccountFacts } from "~/domain/account-control";
import { ROLES, type Role } from "~/domain/roles";
import type { ChangeRolesInput } from "~/schemas/account-control";
import { audit } from "../audit.server";
import { issueToken } from "../auth/tokens.server";
import { config } from "../config.server";
import { db, type Tx } from "../db.server";
import { AppError, notFound } from "../errors.server";
import { queueEmail } from "../outbox.server";
import type { Actor } from "../request-context.server";
import { noticeLocale } from "~/i18n/locales";

/** Who acts on which account, and when. */
export interface AccountAction {
  adminId: string;
  actor: Actor;
  userId: string;
  at: Date;
}

/** The account as the rule needs it, locked for the transaction so two administrators' changes queue. */
async function accountFacts(tx: Tx, userId: string): Promise<AccountFacts & { email: string; name: string; language: string }> {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
  if (!locked) throw notFound("This account");
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      language: true,
      roles: true,
      disabledAt: true,
      totpEnabledAt: true,
      _count: { select: { assignments: { where: { status: { in: ["OFFERED", "ACCEPTED"] } } }, passkeys: true } },
    },
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    language: user.language,
    roles: user.roles as Role[],
    disabled: user.disabledAt !== null,
    openAssignments: user._count.assignments,
    hasSecondFactor: user.totpEnabledAt !== null || user._count.passkeys > 0,
  };
}

/** The account, after refusing a change the rule does not allow (by its field, when it names one). */
async function allowedChange(tx: Tx, action: AccountAction, change: AccountChange) {
  const account = await accountFacts(tx, action.userId);
  const refusal = accountChangeRefusal(action.adminId, account, change);
  if (refusal) throw new AppError("BAD_REQUEST", refusal.message, refusal.field ? { field: refusal.field } : undefined);
  return account;
}

const endSessions = (tx: Tx, userId: string, at: Date) => tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } });

/**
 * The person is signed out everywhere at once, cannot sign in, and the API
 * keys they made stop acting (a key acts only while its maker's account is
 * active: `apiClientFor`).
 */
export async function deactivateAccount(action: AccountAction, reason: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await allowedChange(tx, action, { kind: "deactivate" });
    await tx.user.update({ where: { id: action.userId }, data: { disabledAt: action.at, disabledReason: reason } });
    const sessions = await endSessions(tx, action.userId, action.at);
    const apiKeysStopped = await tx.apiKey.count({ where: { createdById: action.userId, revokedAt: null } });
    await audit(
      action.actor,
      { action: "user.deactivated", objectType: "User", objectId: action.userId, detail: { reason, sessionsEnded: sessions.count, apiKeysStopped } },
      tx,
    );
  });
}

/** The person may sign in again (a lock from failed attempts is lifted too), and the keys they made act again. */
export async function reactivateAccount(action: AccountAction, reason: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await allowedChange(tx, action, { kind: "reactivate" });
    await tx.user.update({
      where: { id: action.userId },
      data: { disabledAt: null, disabledReason: null, failedLoginCount: 0, lockedUntil: null },
    });
    await audit(action.actor, { action: "user.reactivated", objectType: "User", objectId: action.userId, detail: { reason } }, tx);
  });
}

/** New staff roles (an applicant's own role stays). Sessions read the roles on every request, so the change holds from the next one. */
export async function changeAccountRoles(action: AccountAction, input: ChangeRolesInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await accountFacts(tx, action.userId);
    const chosen = new Set<Role>([...input.roles, ...(before.roles.includes("APPLICANT") ? (["APPLICANT"] as const) : [])]);
    const roles = ROLES.filter((role) => chosen.has(role));
    await allowedChange(tx, action, { kind: "change-roles", roles, planId: input.planId });
    if (input.planId) {
      const plan = await tx.healthPlan.findUnique({ where: { id: input.planId }, select: { id: true } });
      if (!plan) throw new AppError("BAD_REQUEST", "Choose one of the health plans listed.", { field: "planId" });
    }
    await tx.user.update({ where: { id: action.userId }, data: { roles, planId: input.planId } });
    await audit(
      action.actor,
      { action: "user.roles_changed", objectType: "User", objectId: action.userId, detail: { from: before.roles, to: roles, planId: input.planId } },
      tx,
    );
  });
}

/** Ends one of the account's sessions: that browser is signed out at its next request. */
export async function endAccountSession(action: AccountAction, sessionId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const ended = await tx.session.updateMany({ where: { id: sessionId, userId: action.userId, revokedAt: null }, data: { revokedAt: action.at } });
    if (ended.count === 0) throw notFound("This session");
    await audit(action.actor, { action: "user.session_ended", objectType: "User", objectId: action.userId, detail: { sessionId } }, tx);
  });
}

/** Ends every session of the account. */
export async function endAccountSessions(action: AccountAction): Promise<number> {
  return db.$transaction(async (tx) => {
    await accountFacts(tx, action.userId);
    const ended = await endSessions(tx, action.userId, action.at);
    await audit(action.actor, { action: "user.sessions_ended", objectType: "User", objectId: action.userId, detail: { count: ended.count } }, tx);
    return ended.count;
  });
}

/**
 * The password stops working at once (it is cleared, and every session
 * ends); the person sets a new one from the emailed link, as after "Forgot
 * your password?".
 */
export async function forcePasswordReset(action: AccountAction): Promise<void> {
  await db.$transaction(async (tx) => {
    const account = await allowedChange(tx, action, { kind: "force-password-reset" });
    await tx.user.update({ where: { id: action.userId }, data: { passwordHash: null } });
    const sessions = await endSessions(tx, action.userId, action.at);
    const token = await issueToken(tx, action.userId, "PASSWORD_RESET");
    await queueEmail(tx, {
      template: "password-reset",
      to: account.email,
      locale: noticeLocale(account.language),
      props: { organizationName: config().organizationName, name: account.name, link: `${config().appUrl}/reset-password?token=${token}` },
    });
    await audit(
      action.actor,
      { action: "user.password_reset_forced", objectType: "User", objectId: action.userId, detail: { sessionsEnded: sessions.count } },
      tx,
    );
  });
}

/**
 * Clears the person's second factors (a lost phone and lost recovery codes):
 * every session ends, and their next sign-in sets one up again.
 */
export async function resetSecondFactor(action: AccountAction): Promise<void> {
  await db.$transaction(async (tx) => {
    await allowedChange(tx, action, { kind: "reset-second-factor" });
    await tx.user.update({ where: { id: action.userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    const passkeys = await tx.passkey.deleteMany({ where: { userId: action.userId } });
    await tx.recoveryCode.deleteMany({ where: { userId: action.userId } });
    const sessions = await endSessions(tx, action.userId, action.at);
    await audit(
      action.actor,
      {
        action: "user.second_factor_reset",
        objectType: "User",
        objectId: action.userId,
        detail: { passkeysRemoved: passkeys.count, sessionsEnded: sessions.count },
      },
      tx,
    );
  });
}
