import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // The server build's entry is our Express app (app/server/main.server.ts),
  // which also starts the database, the migrations and the job worker.
  serverBuildFile: "index.js",
  // BUILD_DIR lets parallel end-to-end runs (E2E_PORT) keep their own builds.
  buildDirectory: process.env.BUILD_DIR ?? "build",
  // Ship the whole route manifest with the first page. Lazy discovery fetches
  // manifest patches in the background, and a download started by a form
  // aborts that fetch ("Failed to fetch manifest patches").
  routeDiscovery: { mode: "initial" },
  // Each role's area guards its pages once, in its layout's middleware
  // (app/server/role-areas.server.ts); a layout loader would run beside the
  // page's loader, not before it.
  future: { v8_middleware: true },
} satisfies Config;
