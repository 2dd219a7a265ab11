/**
 * The shared shell of every handler: builds the event's forge, token and logger, runs the work, and
 * reports what it cost (API calls, writes, milliseconds) to the log and to `onEventHandled`.
 */
import type { Octokit } from '@octokit/rest';
import type { Context } from 'probot';
import type { BotDependencies } from '../bot-dependencies.ts';
import type { EventRun } from '../core/event-run.ts';
import type { RepositoryName } from '../git/clone-url.ts';

/** The repository of an event's payload. */
export function repositoryOf(context: Context): RepositoryName {
  const repository = (context.payload as { repository: { owner: { login: string }; name: string } }).repository;
  return { owner: repository.owner.login, repo: repository.name };
}

/** Runs `work` for one event; its result is the outcome logged. */
export async function handleEvent(context: Context, dependencies: BotDependencies, work: (run: EventRun) => Promise<string>): Promise<void> {
  const started = performance.now();
  const forge = dependencies.forgeFor(context);
  const run: EventRun = { dependencies, forge, token: await dependencies.tokenFor(context), log: context.log, octokit: context.octokit as unknown as Octokit };
  const action = (context.payload as { action?: string }).action;
  const name = action ? `${context.name}.${action}` : context.name;
  const outcome = await work(run);
  const { calls, writes } = forge.stats();
  const ms = Math.round(performance.now() - started);
  context.log.info({ event: name, delivery: context.id, outcome, apiCalls: calls, writes, ms }, 'event handled');
  dependencies.onEventHandled?.({ name, outcome, calls, writes, ms });
}
