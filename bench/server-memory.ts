/**
 * The resident memory of a bench's server process, read from /proc apart
 * from the process that measures it.
 */
import fs from "node:fs";

const SAMPLE_EVERY_MS = 50;

/**
 * Samples the server's resident memory (VmRSS) every SAMPLE_EVERY_MS until
 * stopped. The kernel's high-water mark (VmHWM, reset first through
 * clear_refs) also catches a peak between two samples.
 */
export function sampleRss(pid: number): { stop: () => { before: number; peak: number } } {
  const hwmReset = resetHighWaterMark(pid);
  const before = readStatus(pid, "VmRSS");
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, readStatus(pid, "VmRSS"))), SAMPLE_EVERY_MS);
  return {
    stop() {
      clearInterval(timer);
      const last = readStatus(pid, "VmRSS");
      const hwm = hwmReset ? readStatus(pid, "VmHWM") : 0;
      return { before, peak: Math.max(peak, last, hwm) };
    },
  };
}

/** Bytes, from /proc/<pid>/status. */
export function readStatus(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1];
  if (!kib) throw new Error(`No ${field} in /proc/${pid}/status`);
  return Number(kib) * 1024;
}

function resetHighWaterMark(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}
