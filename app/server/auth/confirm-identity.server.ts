/**
 * Fresh authentication before a sensitive action (issuing a decision,
 * creating an API key, changing an account's roles): the person must have
 * proved it is them within FRESH_AUTHENTICATION_MS. Otherwise the
 * person is sent to /confirm-identity, which calls `confirmIdentity` and
 * brings them back. Every check of who the person is (a second factor too)
 * belongs in `confirmIdentity`, the one operation that makes a session fresh.
 */
import type { TFunction } from "i18next";
import { redirect } from "react-router";
import { isFreshlyAuthenticated } from "~/domain/fresh-authentication";
import { translator } from "~/i18n/i18n";
import { DEFAULT_LOCALE } from "~/i18n/locales";
import { msg } from "~/i18n/msg";
import { audit } from "../audit.server";
import { db } from "../db.server";
import { AppError } from "../errors.server";
import type { Actor } from "../request-context.server";
import type { SessionUser } from "../session.server";
import { countFailedSignIn, lockRefusal, networkRefusal, signInRefusalMessage, type SignInRefusal } from "./log-in.server";
import { checkPasskeySignIn, checkSignInCode, secondFactorsOf } from "./second-factor.server";
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

/** How the person proves it is them: the password and, with an authenticator app, its code; or a passkey. */
export type IdentityProof = { password: string; code?: string } | { passkeyResponse: string };

const FAILED = "auth.identity_confirmation.failed";

/** The password again, refused and counted as a wrong password at sign-in is. */
async function checkPassword(user: SessionUser, password: string, actor: Actor): Promise<SignInRefusal | { ok: true }> {
  const refused = await networkRefusal(actor, user.email);
  if (refused) return refused;
  const account = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { id: true, passwordHash: true, failedLoginCount: true, lockedUntil: true },
  });
  const locked = lockRefusal(account.lockedUntil);
  if (locked) return locked;
  if (await verifyPassword(account.passwordHash, password)) return { ok: true };
  return countFailedSignIn(account, actor, "wrong-password", FAILED);
}

/**
 * Checks who the signed-in person is, as strongly as signing in does: a
 * passkey, or the password and (with an authenticator app) its code. Right:
 * the session counts as freshly authenticated from `at`. Wrong: refused by
 * the field and counted as a failed sign-in (per account and per network),
 * so a borrowed browser cannot be used to guess; the failure that locks the
 * account also ends all its sessions. An account locked by failed sign-ins
 * elsewhere waits out the lock here too, still signed in. A refusal with a
 * wait in it is written with `t`, in the page's language.
 */
export async function confirmIdentity(
  user: SessionUser,
  proof: IdentityProof,
  actor: Actor,
  at: Date,
  t: TFunction = translator(DEFAULT_LOCALE),
): Promise<IdentityConfirmation> {
  const factors = await secondFactorsOf(user.id);
  const proving = { sessionId: user.sessionId, user, failedAction: FAILED };
  let field: "password" | "code" = "password";
  let result: SignInRefusal | { ok: true };
  if ("passkeyResponse" in proof) {
    result = await checkPasskeySignIn(proving, proof.passkeyResponse, actor, at);
  } else if (factors.passkeys.length > 0 && !factors.authenticatorApp) {
    throw new AppError("BAD_REQUEST", msg("Confirm with your passkey: a password alone is not enough for this."), { field: "password" });
  } else if (factors.authenticatorApp && !proof.code) {
    throw new AppError("BAD_REQUEST", msg("Enter the 6-digit code from your app, or a recovery code."), { field: "code" });
  } else {
    result = await checkPassword(user, proof.password, actor);
    if (result.ok && factors.authenticatorApp) {
      field = "code";
      result = await checkSignInCode(proving, proof.code ?? "", actor, at);
    }
  }
  if (result.ok) {
    await db.$transaction(async (tx) => {
      await tx.session.update({ where: { id: user.sessionId }, data: { authenticatedAt: at } });
      await audit(actor, { action: "auth.identity_confirmed", objectType: "User", objectId: user.id }, tx);
    });
    return { confirmed: true };
  }
  if (result.lockedNow) {
    const ended = await db.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: at } });
    await audit(actor, { action: "auth.sessions.revoked_all", objectType: "User", objectId: user.id, detail: { reason: "locked", count: ended.count } });
    return { confirmed: false, signedOut: true };
  }
  if (result.reason === "locked") await audit(actor, { action: FAILED, objectType: "User", objectId: user.id, detail: { reason: "locked" } });
  const wrong = field === "code" ? msg("That code is not right, or was used already. Try the code your app shows now.") : msg("That is not your password.");
  throw new AppError("BAD_REQUEST", signInRefusalMessage(result, wrong, t), { field: "passkeyResponse" in proof ? undefined : field });
}
