import { z } from "zod";
import { isRealLocalDate, type LocalDate } from "~/domain/deadlines/time-zone";
import { isId } from "./ids";

/** Who wrote a document and the date it bears: the letter's list of documents considered names both. */
export const DOCUMENT_AUTHOR_MAX_LENGTH = 200;

/**
 * The coordinator's or the reviewer's form for one document's author and
 * date. Both may be left empty (not known); the date is the one the document
 * bears, never after `today` (the organization's date).
 */
export function documentDetailsSchema(options: { today: LocalDate }) {
  return z.object({
    intent: z.literal("describeDocument"),
    documentId: z.string().refine(isId, "Reload the page and try again."),
    author: z
      .string()
      .trim()
      .max(DOCUMENT_AUTHOR_MAX_LENGTH, `Use at most ${DOCUMENT_AUTHOR_MAX_LENGTH} characters.`)
      .default("")
      .transform((value) => value || null),
    authoredOn: z
      .string()
      .trim()
      .default("")
      .superRefine((value, ctx) => {
        if (!value) return;
        const problem = !isRealLocalDate(value)
          ? "Enter a real date: day, month and year."
          : value < "1900-01-01"
            ? "Check the year: it looks too long ago."
            : value > options.today
              ? "The document's date cannot be in the future."
              : null;
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .transform((value): LocalDate | null => value || null),
  });
}

/** Today's date in UTC, for the action: never earlier than the organization's date in the Americas, so no real date is refused. */
export const latestDocumentDate = (): LocalDate => new Date().toISOString().slice(0, 10);

export type DocumentDetailsInput = z.output<ReturnType<typeof documentDetailsSchema>>;
