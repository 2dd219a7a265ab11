/**
 * `pull_request` opened, synchronize, reopened, ready_for_review, and edited when the base branch
 * changed: check the pull request at its current head.
 */
import type { Probot } from 'probot';
import type { BotDependencies } from '../bot-dependencies.ts';
import { checkPullRequest } from '../core/check-pull-request.ts';
import { handleEvent, repositoryOf } from './handle-event.ts';

/** Registers the handler. */
export function register(app: Probot, dependencies: BotDependencies): void {
  app.on(['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review', 'pull_request.edited'], async (context) => {
    if (context.payload.action === 'edited' && !('base' in (context.payload.changes ?? {}))) return;
    const { number, head, base } = context.payload.pull_request;
    await handleEvent(context, dependencies, (run) => checkPullRequest(run, repositoryOf(context), number, { headSha: head.sha, baseSha: base.sha, baseRef: base.ref }));
  });
}
