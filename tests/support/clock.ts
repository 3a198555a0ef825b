/**
 * Moves this process's clock for tests whose code under test reads the time
 * itself (a page's loader, a session check): `new Date()` and `Date.now()`
 * give the chosen instant plus the real time gone since, whatever the
 * machine's date. The clock keeps running, unlike `vi.setSystemTime` without
 * fake timers, so rows keep the order they were written in and waits end.
 * Operations that take `at` are better given it directly.
 */
import { afterAll, beforeAll } from "vitest";

const RealDate = globalThis.Date;
let offsetMs = 0;

const MovedDate = new Proxy(RealDate, {
  construct(target, args: unknown[], newTarget) {
    return Reflect.construct(target, args.length === 0 ? [RealDate.now() + offsetMs] : args, newTarget);
  },
  // `Date()` called without `new` answers the current time as a string.
  apply() {
    return new RealDate(RealDate.now() + offsetMs).toString();
  },
  get(target, property, receiver) {
    if (property === "now") return () => RealDate.now() + offsetMs;
    return Reflect.get(target, property, receiver);
  },
});

/** From now on the clock reads `at`, and runs on from there. */
function moveClockTo(at: Date | string): void {
  offsetMs = new RealDate(at).getTime() - RealDate.now();
  globalThis.Date = MovedDate;
}

/** The machine's clock again. */
function restoreClock(): void {
  offsetMs = 0;
  globalThis.Date = RealDate;
}

/** Every test of this file runs with the clock started at `at`. */
export function clockStartsAt(at: Date | string): void {
  beforeAll(() => moveClockTo(at));
  afterAll(restoreClock);
}

/** Named instants in the organization's zone (America/New_York), away from holidays. */
export const INSTANTS = {
  /** Monday 23 November 2026, 10:00 EST: Thanksgiving falls on the Thursday. */
  mondayBeforeThanksgiving: new RealDate("2026-11-23T15:00:00Z"),
  /** Wednesday 16 September 2026, 10:00 EDT: the next holiday (Columbus Day) is 18 business days away. */
  plainWednesday: new RealDate("2026-09-16T14:00:00Z"),
} as const;
