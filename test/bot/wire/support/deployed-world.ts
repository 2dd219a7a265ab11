/** A bot scenario whose base commit is merged and deployed (through the app) into the bare `acme/mlops-deploy` that platform.yaml names. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import nock from 'nock';
import { simpleGit } from 'simple-git';
import type { BotDependencies } from '../../../../bot/bot-dependencies.ts';
import { commitsOf } from '../../../cli/deploy/support/git-repos.ts';
import { assertAllMocksUsed, TARGET } from '../../support/bot-harness.ts';
import { githubApi } from '../../support/github-api.ts';
import { comparisonBody, createdDeploymentStatusBody, deploymentBody } from '../../support/github-bodies.ts';
import { type Scenario, scenario } from '../../support/scenario.ts';
import { mergedPullRequestPayload } from '../../support/webhook-payloads.ts';

/** The bare deploy repo beside the config remote (empty). */
export async function deployRemote(world: Scenario): Promise<string> {
  const bare = join(world.remote.root, 'remotes', 'acme', 'mlops-deploy.git');
  await mkdir(bare, { recursive: true });
  await simpleGit(bare).raw(['init', '--bare', '--quiet', '--initial-branch=main']);
  return bare;
}

/** The scenario (of `files`, default the valid org), its deploy repo and the deploy commit of its base (PR #7 merged by pat). */
export async function deployedWorld(overrides: Partial<BotDependencies> = {}, files?: Record<string, string>): Promise<{ world: Scenario; bare: string; deployCommit: string }> {
  const world = await scenario(overrides, files);
  const bare = await deployRemote(world);
  world.github.install(['listReviews']);
  githubApi()
    .post('/repos/acme/config/deployments').times(3).reply(201, (_uri, body) => deploymentBody({ id: 700, environment: (body as { environment: string }).environment }))
    .post('/repos/acme/config/deployments/700/statuses').times(3).reply(201, (_uri, body) => createdDeploymentStatusBody((body as { state: string }).state));
  await world.bot.deliver('pull_request', mergedPullRequestPayload(TARGET, world.fields(world.base), world.base, 'pat'));
  const pending = assertAllMocksUsed();
  if (pending.length > 0) throw new Error(`deploy of the base did not use ${pending.join(', ')}`);
  nock.disableNetConnect();
  const [commit] = await commitsOf(bare);
  if (!commit) throw new Error('the base was not deployed');
  return { world, bare, deployCommit: commit.sha };
}

/**
 * `GET …/compare/{base}...{head}` answered from the config remote's history (persisted): a deploy asks
 * GitHub whether the deployed source is behind the merged one.
 */
export function compareFromRemote(world: Scenario): nock.Scope {
  return githubApi()
    .persist()
    .get(new RegExp(`^/repos/${TARGET.owner}/${TARGET.repo}/compare/[0-9a-f]{40}\\.\\.\\.[0-9a-f]{40}(\\?.*)?$`))
    .reply(200, async (uri) => {
      const [base, head] = uri.split('/compare/')[1]!.split('?')[0]!.split('...');
      const git = simpleGit(world.remote.bare);
      const behind = async (a: string, b: string) => (await git.raw(['merge-base', a, b])).trim() === a;
      return comparisonBody(base === head ? 'identical' : (await behind(base!, head!)) ? 'ahead' : (await behind(head!, base!)) ? 'behind' : 'diverged');
    });
}
