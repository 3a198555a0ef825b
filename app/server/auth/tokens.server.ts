import crypto from "node:crypto";
import type { TokenKind } from "~/.server/prisma/enums";
import { db, type Tx } from "../db.server";

const TOKEN_LIFETIME_MS: Record<TokenKind, number> = {
  EMAIL_VERIFICATION: 24 * 3600_000,
  INVITATION: 7 * 24 * 3600_000,
  PASSWORD_RESET: 3600_000,
};

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Creates a single-use link token; only its hash is stored. Earlier unused ones of the same kind stop working. */
export async function issueToken(tx: Tx, userId: string, kind: TokenKind): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await tx.userToken.updateMany({ where: { userId, kind, usedAt: null }, data: { usedAt: new Date() } });
  await tx.userToken.create({
    data: { userId, kind, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[kind]) },
  });
  return token;
}

/** The token's row when it is of this kind, unused and unexpired. */
export async function findUsableToken(token: string, kind: TokenKind, tx: Tx = db) {
  const row = await tx.userToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, kind: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true, roles: true, disabledAt: true } } },
  });
  if (!row || row.kind !== kind || row.usedAt || row.expiresAt < new Date() || row.user.disabledAt) return null;
  return row;
}

/** Marks the token used; false when another request used it first. */
export async function consumeToken(tx: Tx, id: string): Promise<boolean> {
  const result = await tx.userToken.updateMany({ where: { id, usedAt: null }, data: { usedAt: new Date() } });
  return result.count === 1;
}
