import { db } from "../db.server";
import { audit } from "../audit.server";
import { hitRateLimit, peekRateLimit } from "../rate-limit.server";
import type { Actor } from "../request-context.server";
import { verifyPassword } from "./password.server";
import { issueToken } from "./tokens.server";
import { queueEmail } from "../outbox.server";
import { config } from "../config.server";
import type { TFunction } from "i18next";
import { translateMessage, translator } from "~/i18n/i18n";
import { DEFAULT_LOCALE, noticeLocale } from "~/i18n/locales";
import type { LoginInput } from "~/schemas/auth";
import type { Role } from "~/domain/roles";
import { stageAfterPassword, type SignInStage } from "~/domain/second-factor";

export const MAX_FAILED_LOGINS = 10;
export const LOCK_MS = 15 * 60_000;
export const NETWORK_WINDOW_SECONDS = 15 * 60;

export type SignInRefusal = {
  ok: false;
  reason: "invalid" | "locked" | "rate-limited" | "unverified";
  retryAfterSeconds?: number;
  /** This very failure locked the account. */
  lockedNow?: true;
};
export type LoginResult = { ok: true; userId: string; roles: Role[]; stage: SignInStage } | SignInRefusal;

function minutes(seconds: number | undefined): number {
  return Math.max(1, Math.ceil((seconds ?? 60) / 60));
}

/**
 * What the sign-in pages say to a refusal, in the page's language;
 * `invalid` is the page's own words (a password, or a code).
 */
export function signInRefusalMessage(refusal: SignInRefusal, invalid: string, t: TFunction = translator(DEFAULT_LOCALE)): string {
  const wait = { minutes: minutes(refusal.retryAfterSeconds) };
  switch (refusal.reason) {
    case "invalid":
      return translateMessage(t, invalid);
    case "locked":
      return t(
        "Too many failed attempts. This account is locked; try again in {minutes, plural, one {# minute} other {# minutes}}, or reset your password.",
        wait,
      );
    case "rate-limited":
      return t("Too many sign-in attempts from your network. Try again in {minutes, plural, one {# minute} other {# minutes}}.", wait);
    case "unverified":
      return t("Confirm your email address first. We have just sent you a new link.");
  }
}

function networkKey(actor: Actor): string {
  return `login:${actor.ip ?? "unknown"}`;
}

/**
 * A network's allowance is of failed attempts (a wrong password or second
 * factor): a whole office behind one address signs in at the start of a shift.
 */
export async function networkRefusal(actor: Actor, email: string): Promise<SignInRefusal | null> {
  const limit = await peekRateLimit(networkKey(actor), config().loginAttemptsPerNetwork, NETWORK_WINDOW_SECONDS);
  if (limit.allowed) return null;
  // Once per wait and app server: a flood of refused attempts writes nothing more.
  if (!limit.repeated) await audit(actor, { action: "auth.login.rate_limited", detail: { email } });
  return { ok: false, reason: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
}

export async function clearFailedSignIns(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { failedLoginCount: 0, lockedUntil: null } });
}

/** The account is locked now: the refusal, with the wait. */
export function lockRefusal(lockedUntil: Date | null): SignInRefusal | null {
  if (!lockedUntil || lockedUntil <= new Date()) return null;
  return { ok: false, reason: "locked", retryAfterSeconds: Math.ceil((lockedUntil.getTime() - Date.now()) / 1000) };
}

/**
 * A failed attempt on an account, counted against the network and the
 * account; the tenth in a row locks the account for 15 minutes. Audited.
 */
