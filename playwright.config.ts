import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumExecutable } from "./tests/support/browser";
import { E2E } from "./tests/e2e/support/e2e-env";

export default defineConfig({
  testDir: "tests/e2e",
  // Runs after the web server is up.
  globalSetup: "./tests/e2e/support/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_REPORTERS === "ci" ? [["list"], ["json", { outputFile: path.join(E2E.artifacts, "playwright.json") }]] : "list",
  use: {
    baseURL: E2E.baseUrl,
    // Recording a trace costs every test a fifth of its time; a failure
    // still leaves its error context (the page's accessibility tree).
    // PLAYWRIGHT_TRACE=1 records one for each failing test.
    trace: process.env.PLAYWRIGHT_TRACE ? "retain-on-failure" : "off",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  // Per port, so parallel runs on one machine keep each other's traces.
  outputDir: path.join(E2E.artifacts, E2E.port === 3100 ? "results" : `results-${E2E.port}`),
  webServer: {
    // The built app in production mode, on its own embedded database created fresh for the run.
    // `npm test` starts it early, beside the other suites, and says so.
    command: "node tests/e2e/support/serve-built-app.mjs",
    url: `${E2E.baseUrl}/healthz`,
    reuseExistingServer: process.env.E2E_SERVER_STARTED === "1",
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
