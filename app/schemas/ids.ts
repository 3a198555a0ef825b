import { z } from "zod";

/** The id of a row (cases, documents, people…): a UUID. */
const idSchema = z.uuid();

/** The row a row's button names (a key, an endpoint, a license…), in its `id` field. */
export const rowIdSchema = z.object({ id: idSchema });

/** Whether `value` can be the id of a row; anything else finds nothing, and the page answers 404. */
export function isId(value: unknown): value is string {
  return idSchema.safeParse(value).success;
}
