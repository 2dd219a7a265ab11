/**
 * Wrap a Probot application function so every handler it registers with `app.on` is timed and its
 * outcome counted, and the GitHub writes it made are observed per event.
 */
import type { ApplicationFunction, Probot } from 'probot';
import type { BotMetrics } from './bot-metrics.ts';

interface HandledContext {
  name: string;
  payload: unknown;
  octokit: object;
}

type Handler = (context: HandledContext) => unknown;

/** At most 64 printable characters, so a label never carries control characters or grows unbounded. */
function labelValue(value: unknown): string {
  return typeof value === 'string' ? value.replace(/[^\x20-\x7e]/g, '?').slice(0, 64) : '';
}

/** A handler that records metrics around `handler`; a throw is counted as `failure` and rethrown. */
export function instrumentHandler(handler: Handler, metrics: BotMetrics): Handler {
  return async (context) => {
    const event = labelValue(context.name);
    const action = labelValue((context.payload as { action?: unknown } | null)?.action);
    const writesBefore = metrics.writesBy(context.octokit);
    const stopTimer = metrics.handlerSeconds.startTimer({ event, action });
    let outcome = 'failure';
    try {
      const result = await handler(context);
      outcome = 'success';
      return result;
    } finally {
      stopTimer();
      metrics.eventsHandled.inc({ event, action, outcome });
      metrics.writesPerEvent.observe({ event }, metrics.writesBy(context.octokit) - writesBefore);
    }
  };
}

/** `appFunction`, with every `app.on` handler instrumented; everything else on `app` is untouched. */
export function instrumentApp(appFunction: ApplicationFunction, metrics: BotMetrics): ApplicationFunction {
  return (app, options) => {
    const on = ((eventName: unknown, handler: Handler) =>
      (app.on as (name: unknown, callback: Handler) => void)(eventName, instrumentHandler(handler, metrics))) as Probot['on'];
    const instrumented = new Proxy(app, {
      get(target, property) {
        if (property === 'on') return on;
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return appFunction(instrumented, options);
  };
}
