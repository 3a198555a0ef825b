import { z } from "zod";
import { RETENTION_LIST_LIMIT } from "~/domain/retention";

/** An administrator places or lifts a legal hold: the case's reference and why. */
export const legalHoldSchema = z.object({
  intent: z.enum(["hold", "release"], { error: "Choose to place or lift the hold." }),
  reference: z
    .string({ error: "Enter the case's reference, like IMR-2026-000123." })
    .trim()
    .min(1, "Enter the case's reference, like IMR-2026-000123.")
    .max(40, "A reference is IMR-, the year and six digits."),
  reason: z.string({ error: "Say why: the audit log keeps it." }).trim().min(1, "Say why: the audit log keeps it.").max(1_000, "Use at most 1,000 characters."),
});

/** An administrator confirms the purge of archived cases, chosen from those awaiting it. */
export const confirmPurgeSchema = z.object({
  intent: z.literal("confirm-purge"),
  references: z
    .array(z.string().trim().min(1).max(40), { error: "Choose the cases to purge." })
    .min(1, "Choose the cases to purge.")
    .max(RETENTION_LIST_LIMIT, `Confirm at most ${RETENTION_LIST_LIMIT} cases at once.`),
});
