import { z } from "zod";
import { TIME_LIMITS } from "~/domain/time-entries";

/**
 * The reviewer's time on a case: one entry logged, changed or removed.
 * Shared by the browser and the action; the case's total is checked by the
 * operation, which knows the other entries.
 */
const { min, max } = TIME_LIMITS.entryMinutes;
const minutes = z
  .string({ error: "Enter the minutes you spent." })
  .trim()
  .min(1, "Enter the minutes you spent.")
  .regex(/^\d{1,4}$/, `Enter whole minutes, like 45.`)
  .transform(Number)
  .refine((value) => value >= min && value <= max, `Enter whole minutes from ${min} to ${max} (10 hours) for one entry.`);
const activity = z
  .string()
  .trim()
  .max(TIME_LIMITS.activity, `Use at most ${TIME_LIMITS.activity} characters.`)
  .default("")
  .transform((value) => value || null);
const entryId = z.uuid({ error: "This entry is no longer on the case. Reload the page." });

export const logTimeSchema = z.object({ intent: z.literal("logTime"), minutes, activity });
export const changeTimeSchema = z.object({ intent: z.literal("changeTime"), entryId, minutes, activity });
export const removeTimeSchema = z.object({ intent: z.literal("removeTime"), entryId });
