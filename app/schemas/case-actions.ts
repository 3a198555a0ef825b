import { z } from "zod";
import { msg } from "~/i18n/msg";

/** Form schemas of what an applicant does on their case page, shared by the browser and the actions. */

export const ANSWER_MAX_LENGTH = 10_000;
export const WITHDRAWAL_REASON_MAX_LENGTH = 2_000;

export const ANSWER_REQUIRED_MESSAGE = msg("Write your answer, or add a document that answers the question.");

/** The case version the person saw: a change by someone else in between is caught, not overwritten. */
const version = z.coerce
  .number({ error: msg("Reload the page and try again.") })
  .int()
  .min(0);

export const answerInformationSchema = z
  .object({
    version,
    answer: z.string().trim().max(ANSWER_MAX_LENGTH, msg("Use at most 10,000 characters.")),
    /**
     * How many documents the page has attached to the request. The browser
     * uses it to allow an answer made only of documents; the server counts
     * them itself.
     */
    documentCount: z.coerce.number().int().min(0).default(0),
  })
  .superRefine((value, ctx) => {
    if (value.answer === "" && value.documentCount === 0) ctx.addIssue({ code: "custom", path: ["answer"], message: ANSWER_REQUIRED_MESSAGE });
  });

export const withdrawSchema = z.object({
  version,
  reason: z
    .string()
    .trim()
    .max(WITHDRAWAL_REASON_MAX_LENGTH, msg("Use at most 2,000 characters."))
    .optional()
    .transform((value) => value || undefined),
});
