// Builds the app if needed and serves the production build on a fresh data
// folder, so every end-to-end run starts from the demo data alone.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3100";
const buildDir = process.env.BUILD_DIR ?? "build";
const dataDir = path.resolve("tests", ".artifacts", port === "3100" ? "e2e-data" : `e2e-data-${port}`);
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });
fs.chmodSync(dataDir, 0o777);
if (!fs.existsSync(path.join(buildDir, "server/index.js")) || process.env.E2E_REBUILD === "1") {
  execSync("npx react-router build", { stdio: ["ignore", "ignore", "inherit"] });
}
Object.assign(process.env, {
  NODE_ENV: "production",
  PORT: port,
  DATA_DIR: dataDir,
  EMBEDDED_DATABASE_PORT: process.env.E2E_DATABASE_PORT ?? "54431",
  APP_URL: `http://localhost:${port}`,
  LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
  // Every test signs in from 127.0.0.1; the per-network limit is tested in integration.
  LOGIN_ATTEMPTS_PER_NETWORK: "100000",
});
delete process.env.DATABASE_URL;
delete process.env.SMTP_URL;
const { main } = await import(path.resolve(buildDir, "server/index.js"));
main("serve");
