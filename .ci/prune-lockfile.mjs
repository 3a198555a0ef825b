// Our npm registry mirror lacks rollup's native packages for platforms other
// than linux-x64/arm64 (404), so `npm install` records rollup's optional
// dependencies without their entries and `npm ci` then refuses the lock file.
// This drops optional dependencies that have no entry in the lock. Run it
// after every `npm install` that changes package-lock.json:
//   npm run lockfile:prune
import fs from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
let dropped = 0;
for (const [location, entry] of Object.entries(lock.packages ?? {})) {
  if (!entry.optionalDependencies) continue;
  for (const dependency of Object.keys(entry.optionalDependencies)) {
    const candidates = [`${location ? `${location}/` : ""}node_modules/${dependency}`, `node_modules/${dependency}`];
    if (!candidates.some((candidate) => lock.packages[candidate])) {
      delete entry.optionalDependencies[dependency];
      dropped += 1;
    }
  }
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: dropped ${dropped} optional dependencies the registry does not have.`);
