import { db } from "../db.server";
import { audit } from "../audit.server";
import { hitRateLimit, peekRateLimit } from "../rate-limit.server";
import type { Actor } from "../request-context.server";
import { verifyPassword } from "./password.server";
import { issueToken } from "./tokens.server";
import { queueEmail } from "../outbox.server";
import { config } from "../config.server";
import type { LoginInput } from "~/schemas/auth";

export const MAX_FAILED_LOGINS = 10;
export const LOCK_MS = 15 * 60_000;
export const NETWORK_WINDOW_SECONDS = 15 * 60;

export type LoginResult =
  { ok: true; userId: string; roles: string[] } | { ok: false; reason: "invalid" | "locked" | "rate-limited" | "unverified"; retryAfterSeconds?: number };

/**
 * Checks an email and password. An unknown email and a wrong password answer
 * alike, and take as long; ten failures lock the account for 15 minutes.
 */
export async function logIn(input: LoginInput, actor: Actor): Promise<LoginResult> {
  // A network's allowance is of failed attempts: a whole office behind one address signs in at the start of a shift.
  const networkKey = `login:${actor.ip ?? "unknown"}`;
  const countFailure = () => hitRateLimit(networkKey, config().loginAttemptsPerNetwork, NETWORK_WINDOW_SECONDS);
  const limit = await peekRateLimit(networkKey, config().loginAttemptsPerNetwork, NETWORK_WINDOW_SECONDS);
  if (!limit.allowed) {
    // Once per wait and app server: a flood of refused attempts writes nothing more.
    if (!limit.repeated) await audit(actor, { action: "auth.login.rate_limited", detail: { email: input.email } });
    return { ok: false, reason: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  }
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: {
      id: true,
      email: true,
      name: true,
      roles: true,
      passwordHash: true,
      emailVerifiedAt: true,
      lockedUntil: true,
      failedLoginCount: true,
      disabledAt: true,
    },
  });
  const failureActor = { ...actor, userId: user?.id ?? null, email: input.email };
  if (user?.lockedUntil && user.lockedUntil > new Date()) {
    await countFailure();
    await audit(failureActor, { action: "auth.login.failed", objectType: "User", objectId: user.id, detail: { reason: "locked" } });
    return { ok: false, reason: "locked", retryAfterSeconds: Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000) };
  }
  const passwordMatches = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !passwordMatches || user.disabledAt) {
    await countFailure();
    if (user) {
      const failures = user.failedLoginCount + 1;
      const locks = failures >= MAX_FAILED_LOGINS;
      await db.user.update({
        where: { id: user.id },
        data: locks ? { failedLoginCount: 0, lockedUntil: new Date(Date.now() + LOCK_MS) } : { failedLoginCount: failures },
      });
      await audit(failureActor, {
        action: locks ? "auth.account.locked" : "auth.login.failed",
        objectType: "User",
        objectId: user.id,
        detail: { reason: user.disabledAt ? "disabled" : "wrong-password", failures },
      });
      if (locks) return { ok: false, reason: "locked", retryAfterSeconds: LOCK_MS / 1000 };
    } else {
      await audit(failureActor, { action: "auth.login.failed", detail: { reason: "unknown-email" } });
      // Unknown addresses "lock" too, so the locked answer does not reveal
      // which emails have an account.
      const unknown = await hitRateLimit(`login-unknown:${input.email}`, MAX_FAILED_LOGINS - 1, LOCK_MS / 1000);
      if (!unknown.allowed) return { ok: false, reason: "locked", retryAfterSeconds: unknown.retryAfterSeconds };
    }
    return { ok: false, reason: "invalid" };
  }
  if (!user.emailVerifiedAt) {
    // The password was right, so saying this reveals nothing new; send a fresh link.
    await db.$transaction(async (tx) => {
      const token = await issueToken(tx, user.id, "EMAIL_VERIFICATION");
      await queueEmail(tx, {
        template: "verify-email",
        to: user.email,
        props: { organizationName: config().organizationName, name: user.name, link: `${config().appUrl}/verify-email?token=${token}` },
      });
    });
    await audit(failureActor, { action: "auth.login.failed", objectType: "User", objectId: user.id, detail: { reason: "unverified" } });
    return { ok: false, reason: "unverified" };
  }
  await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
  await audit({ ...actor, userId: user.id, email: user.email }, { action: "auth.login", objectType: "User", objectId: user.id });
  return { ok: true, userId: user.id, roles: user.roles };
}
