/**
 * Waiting for a state instead of for a time: `check` is asked again and again
 * until it gives something (not undefined, null or false), which is returned.
 * Past `timeoutMs` the test fails naming what it waited for. The deadline is
 * kept on the monotonic clock, so a test that moves the date cannot stop it.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (performance.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
