import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { isDatabaseUnreachable } from "./app/server/database-errors.server";

const resolvePath = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const alias = {
  "~": resolvePath("./app"),
  "#emails": resolvePath("./emails"),
  "#prisma": resolvePath("./prisma"),
  "#tests": resolvePath("./tests"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // pg-boss's unawaited job-done writes, failing while a test's database is
    // stopped: the app tolerates exactly these too (main.server.ts).
    onUnhandledError: (error) => !isDatabaseUnreachable(error),
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          environment: "node",
          // Pure functions: the files share their worker's loaded modules.
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          sequence: { groupOrder: 1 },
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          globalSetup: ["tests/support/postgres-global-setup.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts", "tests/support/test-database.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own database; two workers suit two cores.
          maxWorkers: 2,
          // Files share their worker's loaded modules: the app is imported once
          // per worker instead of once per file, which halves the CPU time. A
          // file sets what it depends on (its database and config, in
          // test-database.ts; a moved clock, a started worker) and undoes it.
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // A database outage of minutes (tests/outage): mostly waiting, so
          // `npm test` runs this project beside the others (tests/run-all.mjs).
          name: "outage",
          sequence: { groupOrder: 2 },
          include: ["tests/outage/**/*.test.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          environment: "node",
          testTimeout: 600_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
        },
      },
      {
        resolve: { alias },
        test: {
          // The production build's server killed with SIGKILL (tests/crashes):
          // `npm test` runs this project once the build is made, beside
          // Playwright (tests/run-all.mjs).
          name: "crashes",
          sequence: { groupOrder: 3 },
          include: ["tests/crashes/**/*.test.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
        },
      },
      {
        resolve: { alias },
        test: {
          // Two app servers and two workers of the production build on one
          // database and one bucket (tests/cluster): after the crash tests,
          // beside Playwright (tests/run-all.mjs).
          name: "cluster",
          sequence: { groupOrder: 4 },
          include: ["tests/cluster/**/*.test.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          environment: "node",
          testTimeout: 420_000,
          hookTimeout: 240_000,
          maxWorkers: 1,
        },
      },
    ],
  },
});
