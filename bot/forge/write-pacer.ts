/**
 * Pacing of content-creating requests. GitHub asks integrations to wait about a second between
 * POST/PATCH/PUT/DELETE requests of one installation, or secondary rate limits follow. A pacer is
 * shared by every forge of a process and paces per installation; production uses one second, tests
 * and the benchmark none.
 */

/** Schedules writes. */
export interface WritePacer {
  /** Runs `write` no sooner than the pacing interval after the previous write of `key` started. */
  pace<T>(key: string, write: () => Promise<T>): Promise<T>;
}

/** A pacer that does not wait (tests, benchmarks). */
export const NO_PACING: WritePacer = { pace: (_key, write) => write() };

/** The clock a pacer sleeps on (injected so tests need not wait). */
export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const REAL_CLOCK: PacerClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/** A pacer that starts writes of one key at least `intervalMs` apart, in call order. */
export function intervalPacer(intervalMs = 1000, clock: PacerClock = REAL_CLOCK): WritePacer {
  const next = new Map<string, number>();
  return {
    async pace(key, write) {
      const now = clock.now();
      const start = Math.max(now, next.get(key) ?? 0);
      next.set(key, start + intervalMs);
      if (start > now) await clock.sleep(start - now);
      return write();
    },
  };
}
