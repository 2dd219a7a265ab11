/**
 * fast-check settings of the property tests: `npm test` runs a fixed seed (the same cases on every
 * run, no flakiness); `npm run fuzz` sets MLOPS_FUZZ=1 for random seeds and many more runs
 * (MLOPS_FUZZ_RUNS overrides the count, MLOPS_FUZZ_SEED replays a failure fast-check reported).
 */
import { afterEach, beforeEach, expect, vi } from 'vitest';

/** Whether this is a `npm run fuzz` run. */
export const FUZZING = process.env.MLOPS_FUZZ === '1';

/** The fixed seed of `npm test`. */
export const FIXED_SEED = 20_261_202;

/** fast-check parameters for a property with `runs` runs in `npm test`. */
export function fuzzParameters(runs: number): { seed?: number; numRuns: number } {
  const replay = process.env.MLOPS_FUZZ_SEED;
  const seed = replay !== undefined ? Number(replay) : FUZZING ? undefined : FIXED_SEED;
  const numRuns = Number(process.env.MLOPS_FUZZ_RUNS ?? (FUZZING ? runs * 10 : runs));
  return { ...(seed !== undefined ? { seed } : {}), numRuns };
}

/**
 * Fails the current `describe`'s tests when they make Node print a warning (e.g. the YAML library
 * stringifying a complex key): a warning would reach the user's terminal. Call inside `describe`.
 */
export function failOnNodeWarnings(): void {
  let warnings: ReturnType<typeof vi.spyOn> | undefined;
  beforeEach(() => {
    warnings = vi.spyOn(process, 'emitWarning');
  });
  afterEach(() => {
    expect(warnings).not.toHaveBeenCalled();
    warnings?.mockRestore();
  });
}
