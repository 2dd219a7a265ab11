/**
 * The Octokit class the bot's Probot must be built with (`new Probot({ Octokit: botOctokit(), … })`):
 * Probot's own, with the retry plugin on for 5xx (3 retries) and the throttling plugin retrying
 * secondary rate limits (Probot's default only logs them) and primary ones twice. Write pacing is the
 * forge's (`WritePacer`, per installation, configurable), so the throttling plugin's own process-wide
 * write and notification queues are replaced by pass-through ones: one pacer, not two. The plugin's
 * Bottleneck limiters are replaced by inline ones (the same limits and retries, ~10 ms a request less).
 */
import { ProbotOctokit } from 'probot';
import { InlineLimiter, InlineLimiterGroup } from './inline-limiter.ts';

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

/**
 * The throttling plugin's process-wide limiters, as its own defaults have them but without Bottleneck's
 * per-job event-loop yields (see `inline-limiter.ts`): at most 10 requests at once, one token request
 * at a time; writes and notifications unlimited here, as the forge's pacer spaces them. Searches go
 * one at a time but without the plugin's 2 s spacing: the bot sends none (add a pacer before it does).
 */
const LIMITERS = {
  global: new InlineLimiterGroup(10),
  auth: new InlineLimiterGroup(1),
  search: new InlineLimiterGroup(1),
  write: new InlineLimiterGroup(),
  notifications: new InlineLimiterGroup(),
};

/** The bot's Octokit class. */
export function botOctokit(options: BotOctokitOptions = {}): typeof ProbotOctokit {
  const retries = options.retries ?? 3;
  const base = options.retryAfterBaseMs ?? 1000;
  const throttle = {
    enabled: true,
    retryAfterBaseValue: base,
    fallbackSecondaryRateRetryAfter: 60,
    ...LIMITERS,
    onSecondaryRateLimit: (_retryAfter: number, _request: unknown, _octokit: unknown, retryCount: number) => retryCount < retries,
    onRateLimit: (_retryAfter: number, _request: unknown, _octokit: unknown, retryCount: number) => retryCount < 2,
  };
  // A function, not an object: Probot passes its own throttle handlers (log only) per instance, and
  // object defaults would be overwritten by them; here ours win and Probot's other settings stay.
  return ProbotOctokit.defaults((instance: Record<string, unknown> = {}) => ({
    ...instance,
    retry: { ...(instance.retry as object | undefined), retries, retryAfterBaseValue: base },
    // The retry limiter gets the instance's rate-limit listeners, so each instance has its own.
    throttle: { ...(instance.throttle as object | undefined), ...throttle, retryLimiter: new InlineLimiter() },
  })) as typeof ProbotOctokit;
}
