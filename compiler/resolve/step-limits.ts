/** How often a pipeline step is retried and how long it may run, with defaults. */
import type { Step } from '../config/types.generated.ts';
import { durationMs } from '../promote/duration.ts';

/** Retries after an error when a step declares none: enough to ride out a lost or preempted node. */
export const DEFAULT_STEP_RETRIES = 2;

/** Longest a step runs when it declares no `timeout`. */
export const DEFAULT_STEP_TIMEOUT = '24h';

/** The step's `retries` and `timeout` (in seconds), defaults applied; an unparseable timeout (ML312) falls back to the default. */
export function resolveStepLimits(step: Pick<Step, 'retries' | 'timeout'>): { retries: number; timeoutSeconds: number } {
  const timeoutMs = durationMs(step.timeout ?? DEFAULT_STEP_TIMEOUT) ?? durationMs(DEFAULT_STEP_TIMEOUT)!;
  return { retries: step.retries ?? DEFAULT_STEP_RETRIES, timeoutSeconds: Math.floor(timeoutMs / 1000) };
}
