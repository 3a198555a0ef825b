// Runs a test command with the machine's clock moved (Debian's `faketime`),
// once per date, and prints one line per date. No test may depend on the day:
// these dates are the ones most likely to catch one that does.
//
//   node tests/on-other-dates.mjs                      # npm test on every date below
//   node tests/on-other-dates.mjs -- npx vitest run    # another command
//   DATES="2031-02-14 09:00:00" node tests/on-other-dates.mjs
import { spawnSync } from "node:child_process";

// UTC; the organization's zone is America/New_York.
const DATES = [
  ["a Saturday", "2027-06-05 15:00:00"],
  ["Christmas Day (Friday)", "2026-12-25 14:00:00"],
  ["Thanksgiving", "2027-11-25 15:00:00"],
  ["Independence Day, observed on a Monday", "2027-07-05 13:00:00"],
  ["spring forward, minutes before 2:00 in New York", "2027-03-14 06:55:00"],
  ["fall back, minutes before 2:00 in New York", "2027-11-07 05:55:00"],
  ["31 December, 23:55 UTC", "2026-12-31 23:55:00"],
  ["31 December, 23:55 in New York", "2028-01-01 04:55:00"],
  ["a Friday, 23:55 in New York", "2027-02-06 04:55:00"],
  ["29 February 2028", "2028-02-29 12:00:00"],
  ["a date in 2029", "2029-07-04 12:00:00"],
  ["a date in 2031", "2031-10-13 03:30:00"],
];

const separator = process.argv.indexOf("--");
const command = separator === -1 ? ["npm", "test"] : process.argv.slice(separator + 1);
const dates = process.env.DATES ? process.env.DATES.split(",").map((date) => [date.trim(), date.trim()]) : DATES;

if (spawnSync("faketime", ["-f", "+0", "true"]).error) {
  console.error("faketime is not installed: sudo apt-get install faketime");
  process.exit(2);
}

const results = [];
for (const [label, date] of dates) {
  const started = Date.now();
  console.log(`\n### ${label}: ${date} UTC — ${command.join(" ")}`);
  const run = spawnSync("faketime", ["-f", `@${date}`, ...command], { stdio: "inherit", env: { ...process.env, TZ: "UTC" } });
  results.push(`${run.status === 0 ? "passed" : "FAILED"}  ${date} UTC  ${label}  (${Math.round((Date.now() - started) / 1000)} s)`);
}
console.log(`\n${results.join("\n")}`);
process.exit(results.every((line) => line.startsWith("passed")) ? 0 : 1);
