import type { Route } from "./+types/decisions.json";
import { libraryExport } from "~/server/publication/library-export.server";

/** GET /decisions.json?…: the same rows as /decisions.csv, as objects. */
export async function loader({ request }: Route.LoaderArgs) {
  return libraryExport(request, "json");
}
