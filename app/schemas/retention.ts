import { z } from "zod";

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
