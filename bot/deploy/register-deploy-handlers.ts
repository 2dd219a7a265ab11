/**
 * The deploy handlers of the GitHub App: a merged PR (`pull_request.closed` with `merged`), a push to
 * the default branch, and a merge-queue merge (`merge_group.destroyed` with reason `merged`) all
 * deploy the merged commit. The same commit announced twice (a merge sends both a pull_request and a
 * push event) deploys once: the second finds the first's trailer.
 */
import type { Probot } from 'probot';
import type { DeployForge, MergedPullRequest, RepositoryRef } from './deploy-forge.ts';
import type { DeployHandlerDependencies } from './deploy-handler-dependencies.ts';
import { deployMergedCommit, type MergedCommit, type MergedCommitResult } from './deploy-merged-commit.ts';
import { OctokitDeployForge, type RequestOctokit } from './octokit-deploy-forge.ts';

const SHA = /^[0-9a-f]{40}$/;

function repositoryOf(repository: { readonly full_name: string } | undefined): RepositoryRef | undefined {
  const [owner, repo, ...rest] = (repository?.full_name ?? '').split('/');
  return owner && repo && rest.length === 0 ? { owner, repo } : undefined;
}

/**
 * Runs tasks one after another per key: deploys of one config repo in this process never overlap (a
 * merge's pull_request and push events arrive together; the second then finds the first's commit).
 * Replicas still race, which the deploy's push-and-retry handles.
 */
function serialisedPerKey(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return (key, task) => {
    const previous = tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return next;
  };
}

/** Registers the handlers on `app`. */
export function registerDeployHandlers(app: Probot, dependencies: DeployHandlerDependencies): void {
  const log = dependencies.log ?? ((message: string) => app.log.error(message));
  const serialised = serialisedPerKey();
  const run = (octokit: unknown, commit: MergedCommit): Promise<MergedCommitResult> =>
    serialised(`${commit.repository.owner}/${commit.repository.repo}`.toLowerCase(), async () => {
      const forge: DeployForge = (dependencies.forge ?? ((client, repository) => new OctokitDeployForge(client, repository)))(octokit as RequestOctokit, commit.repository);
      const result = await deployMergedCommit(commit, forge, dependencies);
      if (result.status === 'error') log(`deploy of ${commit.repository.owner}/${commit.repository.repo}@${commit.sha} failed: ${result.message}`);
      return result;
    });

  app.on('pull_request.closed', async (context) => {
    const { pull_request: pull, repository } = context.payload;
    if (!pull.merged || !pull.merge_commit_sha || !SHA.test(pull.merge_commit_sha) || pull.base.ref !== repository.default_branch) return;
    const pullRequest: MergedPullRequest = {
      number: pull.number,
      author: pull.user?.login ?? 'unknown',
      headSha: pull.head.sha,
      labels: (pull.labels ?? []).map((label) => label.name),
      openedAt: pull.created_at,
      ...(pull.merged_at ? { mergedAt: pull.merged_at } : {}),
      ...(pull.merged_by?.login ? { mergedBy: pull.merged_by.login } : {}),
    };
    const source = repositoryOf(repository);
    if (!source) return;
    await run(context.octokit, { repository: source, sha: pull.merge_commit_sha, pullRequest, actor: pull.merged_by?.login ?? context.payload.sender.login });
  });

  app.on('push', async (context) => {
    const payload = context.payload;
    const source = repositoryOf(payload.repository);
    if (!source || payload.deleted || payload.ref !== `refs/heads/${payload.repository.default_branch}` || !SHA.test(payload.after)) return;
    await run(context.octokit, { repository: source, sha: payload.after, actor: payload.sender?.login ?? payload.pusher.name, ...(payload.head_commit?.message ? { commitMessage: payload.head_commit.message } : {}) });
  });

  app.on('merge_group.destroyed', async (context) => {
    const payload = context.payload;
    const source = repositoryOf(payload.repository);
    if (!source || payload.reason !== 'merged' || !SHA.test(payload.merge_group.head_sha)) return;
    await run(context.octokit, { repository: source, sha: payload.merge_group.head_sha, actor: payload.sender?.login ?? 'merge-queue', commitMessage: payload.merge_group.head_commit.message });
  });
}
