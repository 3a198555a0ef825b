import { z } from "zod";
import { PAGE_MARK_LIMITS } from "~/domain/casefile/page-marks";

/**
 * The reviewer's marks on one page of a document, as the viewer posts them.
 * The page's upper bound depends on the document (its page count, once
 * known), so the operation checks it; here only its shape.
 */
const pageNumber = z
  .string({ error: "Choose a page." })
  .trim()
  .regex(/^\d{1,5}$/, "Choose a page by its number.")
  .transform(Number)
  .refine((value) => value >= 1 && value <= PAGE_MARK_LIMITS.pageWhileUncounted, `Choose a page from 1 to ${PAGE_MARK_LIMITS.pageWhileUncounted}.`);
const note = z
  .string()
  .trim()
  .max(PAGE_MARK_LIMITS.note, `Use at most ${PAGE_MARK_LIMITS.note.toLocaleString("en-US")} characters.`)
  .default("")
  .transform((value) => value || null);

export const markReadSchema = z.object({ intent: z.literal("read"), pageNumber });
export const markUnreadSchema = z.object({ intent: z.literal("unread"), pageNumber });
export const saveBookmarkSchema = z.object({ intent: z.literal("bookmark"), pageNumber, note });
export const removeBookmarkSchema = z.object({ intent: z.literal("removeBookmark"), pageNumber });
