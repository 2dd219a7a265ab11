/** `merge_group` checks_requested: the merge queue needs the same required checks, or it blocks forever. */
import type { Probot } from 'probot';
import type { BotDependencies } from '../bot-dependencies.ts';
import { checkMergeGroup } from '../core/check-merge-group.ts';
import { handleEvent, repositoryOf } from './handle-event.ts';

/** Registers the handler. */
export function register(app: Probot, dependencies: BotDependencies): void {
  app.on('merge_group.checks_requested', async (context) => {
    const group = context.payload.merge_group;
    await handleEvent(context, dependencies, (run) =>
      checkMergeGroup(run, repositoryOf(context), { headSha: group.head_sha, headRef: group.head_ref, baseSha: group.base_sha, baseRef: group.base_ref }),
    );
  });
}
