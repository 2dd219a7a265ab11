/**
 * The job limiters the Octokit throttling plugin schedules every request through, without Bottleneck's
 * cost. The plugin takes its limiters as options (`retryLimiter`, `global`, `auth`, `search`, `write`,
 * `notifications`); by default they are Bottleneck instances, whose every job yields to the event loop
 * with `setTimeout(0)` several times — about 10 ms a request, more than a zero-latency GitHub answers
 * in. These do what the plugin relies on, inline: at most `maxConcurrent` jobs at once (others wait in
 * call order), and Bottleneck's retry contract — when a job fails, the `failed` listeners get
 * `(error, { args, retryCount })`, and a number returned by one of them re-runs the job after that
 * many milliseconds (how the plugin retries secondary and primary rate limits).
 */

/** What a `failed` listener is told about the job. */
export interface LimitedJobInfo {
  readonly args: readonly unknown[];
  readonly retryCount: number;
}

type FailedListener = (error: unknown, info: LimitedJobInfo) => unknown;
type Task = (...args: unknown[]) => unknown;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A limiter with Bottleneck's `schedule([options], task, ...args)` and `on('failed', listener)`. */
export class InlineLimiter {
  readonly #maxConcurrent: number;
  readonly #waiting: (() => void)[] = [];
  readonly #failedListeners: FailedListener[] = [];
  #running = 0;

  /** @param maxConcurrent jobs running at once. @default Infinity */
  constructor(maxConcurrent = Number.POSITIVE_INFINITY) {
    this.#maxConcurrent = maxConcurrent;
  }

  /** Registers a listener; only `failed` has any (the plugin listens to nothing else). */
  on(event: string, listener: FailedListener): void {
    if (event === 'failed') this.#failedListeners.push(listener);
  }

  /** Runs `task(...args)` when a slot is free; Bottleneck's leading job-options argument is accepted and ignored. */
  schedule(...input: unknown[]): Promise<unknown> {
    const [task, ...args] = (typeof input[0] === 'function' ? input : input.slice(1)) as [Task, ...unknown[]];
    return this.#run(task, args, 0);
  }

  async #run(task: Task, args: readonly unknown[], retryCount: number): Promise<unknown> {
    await this.#acquire();
    let failure: unknown;
    try {
      return await task(...args);
    } catch (error) {
      failure = error;
    } finally {
      this.#release();
    }
    const retryAfterMs = await this.#retryDelay(failure, { args, retryCount });
    if (retryAfterMs === undefined) throw failure;
    await sleep(retryAfterMs);
    return this.#run(task, args, retryCount + 1);
  }

  /** The first number a `failed` listener returns; a listener that throws counts as no retry (as in Bottleneck). */
  async #retryDelay(error: unknown, info: LimitedJobInfo): Promise<number | undefined> {
    const answers = await Promise.all(this.#failedListeners.map((listener) => (async () => listener(error, info))().catch(() => undefined)));
    const delay = answers.find((answer) => answer !== undefined && answer !== null);
    return delay === undefined ? undefined : Math.max(0, Math.trunc(Number(delay)) || 0);
  }

  async #acquire(): Promise<void> {
    if (this.#running < this.#maxConcurrent) {
      this.#running++;
      return;
    }
    // The slot is handed over by `#release`, which leaves the count as it is.
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#running--;
  }
}

/** A Bottleneck-group lookalike: one `InlineLimiter` per key (the plugin keys by its `id` option). */
export class InlineLimiterGroup {
  readonly #maxConcurrent: number;
  readonly #limiters = new Map<string, InlineLimiter>();

  /** @param maxConcurrent jobs running at once per key. @default Infinity */
  constructor(maxConcurrent = Number.POSITIVE_INFINITY) {
    this.#maxConcurrent = maxConcurrent;
  }

  /** The limiter of `id`. */
  key(id = ''): InlineLimiter {
    let limiter = this.#limiters.get(id);
    if (!limiter) {
      limiter = new InlineLimiter(this.#maxConcurrent);
      this.#limiters.set(id, limiter);
    }
    return limiter;
  }
}
