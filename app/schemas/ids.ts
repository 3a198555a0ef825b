import { z } from "zod";

/** The id of a row (cases, documents, people…): a UUID. */
export const idSchema = z.uuid();

/** Whether `value` can be the id of a row; anything else finds nothing, and the page answers 404. */
export function isId(value: unknown): value is string {
  return idSchema.safeParse(value).success;
}
