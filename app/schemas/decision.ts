import { z } from "zod";
import { normalizeVerificationCode } from "~/domain/verification-code";

/**
 * The coordinator's decision page (issue, amend, record an expedited notice)
 * and the public /verify page, shared by the browser forms and the actions.
 */

/** The case version the coordinator saw: a change by someone else in between is caught, not overwritten. */
const version = z.coerce.number({ error: "Reload the page and try again." }).int().min(0);

const AMENDMENT_REASON_MAX = 2_000;

export const issueDecisionSchema = z.object({ intent: z.literal("issue"), version });

export const amendDecisionSchema = z.object({
  intent: z.literal("amend"),
  version,
  reason: z
    .string({ error: "Say why the letter is amended." })
    .trim()
    .min(1, "Say why the letter is amended: the reason is printed on the new letter.")
    .max(AMENDMENT_REASON_MAX, `Keep the reason under ${AMENDMENT_REASON_MAX} characters.`),
});

export const expeditedNoticeSchema = z.object({
  intent: z.literal("notify"),
  version,
  /** The portal sends the notice itself; this only records anything the coordinator also told the parties. */
  note: z.string().trim().max(AMENDMENT_REASON_MAX, `Keep it under ${AMENDMENT_REASON_MAX} characters.`).default(""),
});

export const decisionActionSchema = z.discriminatedUnion("intent", [issueDecisionSchema, amendDecisionSchema, expeditedNoticeSchema]);

/** /verify: the reference number and the code printed at the foot of every page. */
export const verifyCodeSchema = z.object({
  intent: z.literal("code"),
  reference: z
    .string({ error: "Enter the reference number printed on the letter." })
    .trim()
    .toUpperCase()
    .min(1, "Enter the reference number printed on the letter, like IMR-2026-000123.")
    .max(40, "A reference number is shorter than that: copy it from the top of the letter."),
  code: z
    .string({ error: "Enter the verification code printed at the foot of each page." })
    .trim()
    .min(1, "Enter the verification code printed at the foot of each page, like K7PQ2-M9XWD.")
    .refine(
      (code) => normalizeVerificationCode(code) !== null,
      "A verification code has 10 letters and digits, like K7PQ2-M9XWD: copy it from the foot of a page.",
    ),
});

/** The largest PDF /verify reads: an issued letter is far smaller. */
export const VERIFY_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** /verify by file: the PDF as the holder has it. */
export const verifyFileSchema = z.object({
  intent: z.literal("file"),
  letter: z
    .instanceof(File, { message: "Choose the letter's PDF file." })
    .refine((file) => file.size > 0, "Choose the letter's PDF file: no file was chosen, or it is empty.")
    .refine((file) => file.size <= VERIFY_FILE_MAX_BYTES, "This file is larger than 20 MB, so it is not one of our letters."),
});
