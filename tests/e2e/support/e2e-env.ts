import path from "node:path";

/** Where the end-to-end run's server listens and keeps its data (shared with serve-built-app.mjs). */
export const E2E = {
  port: Number(process.env.E2E_PORT ?? 3100),
  databasePort: Number(process.env.E2E_DATABASE_PORT ?? 54431),
  artifacts: path.resolve("tests", ".artifacts"),
  dataDir: path.resolve("tests", ".artifacts", "e2e-data"),
  get baseUrl() {
    return `http://localhost:${this.port}`;
  },
};
