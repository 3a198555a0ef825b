import { config } from "~/server/config.server";
import { openApiDocument } from "~/server/api/openapi.server";

/** GET /api/v1/openapi.json — public. */
export function loader() {
  return Response.json(openApiDocument(config().appUrl), { headers: { "Cache-Control": "public, max-age=300" } });
}
