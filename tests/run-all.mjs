// `npm test`: every suite, then one line with the totals. Phases that do not
// depend on each other run side by side:
//
//   lint (eslint, prettier) ── react-router typegen ─┬─ type check (tsc)
//                                                  ├─ vitest: unit + integration (real PostgreSQL)
//                                                  ├─ vitest: outage (its own PostgreSQL, stopped for 2 minutes)
//                                                  └─ build ─┬─ e2e server starts ── Playwright (real Chromium)
//                                                            └─ vitest: crashes (the built server killed with SIGKILL),
//                                                               then cluster (two app servers and two workers on one database)
//
// Each phase's output is printed whole when it ends, with its time. Ends with
// "N passed, N failed" and exits non-zero when anything failed.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const artifacts = path.resolve("tests", ".artifacts");
fs.mkdirSync(artifacts, { recursive: true });
const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "silent", FORCE_COLOR: "0" };
delete env.DATABASE_URL;
delete env.SMTP_URL;
const E2E_URL = `http://localhost:${env.E2E_PORT ?? 3100}`;

let passed = 0;
let failed = 0;
const startedAt = Date.now();
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

/** Runs a command to its end, its output kept and printed in one piece afterwards. */
function run(label, command, args, extraEnv = {}) {
  const started = Date.now();
  console.log(`=== ${label} started at ${seconds(startedAt)} s: ${command} ${args.join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("close", (code, signal) => {
      console.log(`\n=== ${label}: ${command} ${args.join(" ")}\n${Buffer.concat(output).toString("utf8").trimEnd()}`);
      console.log(`=== ${label} finished in ${seconds(started)} s (exit ${code ?? signal})`);
      resolve(code === 0);
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function playwrightBrowser() {
  const bundled = spawnSync(process.execPath, ["-e", "const {chromium}=require('@playwright/test');process.stdout.write(chromium.executablePath())"], {
    encoding: "utf8",
  }).stdout;
  if (bundled && fs.existsSync(bundled)) return { path: undefined, name: bundled };
  if (fs.existsSync("/usr/bin/chromium")) return { path: "/usr/bin/chromium", name: "/usr/bin/chromium" };
  return null;
}

function ensureBrowser() {
  let browser = playwrightBrowser();
  if (browser) return browser;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && fs.existsSync("/etc/debian_version")) {
    console.log("No Chromium found: installing Debian's chromium package (about 30 s).");
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    const install =
      update.status === 0 &&
      spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (install && install.status === 0) browser = playwrightBrowser();
  }
  if (!browser) {
    console.log(
      "The end-to-end tests need Chromium and none was found. Install one of:\n" +
        "  - Debian/Ubuntu: sudo apt-get install chromium  (the tests use /usr/bin/chromium)\n" +
        "  - Playwright's own: npx playwright install chromium\n" +
        "  - any Chromium, then set CHROMIUM_PATH=/path/to/chromium",
    );
  }
  return browser;
}

/** Waits for the e2e server's health check; false if it did not come up, or its process ended, in three minutes. */
async function serverUp(server) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline && server.exitCode === null) {
    try {
      if ((await fetch(`${E2E_URL}/healthz`)).ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

let building;
/** The production build, made once for Playwright and the crash tests. */
function built() {
  building ??= run("build", "npx", ["react-router", "build"]);
  return building;
}

/** The production build, then its server on a fresh database, then Playwright against it. */
async function endToEnd() {
  const browser = ensureBrowser();
  if (!browser || !(await built())) return { failed: 1, passed: 0 };
  const started = Date.now();
  const serverLog = fs.openSync(path.join(artifacts, "e2e-server.log"), "w");
  const server = spawn(process.execPath, ["tests/e2e/support/serve-built-app.mjs"], { env, stdio: ["ignore", serverLog, serverLog] });
  try {
    if (!(await serverUp(server))) {
      console.log(`=== e2e server did not start: see ${path.join(artifacts, "e2e-server.log")}`);
      return { failed: 1, passed: 0 };
    }
    console.log(`=== e2e server up in ${seconds(started)} s`);
    const report = path.join(artifacts, "playwright.json");
    fs.rmSync(report, { force: true });
    const extra = { PLAYWRIGHT_REPORTERS: "ci", E2E_SERVER_STARTED: "1", ...(browser.path ? { CHROMIUM_PATH: browser.path } : {}) };
    const ok = await run("playwright", "npx", ["playwright", "test"], extra);
    const stats = readJson(report)?.stats;
    if (!stats) return { failed: 1, passed: 0 };
    const result = { passed: stats.expected + (stats.flaky ?? 0), failed: stats.unexpected };
    // A run that crashed, or ran nothing, is a failure even when no test failed.
    if ((!ok || stats.expected === 0) && stats.unexpected === 0) result.failed += 1;
    return result;
  } finally {
    server.kill("SIGTERM");
    if (server.exitCode === null) await new Promise((resolve) => server.once("exit", resolve));
  }
}

/** Vitest for `projects`, with its own report file. */
async function vitest(label, projects) {
  const report = path.join(artifacts, `${label}.json`);
  fs.rmSync(report, { force: true });
  const selected = projects.flatMap((project) => ["--project", project]);
  const ok = await run(label, "npx", ["vitest", "run", ...selected, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  const vitest = readJson(report);
  if (!vitest) return { failed: 1, passed: 0 };
  const result = { passed: vitest.numPassedTests, failed: vitest.numFailedTests };
  if ((!ok || vitest.numTotalTests === 0) && vitest.numFailedTests === 0) result.failed += 1;
  return result;
}

const asCheck = (ok) => (ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });

/**
 * The built server killed mid-upload, mid-send and mid-issue (tests/crashes),
 * then several of its processes on one database (tests/cluster), beside Playwright.
 */
async function processes() {
  if (!(await built())) return { failed: 1, passed: 0 };
  return vitest("vitest-processes", ["crashes", "cluster"]);
}

// Lint first, with no warnings allowed: a finding fails the run, and the tests still run so one CI run shows everything.
const lint = asCheck((await run("lint", "npx", ["eslint", ".", "--max-warnings=0"])) && (await run("format", "npx", ["prettier", "--check", "."])));
// Route types next: tsc reads them, and the build would write them too.
const typegen = await run("route types", "npx", ["react-router", "typegen"]);
const results = await Promise.all([
  lint,
  typegen ? run("type check", "npx", ["tsc"]).then(asCheck) : { passed: 0, failed: 1 },
  vitest("vitest", ["unit", "integration"]),
  // Two minutes with the database stopped, mostly waiting: beside the rest, not after it.
  vitest("vitest-outage", ["outage"]),
  endToEnd(),
  processes(),
]);
for (const result of results) {
  passed += result.passed;
  failed += result.failed;
}

console.log(`\nAll suites finished in ${((Date.now() - startedAt) / 1000).toFixed(0)} s on ${os.cpus().length} cores.`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
