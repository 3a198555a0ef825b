import { db } from "../db.server";
import { audit } from "../audit.server";
import type { Actor } from "../request-context.server";
import { consumeToken, findUsableToken } from "./tokens.server";
import type { Role } from "~/domain/roles";
import { stageAfterPassword, type SignInStage } from "~/domain/second-factor";

export interface VerifiedEmail {
  userId: string;
  roles: Role[];
  /** Where the sign-in the link starts stands: a second factor, if the person has one, is still asked for. */
  stage: SignInStage;
}

/**
 * Confirms an applicant's email from the link; the link works once. Holding
 * the link is the sign-in: it came to that address moments after the person
 * chose a password, so asking for the password again would add nothing.
 */
export async function verifyEmail(token: string, actor: Actor): Promise<VerifiedEmail | null> {
  const row = await findUsableToken(token, "EMAIL_VERIFICATION");
  if (!row) return null;
  return db.$transaction(async (tx) => {
    if (!(await consumeToken(tx, row.id))) return null;
    const user = await tx.user.update({
      where: { id: row.user.id },
      data: { emailVerifiedAt: new Date() },
      select: { totpEnabledAt: true, _count: { select: { passkeys: true } } },
    });
    const stage = stageAfterPassword(row.user.roles, user.totpEnabledAt !== null || user._count.passkeys > 0);
    const verified = { ...actor, userId: row.user.id, email: row.user.email };
    await audit(verified, { action: "auth.email.verified", objectType: "User", objectId: row.user.id, detail: { next: stage } }, tx);
    return { userId: row.user.id, roles: row.user.roles, stage };
  });
}
