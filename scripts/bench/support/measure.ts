/** Timing helpers the benchmarks share (this folder holds no benchmark itself: `npm run bench` skips it). */

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs `action` once; returns the wall time in milliseconds. */
export function timeMs(action: () => void): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

/** Runs `action` once; returns its value and the wall time in milliseconds. */
export function timed<T>(action: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = action();
  return { value, ms: performance.now() - start };
}

/** Runs `action` once and waits for it; returns its value and the wall time in milliseconds. */
export async function timedAsync<T>(action: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await action();
  return { value, ms: performance.now() - start };
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
