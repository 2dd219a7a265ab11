/**
 * `check_run` and `check_suite` rerequested: someone pressed "Re-run" on one of the bot's checks. The
 * pull request comes from the runs' `external_id` (`cirrus-mlops:pr=7:…`), which also works for fork
 * pull requests (whose `pull_requests` list GitHub leaves empty), or from the payload's list.
 * Merge-queue entries are not re-run here: the queue sends a new `merge_group` event when it retries.
 */
import type { Probot } from 'probot';
import type { BotDependencies } from '../bot-dependencies.ts';
import { checkPullRequest } from '../core/check-pull-request.ts';
import type { EventRun } from '../core/event-run.ts';
import type { RepositoryName } from '../git/clone-url.ts';
import { subjectOfExternalId } from '../publish/publish-checks.ts';
import { ALL_CHECK_NAMES } from '../render/check-names.ts';
import { handleEvent, repositoryOf } from './handle-event.ts';

interface Rerun {
  readonly headSha: string;
  readonly externalIds: readonly (string | null)[];
  readonly pullRequests: readonly { number: number }[];
}

async function rerun(run: EventRun, repository: RepositoryName, request: Rerun): Promise<string> {
  const fromRuns = request.externalIds.map(subjectOfExternalId).find((subject) => subject !== undefined);
  const numbered = fromRuns?.startsWith('pr=') ? Number(fromRuns.slice(3)) : request.pullRequests[0]?.number;
  if (numbered !== undefined && Number.isInteger(numbered)) return checkPullRequest(run, repository, numbered);
  run.log.warn({ headSha: request.headSha }, 're-run requested for a commit of no pull request the bot knows');
  return 'unknown-subject';
}

/** Registers the handlers. */
export function register(app: Probot, dependencies: BotDependencies): void {
  app.on('check_run.rerequested', async (context) => {
    const checkRun = context.payload.check_run;
    if (!ALL_CHECK_NAMES.includes(checkRun.name)) return;
    await handleEvent(context, dependencies, (run) =>
      rerun(run, repositoryOf(context), { headSha: checkRun.head_sha, externalIds: [checkRun.external_id ?? null], pullRequests: checkRun.pull_requests }),
    );
  });
  app.on('check_suite.rerequested', async (context) => {
    const suite = context.payload.check_suite;
    await handleEvent(context, dependencies, async (run) => {
      const runs = await run.forge.listCheckRuns(repositoryOf(context), suite.head_sha, ALL_CHECK_NAMES);
      return rerun(run, repositoryOf(context), { headSha: suite.head_sha, externalIds: runs.map((checkRun) => checkRun.externalId), pullRequests: suite.pull_requests });
    });
  });
}
