/**
 * `/mlops promote` and `/mlops rollback` as commands of the bot: the promote handlers
 * (`bot/promote/`) with real dependencies — the config repo's default branch (through the API) read
 * from the clone cache, the audit trail of the deploy repo it names (a leased clone, released when
 * the command is done), pull requests opened through the event's installation Octokit.
 */
import { readPromoteTemplates } from '../../compiler/cli/promote/templates.ts';
import type { EventRun } from '../core/event-run.ts';
import type { CommandHandler } from '../promote/command-handler.ts';
import { leaseDeployRepoOf } from '../deploy/leased-deploy-repo.ts';
import type { RepositoryName } from '../git/clone-url.ts';
import { cloneTrailReader } from '../promote/git-clone-readers.ts';
import type { ConfigRepoReader, PromoteDependencies, TrailReader } from '../promote/dependencies.ts';
import { OctokitPullRequestForge } from '../promote/octokit-forge.ts';
import { promoteCommand as promoteHandler } from '../promote/promote-command.ts';
import { registryEntry } from '../promote/registry-entry.ts';
import { rollbackCommand as rollbackHandler } from '../promote/rollback-command.ts';
import type { BotCommand, CommandInvocation } from './bot-command.ts';

/** The config repo over the clone cache, its default branch as GitHub names it. */
function configReader(run: EventRun, repository: RepositoryName, base: { readonly name: string; readonly sha: string }): ConfigRepoReader {
  const { git } = run.dependencies;
  return {
    defaultBranch: async () => base,
    async sourceTreeAt(sha) {
      await git.ensureCommits(repository, [{ sha }], run.token);
      return git.sourceTreeAt(repository, sha);
    },
    async readFileAt(sha, path) {
      if (!/^[0-9a-f]{40}$/.test(sha)) return undefined;
      await git.ensureCommits(repository, [{ sha }], run.token);
      const bytes = await git.fileAt(repository, sha, path);
      return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
    },
  };
}

const EMPTY_TRAIL: TrailReader = { read: async () => [], deployCommits: async () => new Map() };

/** Builds the promote dependencies of one invocation; `releases` collects what to release afterwards. */
async function promoteDependencies(invocation: CommandInvocation, releases: (() => void)[]): Promise<PromoteDependencies> {
  const { run, repository } = invocation;
  const octokit = run.octokit;
  if (!octokit) throw new Error('bug: a command ran without the event Octokit');
  const name = (await octokit.rest.repos.get({ owner: repository.owner, repo: repository.repo })).data.default_branch;
  const sha = (await octokit.rest.repos.getBranch({ owner: repository.owner, repo: repository.repo, branch: name })).data.commit.sha;
  await run.dependencies.git.ensureCommits(repository, [{ sha, ref: `refs/heads/${name}` }], run.token);
  const deployRepo = await leaseDeployRepoOf(run, await run.dependencies.git.sourceTreeAt(repository, sha));
  if (deployRepo) releases.push(deployRepo.release);
  return {
    config: configReader(run, repository, { name, sha }),
    trail: deployRepo?.tip ? cloneTrailReader(deployRepo.dir, deployRepo.tip) : EMPTY_TRAIL,
    forge: new OctokitPullRequestForge(octokit, repository.owner, repository.repo),
    templates: await readPromoteTemplates(),
    issueNumber: invocation.number,
    requestedBy: invocation.commenter,
    now: run.dependencies.clock,
  };
}

/** A promote handler as a bot command; the deploy repo clone is released when the command ends. */
function botCommandOf<Request>(handler: CommandHandler<Request, PromoteDependencies>): BotCommand {
  return {
    name: handler.name,
    usage: handler.usage,
    summary: handler.summary,
    async run(invocation) {
      const releases: (() => void)[] = [];
      try {
        await registryEntry(handler, (words: CommandInvocation) => promoteDependencies(words, releases)).run(invocation);
      } finally {
        for (const release of releases) release();
      }
    },
  };
}

/** `/mlops promote <deployment> <version> to <env>`. */
export const promoteCommand: BotCommand = botCommandOf(promoteHandler);

/** `/mlops rollback <deployment> in <env> [to #seq]`. */
export const rollbackCommand: BotCommand = botCommandOf(rollbackHandler);
