/**
 * What an administrator may change about an account. An administrator never
 * locks themselves out: they cannot deactivate their own account, take away
 * their own administrator role, force their own password reset or reset their
 * own second factor, so the portal always keeps the administrator doing it.
 */
import type { Role } from "./roles";

/** Roles an administrator gives and takes away; an applicant's role is the person's own (they signed up). */
export const STAFF_ROLES = ["COORDINATOR", "REVIEWER", "PLAN", "ADMIN"] as const satisfies readonly Role[];

export interface AccountFacts {
  id: string;
  roles: readonly Role[];
  disabled: boolean;
  /** Reviewer assignments offered or accepted and not yet done. */
  openAssignments: number;
  /** An authenticator app or passkeys set up. */
  hasSecondFactor: boolean;
}

export type AccountChange =
  | { kind: "deactivate" }
  | { kind: "reactivate" }
  | { kind: "change-roles"; roles: readonly Role[]; planId: string | null }
  | { kind: "force-password-reset" }
  | { kind: "reset-second-factor" };

interface AccountRefusal {
  message: string;
  /** The form field the refusal is about, if one. */
  field?: "roles" | "planId";
}

/** Why `adminId` may not make `change` to `account`, or null when they may. */
export function accountChangeRefusal(adminId: string, account: AccountFacts, change: AccountChange): AccountRefusal | null {
  const own = adminId === account.id;
  switch (change.kind) {
    case "deactivate":
      if (own) return { message: "You cannot deactivate your own account. Ask another administrator." };
      if (account.disabled) return { message: "This account is already deactivated." };
      return null;
    case "reactivate":
      return account.disabled ? null : { message: "This account is active." };
    case "force-password-reset":
      if (own) return { message: "Change your own password on your account page." };
      return null;
    case "reset-second-factor":
      if (own) return { message: "Manage your own second factor on your account page." };
      if (!account.hasSecondFactor) return { message: "This person has no second factor to reset." };
      return null;
    case "change-roles":
      return roleChangeRefusal(own, account, change.roles, change.planId);
  }
}

function roleChangeRefusal(own: boolean, account: AccountFacts, roles: readonly Role[], planId: string | null): AccountRefusal | null {
  const keepsApplicant = account.roles.includes("APPLICANT");
  if (roles.includes("APPLICANT") !== keepsApplicant) {
    return { field: "roles", message: "The applicant role is the person's own: it cannot be given or taken away here." };
  }
  if (roles.length === 0) return { field: "roles", message: "Choose at least one role." };
  if (own && !roles.includes("ADMIN")) return { field: "roles", message: "You cannot remove your own administrator role. Ask another administrator." };
  if (roles.includes("PLAN") && !planId) return { field: "planId", message: "Choose the health plan this person works for." };
  if (!roles.includes("PLAN") && planId) return { field: "planId", message: "Only plan users belong to a health plan." };
  if (account.roles.includes("REVIEWER") && !roles.includes("REVIEWER") && account.openAssignments > 0) {
    return {
      field: "roles",
      message: `This reviewer has ${account.openAssignments} open assignment${account.openAssignments === 1 ? "" : "s"}: replace them on those cases first.`,
    };
  }
  return null;
}
