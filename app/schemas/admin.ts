import { z } from "zod";
import { ORGANIZATION_NAME_MAX_CHARS } from "~/domain/organization-branding";

/** The audit log's filters, from the page's query string; anything malformed is dropped rather than refused. */
export const auditFilterSchema = z.object({
  action: z.string().trim().max(100).optional().catch(undefined),
  actor: z.string().trim().max(254).optional().catch(undefined),
  object: z.string().trim().max(100).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  before: z.coerce.bigint().optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The outbox page's filter. */
export const outboxFilterSchema = z.object({
  status: z.enum(["PENDING", "SENDING", "SENT", "FAILED", "CANCELLED"]).optional().catch(undefined),
});
export type OutboxFilter = z.infer<typeof outboxFilterSchema>;

/** Withdrawing an email before it is sent: which one, and why (kept in the audit log and shown on the outbox page). */
export const outboxCancelSchema = z.object({
  id: z.uuid(),
  reason: z
    .string({ error: "Say why this email should not be sent." })
    .trim()
    .min(1, "Say why this email should not be sent.")
    .max(500, "Use at most 500 characters."),
});

/** The organization's name in the staff pages' header (its logo is a file, checked by the action). */
export const organizationBrandingSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the organization's name.")
    .max(ORGANIZATION_NAME_MAX_CHARS, `Shorten the name to ${ORGANIZATION_NAME_MAX_CHARS} characters or fewer.`),
  // A ticked box: "on" from the form, true or false in the browser.
  removeLogo: z
    .union([z.boolean(), z.string()])
    .nullish()
    .transform((value) => value === true || value === "on"),
});
