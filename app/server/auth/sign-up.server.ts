import { db } from "../db.server";
import { audit } from "../audit.server";
import { config } from "../config.server";
import { queueEmail } from "../outbox.server";
import type { Actor } from "../request-context.server";
import { hashPassword } from "./password.server";
import { issueToken } from "./tokens.server";
import type { SignUpInput } from "~/schemas/auth";

/**
 * Creates an applicant's account, unconfirmed, and emails the confirmation
 * link. An email already registered gets no second account; the answer is the
 * same, so the form cannot be used to find out who has an account.
 */
export async function signUp(input: SignUpInput, actor: Actor): Promise<void> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    await audit(actor, { action: "auth.signup.duplicate", objectType: "User", objectId: existing.id });
    return;
  }
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, roles: ["APPLICANT"], passwordHash },
      select: { id: true },
    });
    const token = await issueToken(tx, user.id, "EMAIL_VERIFICATION");
    await queueEmail(tx, {
      template: "verify-email",
      to: input.email,
      props: { organizationName: config().organizationName, name: input.name, link: `${config().appUrl}/verify-email?token=${token}` },
    });
    await audit({ ...actor, userId: user.id, email: input.email }, { action: "auth.signup", objectType: "User", objectId: user.id }, tx);
  });
}
