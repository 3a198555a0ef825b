import type { TokenKind } from "~/.server/prisma/enums";
import { db } from "../db.server";
import { audit } from "../audit.server";
import type { Actor } from "../request-context.server";
import { hashPassword } from "./password.server";
import { assertStrongPassword } from "./password-strength.server";
import { consumeToken, findUsableToken } from "./tokens.server";

/**
 * Sets a password from an emailed link: a password reset, or an invitation
 * accepted. Either confirms the email, unlocks the account and ends every
 * other session. A password too easy to guess is refused by its field, and
 * the link still works.
 */
export async function setPasswordFromLink(
  kind: Extract<TokenKind, "PASSWORD_RESET" | "INVITATION">,
  token: string,
  password: string,
  actor: Actor,
): Promise<{ userId: string } | null> {
  const row = await findUsableToken(token, kind);
  if (!row) return null;
  await assertStrongPassword(password, row.user);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    if (!(await consumeToken(tx, row.id))) return null;
    const now = new Date();
    await tx.user.update({
      where: { id: row.user.id },
      data: { passwordHash, emailVerifiedAt: now, failedLoginCount: 0, lockedUntil: null },
    });
    await tx.session.updateMany({ where: { userId: row.user.id, revokedAt: null }, data: { revokedAt: now } });
    await audit(
      { ...actor, userId: row.user.id, email: row.user.email },
      { action: kind === "INVITATION" ? "auth.invitation.accepted" : "auth.password_reset.completed", objectType: "User", objectId: row.user.id },
      tx,
    );
    return { userId: row.user.id };
  });
}

export async function linkIsUsable(kind: TokenKind, token: string): Promise<boolean> {
  return (await findUsableToken(token, kind)) !== null;
}
