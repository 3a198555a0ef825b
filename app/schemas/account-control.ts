import { z } from "zod";
import { STAFF_ROLES } from "~/domain/account-control";

const reason = (what: string) =>
  z
    .string({ error: `Say why you ${what} this account.` })
    .trim()
    .min(1, `Say why you ${what} this account.`)
    .max(500, "Use at most 500 characters.");

/** Deactivating or reactivating an account: the reason is kept in the audit log (and, for a deactivation, on the account). */
export const deactivateAccountSchema = z.object({ reason: reason("deactivate") });
export const reactivateAccountSchema = z.object({ reason: reason("reactivate") });

/** The staff roles an account holds after the change (an applicant's own role is kept as it is), and the plan of a plan user. */
export const changeRolesSchema = z.object({
  roles: z.array(z.enum(STAFF_ROLES, { error: "Choose from the roles listed." })),
  planId: z
    .union([z.uuid({ error: "Choose one of the health plans listed." }), z.literal("")])
    .optional()
    .transform((planId) => planId || null),
});
export type ChangeRolesInput = z.output<typeof changeRolesSchema>;

/** A form that is only its button (end every session, force a password reset). */
export const buttonOnlySchema = z.object({});
