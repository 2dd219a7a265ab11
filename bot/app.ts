/**
 * The Probot app: wires the handlers, nothing else. `createApp(partial)` builds it with injected
 * dependencies (tests, the benchmark); the default export uses the production ones, configured from
 * the environment when Probot loads it. Build the Probot with `Octokit: botOctokit()` so retries and
 * write pacing are the bot's.
 */
import type { ApplicationFunctionOptions, Probot } from 'probot';
import { type BotDependencies, defaultDependencies } from './bot-dependencies.ts';
import { HANDLERS } from './handlers/index.ts';

/** A Probot app function. */
export type BotApp = (app: Probot, options?: ApplicationFunctionOptions) => void;

/** The app function with `overrides` in place of the default dependencies. */
export function createApp(overrides: Partial<BotDependencies> = {}): BotApp {
  return (app) => {
    const dependencies = defaultDependencies(overrides);
    for (const handler of HANDLERS) handler.register(app, dependencies);
  };
}

/** The app with production dependencies. */
const app: BotApp = createApp();
export default app;
