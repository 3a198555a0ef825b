import { isId } from "~/schemas/ids";
import { notFound } from "./errors.server";

/** The id in a page's address; anything that cannot be one answers 404, like a row that does not exist. */
export function idParam(value: string | undefined, what: string): string {
  if (!isId(value)) throw notFound(what);
  return value;
}
