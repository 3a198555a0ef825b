import type { Route } from "./+types/decisions.csv";
import { libraryExport } from "~/server/publication/library-export.server";

/** GET /decisions.csv?…: the search's whole result in the regulators' column layout. */
export async function loader({ request }: Route.LoaderArgs) {
  return libraryExport(request, "csv");
}
