import nock from 'nock';
import { simpleGit } from 'simple-git';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTrail, trailEntries } from '../../../compiler/audit/parse-trail.ts';
import { verifyTrail } from '../../../compiler/audit/verify-trail.ts';
import { deployCommitLink } from '../../../compiler/deploy/commit-trailers.ts';
import { commitsOf, fileAt } from '../../cli/deploy/support/git-repos.ts';
import { assertAllMocksUsed, TARGET } from '../support/bot-harness.ts';
import { edited, TEAM_FILE, teamWithCanary, validOrg } from '../support/config-fixture.ts';
import { githubApi } from '../support/github-api.ts';
import { createdDeploymentStatusBody, deploymentBody } from '../support/github-bodies.ts';
import { type Scenario, scenario } from '../support/scenario.ts';
import { mergedPullRequestPayload } from '../support/webhook-payloads.ts';
import { compareFromRemote, deployRemote } from './support/deployed-world.ts';

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

  /** Two PRs merged one after the other (7, then 8 on top), each approved by fraud-ml member bob, 8 also by carol. */
  async function twoMergedPullRequests() {
    world = await scenario();
    const bare = await deployRemote(world);
    world.github.install(['listReviews', 'teamMembership']);
    const first = await merge('a'.repeat(40), world.base, { [TEAM_FILE]: teamWithCanary(12) });
    const second = await merge('b'.repeat(40), first, { [TEAM_FILE]: teamWithCanary(14) });
    world.github.review(7, 'bob', 'APPROVED', first);
    world.github.review(8, 'bob', 'APPROVED', second);
    world.github.review(8, 'carol', 'APPROVED', second);
    return { bare, first, second, compare: compareFromRemote(world), deployments: deploymentRoutes(4).persist() };
  }

  /** Both PRs have their own deploy entry, in order, chain intact, with their approvers; returns the links oldest first. */
  async function expectBothRecorded(bare: string, first: string, second: string) {
    const links = (await commitsOf(bare)).reverse().map((commit) => deployCommitLink(commit.message)!);
    expect(links.map((link) => link.auditSeq)).toEqual([1, 2]);
    expect(await trailOf(bare)).toMatchObject({ ok: true, entries: 2, lastSeq: 2 });
    const entries = trailEntries(parseTrail([{ path: 'audit/2026-11.jsonl', content: (await fileAt(bare, 'audit/2026-11.jsonl'))! }]));
    const of = (pr: number) => entries.filter((entry) => entry.event === 'deploy' && entry.source.pr === pr);
    expect(of(7)).toEqual([expect.objectContaining({ source: expect.objectContaining({ sha: first }), approvers: ['bob'] })]);
    expect(of(8)).toEqual([expect.objectContaining({ source: expect.objectContaining({ sha: second }), approvers: ['bob', 'carol'] })]);
    for (const entry of entries) expect(entry.approvals.find((approval) => approval.id === 'team:fraud')).toEqual({ id: 'team:fraud', count: 1, approvedBy: ['bob'], satisfied: true });
    // The deploy repo serves the newest merge; an older merge landing later is an audit-only record naming the commit that deployed it.
    const deployCommits = (await commitsOf(bare)).filter((commit) => deployCommitLink(commit.message)?.includedIn === undefined);
    expect(deployCommitLink(deployCommits[0]!.message)).toMatchObject({ sourceSha: second, pullRequest: 8, event: 'deploy' });
    return links;
  }

  it('two app instances merging two PRs at once: both recorded with their approvers, in order, the chain intact', async () => {
    const { bare, first, second, compare, deployments } = await twoMergedPullRequests();
    const other = await world.replica();
    await Promise.all([
      world.bot.deliver('pull_request', mergedPullRequestPayload(TARGET, world.fields(first, 7), first, 'pat')),
      other.deliver('pull_request', mergedPullRequestPayload(TARGET, world.fields(second, 8), second, 'pat')),
    ]);
    deployments.persist(false);
    compare.persist(false);
    nock.cleanAll();
    // Whichever replica pushes first, both merges are recorded: either both deployed in order, or the
    // newer deployed and the older recorded after it as included in the newer's deploy commit.
    const links = await expectBothRecorded(bare, first, second);
    expect([[first, second], [second, first]]).toContainEqual(links.map((link) => link.sourceSha));
    if (links[0]!.sourceSha === second) expect(links[1]!.includedIn).toBe((await commitsOf(bare))[1]!.sha);
  });

  it('the newer merge deployed first: the older one is recorded after it, naming the deploy commit that includes it', async () => {
    const { bare, first, second, compare, deployments } = await twoMergedPullRequests();
    await world.bot.deliver('pull_request', mergedPullRequestPayload(TARGET, world.fields(second, 8), second, 'pat'));
    await world.bot.deliver('pull_request', mergedPullRequestPayload(TARGET, world.fields(first, 7), first, 'pat'));
    deployments.persist(false);
    compare.persist(false);
    nock.cleanAll();
    const links = await expectBothRecorded(bare, first, second);
    const [record, including] = await commitsOf(bare);
    expect(links).toEqual([
      { sourceSha: second, sourceRepo: 'acme/config', pullRequest: 8, auditSeq: 1, event: 'deploy' },
      { sourceSha: first, sourceRepo: 'acme/config', pullRequest: 7, auditSeq: 2, event: 'deploy', includedIn: including!.sha },
    ]);
    // Audit only: the record changes no manifest.
    expect((await simpleGit(bare).raw(['diff', '--name-only', including!.sha, record!.sha])).trim()).toBe('audit/2026-11.jsonl');
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
