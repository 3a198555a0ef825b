import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // The server build's entry is our Express app (app/server/main.server.ts),
  // which also starts the database, the migrations and the job worker.
  serverBuildFile: "index.js",
} satisfies Config;
