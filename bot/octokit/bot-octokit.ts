/**
 * The Octokit class the bot's Probot must be built with (`new Probot({ Octokit: botOctokit(), … })`):
 * Probot's own, with the retry plugin on for 5xx (3 retries) and the throttling plugin retrying
 * secondary rate limits (Probot's default only logs them) and primary ones twice. Write pacing is the
 * forge's (`WritePacer`, per installation, configurable), so the throttling plugin's own process-wide
 * write and notification queues are replaced by pass-through ones: one pacer, not two.
 */
import { ProbotOctokit } from 'probot';

/** Options of `botOctokit`. */
export interface BotOctokitOptions {
  /** Retries of a 5xx or a rate-limited request. @default 3 */
  readonly retries?: number;
  /**
   * Milliseconds per unit of GitHub's wait hints (retry-after seconds, the retry plugin's backoff
   * steps); tests set 1 so retries do not wait. @default 1000
   */
  readonly retryAfterBaseMs?: number;
}

/** A Bottleneck-group lookalike that runs jobs at once (the throttling plugin asks for `key(id).schedule`). */
const PASS_THROUGH_GROUP = {
  key: () => ({
    schedule: (first: unknown, ...rest: unknown[]) => {
      const [task, ...args] = typeof first === 'function' ? [first, ...rest] : rest;
      return Promise.resolve((task as (...values: unknown[]) => unknown)(...args));
    },
  }),
};

/** The bot's Octokit class. */
export function botOctokit(options: BotOctokitOptions = {}): typeof ProbotOctokit {
  const retries = options.retries ?? 3;
  const base = options.retryAfterBaseMs ?? 1000;
  const throttle = {
    enabled: true,
    retryAfterBaseValue: base,
    fallbackSecondaryRateRetryAfter: 60,
    write: PASS_THROUGH_GROUP,
    notifications: PASS_THROUGH_GROUP,
    onSecondaryRateLimit: (_retryAfter: number, _request: unknown, _octokit: unknown, retryCount: number) => retryCount < retries,
    onRateLimit: (_retryAfter: number, _request: unknown, _octokit: unknown, retryCount: number) => retryCount < 2,
  };
  // A function, not an object: Probot passes its own throttle handlers (log only) per instance, and
  // object defaults would be overwritten by them; here ours win and Probot's other settings stay.
  return ProbotOctokit.defaults((instance: Record<string, unknown> = {}) => ({
    ...instance,
    retry: { ...(instance.retry as object | undefined), retries, retryAfterBaseValue: base },
    throttle: { ...(instance.throttle as object | undefined), ...throttle },
  })) as typeof ProbotOctokit;
}
