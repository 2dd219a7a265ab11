/**
 * The bot's Prometheus metrics, on a registry of their own (so tests and several bots in one process
 * never collide), exposed by the server at `/metrics`.
 */
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Options of `createBotMetrics`. */
export interface BotMetricsOptions {
  /**
   * Also collect Node.js process metrics (CPU, memory, event-loop lag, GC).
   * @default false
   */
  readonly processMetrics?: boolean;
}

/** The bot's metrics and the registry that holds them. */
export interface BotMetrics {
  readonly registry: Registry;
  /** Webhook events handled, by event, action and outcome (`success` or `failure`). */
  readonly eventsHandled: Counter<'event' | 'action' | 'outcome'>;
  /** Time a handler took, from the event reaching it to its last API call, by event and action. */
  readonly handlerSeconds: Histogram<'event' | 'action'>;
  /**
   * GitHub REST calls, by method, route template and final status (`error` when no response came back).
   * One call is counted once, after Probot's retries and throttling: a 502 then a 200 counts one 200.
   */
  readonly githubRequests: Counter<'method' | 'route' | 'status'>;
  /** Attempts Octokit's retry plugin repeated (after 5xx and the like), by method and route template. */
  readonly githubRetries: Counter<'method' | 'route'>;
  /** Latency of GitHub REST calls, by method and route template. */
  readonly githubRequestSeconds: Histogram<'method' | 'route'>;
  /** Writing GitHub calls (POST, PATCH, PUT, DELETE) one handler made for one event, by event. */
  readonly writesPerEvent: Histogram<'event'>;
  /** Writing calls made so far by one Octokit instance (`context.octokit`); 0 for an unseen one. */
  writesBy(octokit: object): number;
  /** Count one writing call of an Octokit instance. */
  countWrite(octokit: object): void;
}

/** Create the bot's metrics on a fresh registry. */
export function createBotMetrics(options: BotMetricsOptions = {}): BotMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const writes = new WeakMap<object, number>();
  return {
    registry,
    eventsHandled: new Counter({
      name: 'mlops_bot_events_handled_total',
      help: 'Webhook events handled, by event, action and outcome.',
      labelNames: ['event', 'action', 'outcome'] as const,
      registers,
    }),
    handlerSeconds: new Histogram({
      name: 'mlops_bot_handler_duration_seconds',
      help: 'Time a webhook handler took, by event and action.',
      labelNames: ['event', 'action'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    githubRequests: new Counter({
      name: 'mlops_bot_github_requests_total',
      help: 'GitHub REST calls, by method, route template and status.',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    githubRetries: new Counter({
      name: 'mlops_bot_github_retries_total',
      help: 'GitHub REST attempts repeated by the retry plugin, by method and route template.',
      labelNames: ['method', 'route'] as const,
      registers,
    }),
    githubRequestSeconds: new Histogram({
      name: 'mlops_bot_github_request_duration_seconds',
      help: 'Latency of GitHub REST calls, by method and route template.',
      labelNames: ['method', 'route'] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    writesPerEvent: new Histogram({
      name: 'mlops_bot_github_writes_per_event',
      help: 'Writing GitHub calls one handler made for one event, by event.',
      labelNames: ['event'] as const,
      buckets: [0, 1, 2, 3, 4, 5, 8, 13, 21, 34],
      registers,
    }),
    writesBy: (octokit) => writes.get(octokit) ?? 0,
    countWrite: (octokit) => {
      writes.set(octokit, (writes.get(octokit) ?? 0) + 1);
    },
  };
}
