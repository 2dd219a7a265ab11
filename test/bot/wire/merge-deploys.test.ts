import nock from 'nock';
import { simpleGit } from 'simple-git';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTrail } from '../../../compiler/audit/parse-trail.ts';
import { verifyTrail } from '../../../compiler/audit/verify-trail.ts';
import { deployCommitLink } from '../../../compiler/deploy/commit-trailers.ts';
import { commitsOf, fileAt } from '../../cli/deploy/support/git-repos.ts';
import { assertAllMocksUsed, TARGET } from '../support/bot-harness.ts';
import { edited, TEAM_FILE, teamWithCanary, validOrg } from '../support/config-fixture.ts';
import { githubApi } from '../support/github-api.ts';
import { comparisonBody, createdDeploymentStatusBody, deploymentBody } from '../support/github-bodies.ts';
import { type Scenario, scenario } from '../support/scenario.ts';
import { mergedPullRequestPayload } from '../support/webhook-payloads.ts';
import { deployRemote } from './support/deployed-world.ts';

let world: Scenario;

afterEach(async () => {
  await world.close();
});

const ROUTES = ['getPull', 'listCheckRuns', 'createCheckRun', 'listReviews', 'listComments', 'createComment', 'updateCheckRun', 'teamMembership'] as const;
const REPO = `/repos/${TARGET.owner}/${TARGET.repo}`;

/** GitHub Deployments of a merged commit: created per environment, set in progress. */
function deploymentRoutes(times: number) {
  let id = 500;
  return githubApi()
    .post(`${REPO}/deployments`)
    .times(times)
    .reply(201, (_uri, body) => deploymentBody({ id: ++id, environment: (body as { environment: string }).environment }))
    .post(/\/deployments\/\d+\/statuses$/)
    .times(times)
    .reply(201, (_uri, body) => createdDeploymentStatusBody((body as { state: string }).state));
}

/** Merges PR `number` (head `head`) into main as a new commit on the current main, and returns its SHA. */
async function merge(head: string, parent: string, files: Record<string, string>): Promise<string> {
  const merged = await world.remote.commit(files, parent, `Merge ${head.slice(0, 7)}`);
  await world.remote.setRef('refs/heads/main', merged);
  return merged;
}

async function trailOf(bare: string) {
  const content = await fileAt(bare, 'audit/2026-11.jsonl');
  return verifyTrail(parseTrail([{ path: 'audit/2026-11.jsonl', content: content! }]));
}

describe('merge is deploy, through the app', () => {
  it('PR opened, checks, owners approve, green, merged: one deploy commit with trailers and a chained audit entry', async () => {
    world = await scenario();
    const bare = await deployRemote(world);
    const head = await world.push({ [TEAM_FILE]: teamWithCanary(15) });
    world.github.install(ROUTES);
    await world.pullRequest('opened', head);
    await world.review('carol', 'APPROVED', head);
    await world.review('bob', 'APPROVED', head);
    for (const name of ['mlops/validate', 'mlops/policy', 'mlops/approvals']) expect(world.github.runs(name, head).at(-1)?.conclusion).toBe('success');
    const merged = await merge(head, world.base, { [TEAM_FILE]: teamWithCanary(15) });
    const deployments = deploymentRoutes(3);
    await world.bot.deliver('pull_request', mergedPullRequestPayload(TARGET, world.fields(head), merged, 'pat'));
    expect(deployments.pendingMocks()).toEqual([]);
    const commits = await commitsOf(bare);
    expect(commits).toHaveLength(1);
    expect(deployCommitLink(commits[0]!.message)).toEqual({ sourceSha: merged, sourceRepo: 'acme/config', pullRequest: 7, auditSeq: 1, event: 'deploy' });
    expect(commits[0]!.message).toContain('Mlops-Approved-By: bob');
    expect(await trailOf(bare)).toMatchObject({ ok: true, entries: 1 });
    expect(assertAllMocksUsed()).toEqual([]);
  });

  it('two app instances merging two PRs at once: both land, in order, the chain intact', async () => {
    world = await scenario();
    const bare = await deployRemote(world);
    const other = await world.replica();
    world.github.install(['listReviews']);
    const first = await merge('a'.repeat(40), world.base, { [TEAM_FILE]: teamWithCanary(12) });
    const second = await merge('b'.repeat(40), first, { [TEAM_FILE]: teamWithCanary(14) });
    // A deploy asks GitHub whether the deployed source is behind its own (answered from the remote's history).
    const compare = githubApi()
      .persist()
      .get(new RegExp(`^${REPO}/compare/[0-9a-f]{40}\\.\\.\\.[0-9a-f]{40}(\\?.*)?$`))
      .reply(200, async (uri) => {
        const [base, head] = uri.split('/compare/')[1]!.split('?')[0]!.split('...');
        const git = simpleGit(world.remote.bare);
        const behind = async (a: string, b: string) => (await git.raw(['merge-base', a, b])).trim() === a;
        return comparisonBody(base === head ? 'identical' : (await behind(base!, head!)) ? 'ahead' : (await behind(head!, base!)) ? 'behind' : 'diverged');
      });
    const deployments = deploymentRoutes(4).persist();
    await Promise.all([
      world.bot.deliver('pull_request', mergedPullRequestPayload(TARGET, world.fields(first, 7), first, 'pat')),
      other.deliver('pull_request', mergedPullRequestPayload(TARGET, world.fields(second, 8), second, 'pat')),
    ]);
    deployments.persist(false);
    compare.persist(false);
    nock.cleanAll();
    // Whichever replica pushes first, the deploy repo ends at the newest merge, never behind it: an
    // older merge either lands before the newer one or is recognised as superseded.
    const sources = (await commitsOf(bare)).reverse().map((commit) => deployCommitLink(commit.message));
    expect(sources.at(-1)).toMatchObject({ sourceSha: second, pullRequest: 8, event: 'deploy' });
    expect(sources.map((link) => link?.sourceSha)).toEqual(sources.length === 2 ? [first, second] : [second]);
    expect(sources.map((link) => link?.auditSeq)).toEqual(sources.map((_, index) => index + 1));
    expect(await trailOf(bare)).toMatchObject({ ok: true, entries: sources.length });
  });

  it('a config repo that declares no gitops.deployRepo is not deployed: no GitHub request, no error', async () => {
    const files = validOrg();
    files['platform.yaml'] = edited(files['platform.yaml']!, 'gitops:\n  deployRepo: acme/mlops-deploy\n', '');
    world = await scenario({}, files);
    const bare = await deployRemote(world);
    await world.bot.deliver('pull_request', mergedPullRequestPayload(TARGET, world.fields(world.base), world.base, 'pat'));
    expect(await commitsOf(bare).catch(() => [])).toEqual([]);
    // Nothing installed on the fake GitHub: any request would fail the deploy handler.
    expect(world.github.requests).toEqual([]);
    expect(assertAllMocksUsed()).toEqual([]);
  });
});