export async function countFailedSignIn(
  user: { id: string; failedLoginCount: number },
  actor: Actor,
  reason: string,
  failedAction = "auth.login.failed",
): Promise<SignInRefusal> {
  await hitRateLimit(networkKey(actor), config().loginAttemptsPerNetwork, NETWORK_WINDOW_SECONDS);
  const failures = user.failedLoginCount + 1;
  const locks = failures >= MAX_FAILED_LOGINS;
  await db.user.update({
    where: { id: user.id },
    data: locks ? { failedLoginCount: 0, lockedUntil: new Date(Date.now() + LOCK_MS) } : { failedLoginCount: failures },
  });
  await audit(actor, { action: locks ? "auth.account.locked" : failedAction, objectType: "User", objectId: user.id, detail: { reason, failures } });
  return locks ? { ok: false, reason: "locked", retryAfterSeconds: LOCK_MS / 1000, lockedNow: true } : { ok: false, reason: "invalid" };
}

/**
 * Checks an email and password. An unknown email and a wrong password answer
 * alike, and take as long; ten failures lock the account for 15 minutes.
 */
export async function logIn(input: LoginInput, actor: Actor): Promise<LoginResult> {
  const refusedNetwork = await networkRefusal(actor, input.email);
  if (refusedNetwork) return refusedNetwork;
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: {
      id: true,
      email: true,
      name: true,
      language: true,
      roles: true,
      passwordHash: true,
      emailVerifiedAt: true,
      lockedUntil: true,
      failedLoginCount: true,
      disabledAt: true,
      totpEnabledAt: true,
      _count: { select: { passkeys: true } },
    },
  });
  const failureActor = { ...actor, userId: user?.id ?? null, email: input.email };
  const locked = lockRefusal(user?.lockedUntil ?? null);
  if (user && locked) {
    await hitRateLimit(networkKey(actor), config().loginAttemptsPerNetwork, NETWORK_WINDOW_SECONDS);
    await audit(failureActor, { action: "auth.login.failed", objectType: "User", objectId: user.id, detail: { reason: "locked" } });
    return locked;
  }
  const passwordMatches = await verifyPassword(user?.passwordHash, input.password);
  if (user && (!passwordMatches || user.disabledAt)) return countFailedSignIn(user, failureActor, user.disabledAt ? "disabled" : "wrong-password");
  if (!user) {
    await hitRateLimit(networkKey(actor), config().loginAttemptsPerNetwork, NETWORK_WINDOW_SECONDS);
    await audit(failureActor, { action: "auth.login.failed", detail: { reason: "unknown-email" } });
    // Unknown addresses "lock" too, so the locked answer does not reveal
    // which emails have an account.
    const unknown = await hitRateLimit(`login-unknown:${input.email}`, MAX_FAILED_LOGINS - 1, LOCK_MS / 1000);
    if (!unknown.allowed) return { ok: false, reason: "locked", retryAfterSeconds: unknown.retryAfterSeconds };
    return { ok: false, reason: "invalid" };
  }
  if (!user.emailVerifiedAt) {
    // The password was right, so saying this reveals nothing new; send a fresh link.
    await db.$transaction(async (tx) => {
      const token = await issueToken(tx, user.id, "EMAIL_VERIFICATION");
      await queueEmail(tx, {
        template: "verify-email",
        to: user.email,
        locale: noticeLocale(user.language),
        props: { organizationName: config().organizationName, name: user.name, link: `${config().appUrl}/verify-email?token=${token}` },
      });
    });
    await audit(failureActor, { action: "auth.login.failed", objectType: "User", objectId: user.id, detail: { reason: "unverified" } });
    return { ok: false, reason: "unverified" };
  }
  const stage = stageAfterPassword(user.roles, user.totpEnabledAt !== null || user._count.passkeys > 0);
  const signedIn = { ...actor, userId: user.id, email: user.email };
  if (stage !== "SIGNED_IN") {
    // Failures are not forgiven yet: a password alone must not buy more guesses at the second factor.
    await audit(signedIn, { action: "auth.login.password_passed", objectType: "User", objectId: user.id, detail: { next: stage } });
    return { ok: true, userId: user.id, roles: user.roles, stage };
  }
  await clearFailedSignIns(user.id);
  await audit(signedIn, { action: "auth.login", objectType: "User", objectId: user.id });
  return { ok: true, userId: user.id, roles: user.roles, stage };
}
