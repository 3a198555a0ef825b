import { ROLE_LABELS } from "~/domain/roles";
import type { InviteUserInput } from "~/schemas/auth";
import { audit } from "../audit.server";
import { issueToken } from "../auth/tokens.server";
import { config } from "../config.server";
import { db } from "../db.server";
import { AppError } from "../errors.server";
import { queueEmail } from "../outbox.server";
import type { Actor } from "../request-context.server";

/** An admin creates a staff, reviewer or plan account; the person sets a password from the emailed link. */
export async function inviteUser(input: InviteUserInput, actor: Actor): Promise<{ userId: string }> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", "Someone already has an account with this email.", { field: "email" });
  if (input.roles.includes("PLAN")) {
    const plan = await db.healthPlan.findUnique({ where: { id: input.planId ?? "" }, select: { id: true } }).catch(() => null);
    if (!plan) throw new AppError("BAD_REQUEST", "Choose one of the health plans listed.", { field: "planId" });
  }
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        roles: input.roles,
        planId: input.roles.includes("PLAN") ? (input.planId ?? null) : null,
      },
      select: { id: true },
    });
    const token = await issueToken(tx, user.id, "INVITATION");
    await queueEmail(tx, {
      template: "invitation",
      to: input.email,
      props: {
        organizationName: config().organizationName,
        name: input.name,
        roleNames: input.roles.map((role) => ROLE_LABELS[role]).join(", "),
        link: `${config().appUrl}/invitation?token=${token}`,
      },
    });
    await audit(actor, { action: "user.invited", objectType: "User", objectId: user.id, detail: { roles: input.roles } }, tx);
    return { userId: user.id };
  });
}
