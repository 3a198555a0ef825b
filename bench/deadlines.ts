/**
 * Throughput of deadline computation on one core (`npm run bench:deadlines`).
 * Target: at least 200,000 deadlines per second.
 */
import { performance } from "node:perf_hooks";
import { computeDeadline, DEADLINE_KINDS, DISPUTES, TRACKS } from "~/domain/deadlines/case-deadlines";
import type { DeadlineCalendar } from "~/domain/deadlines/calendar";
import { organizationHolidays } from "~/domain/deadlines/holidays";
import { INITIAL_RULE_PROFILES } from "~/domain/rule-profiles";

const DURATION_MS = 2_000;

// The federal holidays by rule, as the portal's calendar has them, with one day added and one removed.
const holidays = organizationHolidays(["2026-11-27"], ["2027-10-11"]);
const calendars: DeadlineCalendar[] = [
  { timeZone: "America/New_York", holidays },
  { timeZone: "America/New_York", holidays },
  { timeZone: "America/New_York", holidays },
  { timeZone: "America/Los_Angeles", holidays },
];

// Starts spread over ten years at odd minutes, so every weekday, hour, DST
// change and holiday season shows up (a fixed LCG keeps runs comparable).
const STARTS = 4_096;
const starts: Date[] = [];
let seed = 42;
const from = Date.UTC(2025, 0, 1);
const span = Date.UTC(2035, 0, 1) - from;
for (let i = 0; i < STARTS; i++) {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  starts.push(new Date(from + Math.floor(((seed / 2_147_483_648) * span) / 60_000) * 60_000));
}

const profiles = INITIAL_RULE_PROFILES.map((p) => p.rules);

function run(budgetMs: number): { count: number; elapsed: number; checksum: number } {
  let count = 0;
  let checksum = 0;
  const t0 = performance.now();
  let now = t0;
  let i = 0;
  while (now - t0 < budgetMs) {
    // Check the clock every 1,000 deadlines so timing stays out of the measurement.
    for (let j = 0; j < 1_000; j++, i++) {
      const start = starts[i % STARTS] as Date;
      const rules = profiles[i % profiles.length];
      const drawn = DEADLINE_KINDS[(i >>> 2) % DEADLINE_KINDS.length];
      // Only a profile that splits an experimental decision has an opinions clock.
      const kind = drawn === "opinions" && !rules?.experimentalOpinions ? "decision" : drawn;
      const track = TRACKS[(i >>> 5) % TRACKS.length];
      const dispute = DISPUTES[(i >>> 6) % DISPUTES.length];
      const calendar = calendars[(i >>> 3) % calendars.length];
      if (rules === undefined || kind === undefined || track === undefined || dispute === undefined || calendar === undefined) throw new Error("bad index");
      checksum += computeDeadline(kind, rules, track, dispute, start, calendar).getTime() % 1_000_003;
    }
    count += 1_000;
    now = performance.now();
  }
  return { count, elapsed: now - t0, checksum };
}

run(300); // warm up the JIT and the offset caches
const { count, elapsed, checksum } = run(DURATION_MS);
const perSecond = Math.round((count / elapsed) * 1_000);
console.log(`deadlines computed per second: ${perSecond}`);
console.log(`(${count} deadlines in ${Math.round(elapsed)} ms, target 200000: ${perSecond >= 200_000 ? "met" : "NOT met"}; checksum ${checksum})`);
