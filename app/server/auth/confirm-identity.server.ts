/**
 * Fresh authentication before a sensitive action (issuing a decision,
 * creating an API key, changing an account's roles): the session must have
 * had the person's password within FRESH_AUTHENTICATION_MS. Otherwise the
 * person is sent to /confirm-identity, which calls `confirmIdentity` and
 * brings them back. Every check of who the person is (a second factor too)
 * belongs in `confirmIdentity`, the one operation that makes a session fresh.
 */
import { redirect } from "react-router";
import { isFreshlyAuthenticated } from "~/domain/fresh-authentication";
import { audit } from "../audit.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { AppError } from "../errors.server";
import { hitRateLimit, peekRateLimit } from "../rate-limit.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { LOCK_MS, MAX_FAILED_LOGINS, NETWORK_WINDOW_SECONDS } from "./log-in.server";
import { verifyPassword } from "./password.server";

/** Where a sensitive action sends a person whose password is too old: back to `request`'s page once they confirm. */
function confirmIdentityPath(request: Request): string {
  const url = new URL(request.url);
  return `/confirm-identity?redirectTo=${encodeURIComponent(`${url.pathname}${url.search}`)}`;
}

/** Throws the redirect to /confirm-identity unless this session's person gave their password recently enough at `at`. */
export async function requireFreshAuthentication(user: SessionUser, request: Request, at: Date): Promise<void> {
  const session = await db.session.findUnique({ where: { id: user.sessionId }, select: { authenticatedAt: true } });
  if (session && isFreshlyAuthenticated(session.authenticatedAt, at)) return;
  throw redirect(confirmIdentityPath(request));
}

type IdentityConfirmation = { confirmed: true } | { confirmed: false; signedOut: true };

/**
 * Checks the signed-in person's password again. Right: the session counts as
 * freshly authenticated from `at`. Wrong: refused by the field and counted
 * as a failed sign-in is (per account and per network), so a borrowed
 * browser cannot be used to guess; the failure that locks the account also
 * ends all its sessions. An account locked by failed sign-ins elsewhere
 * waits out the lock here too, still signed in.
 */
export async function confirmIdentity(user: SessionUser, password: string, actor: Actor, at: Date): Promise<IdentityConfirmation> {
  const networkKey = `login:${actor.ip ?? "unknown"}`;
  const network = await peekRateLimit(networkKey, config().loginAttemptsPerNetwork, NETWORK_WINDOW_SECONDS, at);
  if (!network.allowed) {
    throw new AppError("BAD_REQUEST", `Too many failed attempts from your network. Try again in ${Math.ceil(network.retryAfterSeconds / 60)} minutes.`, {
      field: "password",
    });
  }
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, failedLoginCount: true, lockedUntil: true } });
  if (account.lockedUntil && account.lockedUntil > at) {
    // Locked by failed sign-ins elsewhere: this browser waits like any other, and stays signed in.
    await audit(actor, { action: "auth.identity_confirmation.failed", objectType: "User", objectId: user.id, detail: { reason: "locked" } });
    const minutes = Math.ceil((account.lockedUntil.getTime() - at.getTime()) / 60_000);
    throw new AppError("BAD_REQUEST", `Too many failed attempts. This account is locked; try again in ${minutes} minutes.`, { field: "password" });
  }
  if (await verifyPassword(account.passwordHash, password)) {
    await db.$transaction(async (tx) => {
      await tx.session.update({ where: { id: user.sessionId }, data: { authenticatedAt: at } });
      await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0 } });
      await audit(actor, { action: "auth.identity_confirmed", objectType: "User", objectId: user.id }, tx);
    });
    return { confirmed: true };
  }
  await hitRateLimit(networkKey, config().loginAttemptsPerNetwork, NETWORK_WINDOW_SECONDS, at);
  const failures = account.failedLoginCount + 1;
  if (failures >= MAX_FAILED_LOGINS) {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: new Date(at.getTime() + LOCK_MS) } });
      const ended = await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: at } });
      await audit(
        actor,
        {
          action: "auth.account.locked",
          objectType: "User",
          objectId: user.id,
          detail: { reason: "identity-confirmation", failures, sessionsEnded: ended.count },
        },
        tx,
      );
    });
    return { confirmed: false, signedOut: true };
  }
  await db.user.update({ where: { id: user.id }, data: { failedLoginCount: failures } });
  await audit(actor, { action: "auth.identity_confirmation.failed", objectType: "User", objectId: user.id, detail: { failures } });
  throw new AppError("BAD_REQUEST", "That is not your password.", { field: "password" });
}
