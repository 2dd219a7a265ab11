/** `pull_request_review` submitted or dismissed: approvals changed, so the pull request is checked again. */
import type { Probot } from 'probot';
import type { BotDependencies } from '../bot-dependencies.ts';
import { checkPullRequest } from '../core/check-pull-request.ts';
import { handleEvent, repositoryOf } from './handle-event.ts';

/** Registers the handler. */
export function register(app: Probot, dependencies: BotDependencies): void {
  app.on(['pull_request_review.submitted', 'pull_request_review.dismissed'], async (context) => {
    await handleEvent(context, dependencies, (run) => checkPullRequest(run, repositoryOf(context), context.payload.pull_request.number));
  });
}
