import path from "node:path";

/** Where the end-to-end run's server listens and keeps its data (shared with serve-built-app.mjs). */
export const E2E = {
  port: Number(process.env.E2E_PORT ?? 3100),
  databasePort: Number(process.env.E2E_DATABASE_PORT ?? 54431),
  artifacts: path.resolve("tests", ".artifacts"),
  get dataDir() {
    return path.resolve("tests", ".artifacts", this.port === 3100 ? "e2e-data" : `e2e-data-${this.port}`);
  },
  get baseUrl() {
    return `http://localhost:${this.port}`;
  },
};
