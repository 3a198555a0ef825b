import { db } from "../db.server";
import { audit } from "../audit.server";
import type { Actor } from "../request-context.server";
import { consumeToken, findUsableToken } from "./tokens.server";

/** Confirms an applicant's email from the link; the link works once. */
export async function verifyEmail(token: string, actor: Actor): Promise<{ userId: string } | null> {
  const row = await findUsableToken(token, "EMAIL_VERIFICATION");
  if (!row) return null;
  return db.$transaction(async (tx) => {
    if (!(await consumeToken(tx, row.id))) return null;
    await tx.user.update({ where: { id: row.user.id }, data: { emailVerifiedAt: new Date() } });
    await audit({ ...actor, userId: row.user.id, email: row.user.email }, { action: "auth.email.verified", objectType: "User", objectId: row.user.id }, tx);
    return { userId: row.user.id };
  });
}
