import { db } from "../db.server";
import { audit } from "../audit.server";
import { config } from "../config.server";
import { queueEmail } from "../outbox.server";
import { hitRateLimit } from "../rate-limit.server";
import type { Actor } from "../request-context.server";
import { issueToken } from "./tokens.server";
import { noticeLocale } from "~/i18n/locales";

/**
 * Emails a single-use link valid for one hour, when the address belongs to an
 * active account. The answer never says whether it does.
 */
export async function requestPasswordReset(email: string, actor: Actor): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const limit = await hitRateLimit(`reset:${actor.ip ?? "unknown"}`, 10, 15 * 60);
  if (!limit.allowed) return { ok: false, retryAfterSeconds: limit.retryAfterSeconds };
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, language: true, disabledAt: true } });
  if (!user || user.disabledAt) {
    await audit({ ...actor, email }, { action: "auth.password_reset.requested", detail: { known: false } });
    return { ok: true };
  }
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "PASSWORD_RESET");
    await queueEmail(tx, {
      template: "password-reset",
      to: user.email,
      locale: noticeLocale(user.language),
      props: { organizationName: config().organizationName, name: user.name, link: `${config().appUrl}/reset-password?token=${token}` },
    });
    await audit(
      { ...actor, userId: user.id, email },
      { action: "auth.password_reset.requested", objectType: "User", objectId: user.id, detail: { known: true } },
      tx,
    );
  });
  return { ok: true };
}
