/**
 * The Probot app: wires the handlers, nothing else. `createApp(partial)` builds it with injected
 * dependencies (tests, the benchmark); the default export uses the production ones, configured from
 * the environment. Build the Probot with `Octokit: botOctokit()` so retries and pacing are the bot's.
 */
import type { ApplicationFunction, ApplicationFunctionOptions, Probot } from 'probot';
import { type BotDependencies, defaultDependencies } from './bot-dependencies.ts';
import { HANDLERS } from './handlers/index.ts';

/** The app function with `overrides` in place of the default dependencies. */
export function createApp(overrides: Partial<BotDependencies> = {}): ApplicationFunction {
  return (app: Probot, _options?: ApplicationFunctionOptions) => {
    const dependencies = defaultDependencies(overrides);
    for (const handler of HANDLERS) handler.register(app, dependencies);
  };
}

/** The app with production dependencies. */
const app = (probot: Probot, options?: ApplicationFunctionOptions): void => {
  createApp()(probot, options ?? {});
};
export default app;
