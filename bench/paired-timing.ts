/**
 * Timing for the benches that set the portal's own code beside the same
 * statement over plain `pg` (dashboard, case file search): both are timed in
 * turn, so a busy moment on the machine falls on both alike.
 */
export async function measurePair(
  first: () => Promise<unknown>,
  second: () => Promise<unknown>,
  { warmup, runs }: { warmup: number; runs: number },
): Promise<[number[], number[]]> {
  for (let i = 0; i < warmup; i++) {
    await first();
    await second();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [index, query] of [first, second].entries()) {
      const start = performance.now();
      await query();
      times[index]!.push(performance.now() - start);
    }
  }
  return times;
}

/** The nearest-rank percentile (p between 0 and 1) of the times. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

/** A column of the printed table. */
export function pad(text: string, width: number): string {
  return text.padEnd(width);
}
