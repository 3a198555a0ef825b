// `npm test`: every suite, then one line with the totals.
//   1. type check (tsc), 2. vitest unit + integration (real PostgreSQL),
//   3. Playwright end to end in real Chromium against the production build.
// Ends with "N passed, N failed" and exits non-zero when anything failed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const artifacts = path.resolve("tests", ".artifacts");
fs.mkdirSync(artifacts, { recursive: true });
const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "silent", FORCE_COLOR: "0" };
delete env.DATABASE_URL;
delete env.SMTP_URL;

let passed = 0;
let failed = 0;

function run(label, command, args, extraEnv = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  console.log(`=== ${label} finished in ${((Date.now() - started) / 1000).toFixed(1)} s (exit ${result.status ?? result.signal})`);
  return result.status === 0;
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
    const install = update.status === 0 && spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
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

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const startedAt = Date.now();

// 1. Types.
if (run("type check", "npx", ["react-router", "typegen"]) && run("type check", "npx", ["tsc"])) passed += 1;
else failed += 1;

// 2. Unit and integration tests.
const vitestJson = path.join(artifacts, "vitest.json");
fs.rmSync(vitestJson, { force: true });
const vitestOk = run("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
const vitest = readJson(vitestJson);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  // A run that crashed, or ran nothing, is a failure even when no test failed.
  if ((!vitestOk || vitest.numTotalTests === 0) && vitest.numFailedTests === 0) failed += 1;
} else {
  failed += 1;
}

// 3. End-to-end tests on the production build.
const browser = ensureBrowser();
if (!browser) {
  failed += 1;
} else if (!run("build", "npx", ["react-router", "build"])) {
  failed += 1;
} else {
  const playwrightJson = path.join(artifacts, "playwright.json");
  fs.rmSync(playwrightJson, { force: true });
  const extra = { PLAYWRIGHT_REPORTERS: "ci", ...(browser.path ? { CHROMIUM_PATH: browser.path } : {}) };
  const e2eOk = run("playwright", "npx", ["playwright", "test"], extra);
  const report = readJson(playwrightJson);
  if (report?.stats) {
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    if ((!e2eOk || report.stats.expected === 0) && report.stats.unexpected === 0) failed += 1;
  } else {
    failed += 1;
  }
}

console.log(`\nAll suites finished in ${((Date.now() - startedAt) / 1000).toFixed(0)} s on ${os.cpus().length} cores.`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
