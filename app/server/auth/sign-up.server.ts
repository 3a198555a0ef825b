import { db } from "../db.server";
import { audit } from "../audit.server";
import { config } from "../config.server";
import { queueEmail } from "../outbox.server";
import { hitRateLimit } from "../rate-limit.server";
import type { Actor } from "../request-context.server";
import { hashPassword } from "./password.server";
import { assertStrongPassword } from "./password-strength.server";
import { issueToken } from "./tokens.server";
import type { Locale } from "~/i18n/locales";
import type { SignUpInput } from "~/schemas/auth";

/** Accounts one network address may ask for in an hour, and sign-ups one address may be sent. */
const SIGNUPS_PER_NETWORK = 10;
const SIGNUPS_PER_EMAIL = 3;
const HOUR_SECONDS = 3600;

/**
 * Creates an applicant's account, unconfirmed, and emails the confirmation
 * link. An email already registered gets no second account; the answer is the
 * same, and so is the work (the password is hashed either way), so neither
 * the form nor its timing tells who has an account. A network, and an email
 * address, may only ask so often: the form cannot be used to send mail to
 * anyone at will. A password too easy to guess is refused by its field first,
 * whether or not the address has an account. The account keeps `language`,
 * the one the person read the form in, for its pages and emails.
 */
export async function signUp(input: SignUpInput & { language: Locale }, actor: Actor): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  await assertStrongPassword(input.password, input);
  for (const [key, limit] of [
    [`signup:${actor.ip ?? "unknown"}`, SIGNUPS_PER_NETWORK],
    [`signup-email:${input.email}`, SIGNUPS_PER_EMAIL],
  ] as const) {
    const allowed = await hitRateLimit(key, limit, HOUR_SECONDS);
    if (!allowed.allowed) {
      if (!allowed.repeated) await audit({ ...actor, email: input.email }, { action: "auth.signup.rate_limited", detail: { limit: key.split(":")[0] } });
      return { ok: false, retryAfterSeconds: allowed.retryAfterSeconds };
    }
  }
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    await audit(actor, { action: "auth.signup.duplicate", objectType: "User", objectId: existing.id });
    return { ok: true };
  }
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, roles: ["APPLICANT"], passwordHash, language: input.language },
      select: { id: true },
    });
    const token = await issueToken(tx, user.id, "EMAIL_VERIFICATION");
    await queueEmail(tx, {
      template: "verify-email",
      to: input.email,
      locale: input.language,
      props: { organizationName: config().organizationName, name: input.name, link: `${config().appUrl}/verify-email?token=${token}` },
    });
    await audit({ ...actor, userId: user.id, email: input.email }, { action: "auth.signup", objectType: "User", objectId: user.id }, tx);
  });
  return { ok: true };
}
