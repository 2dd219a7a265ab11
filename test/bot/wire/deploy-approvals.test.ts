import nock from 'nock';
import { simpleGit } from 'simple-git';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../compiler/audit/audit-entry.ts';
import { parseTrail, trailEntries } from '../../../compiler/audit/parse-trail.ts';
import { verifyTrail } from '../../../compiler/audit/verify-trail.ts';
import { deployCommitLink } from '../../../compiler/deploy/commit-trailers.ts';
import { commitsOf, fileAt } from '../../cli/deploy/support/git-repos.ts';
import { TARGET } from '../support/bot-harness.ts';
import { edited, TEAM_FILE, teamWithCanary, validOrg } from '../support/config-fixture.ts';
import { githubApi } from '../support/github-api.ts';
import { createdDeploymentStatusBody, deploymentBody } from '../support/github-bodies.ts';
import type { Scenario } from '../support/scenario.ts';
import { mergedPullRequestPayload } from '../support/webhook-payloads.ts';
import { compareFromRemote, deployedWorld } from './support/deployed-world.ts';

let world: Scenario;

afterEach(async () => {
  await world.close();
});

const ROUTES = ['getPull', 'listCheckRuns', 'createCheckRun', 'updateCheckRun', 'listReviews', 'listComments', 'createComment', 'updateComment', 'teamMembership'] as const;

/** Each rule of an `mlops/approvals` summary: met or not, and who approved (logins). */
function checkedRules(summary: string): { satisfied: boolean; approvedBy: string[] }[] {
  const decoded = summary.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));
  return decoded
    .split('\n')
    .filter((line) => /^- (✅|⏳) /.test(line))
    .map((line) => ({ satisfied: line.startsWith('- ✅'), approvedBy: (/ Approved by (.*)\.$/.exec(line)?.[1]?.split(', ') ?? []).map((handle) => handle.replace(/^@/, '')) }));
}

async function entriesOf(bare: string): Promise<AuditEntry[]> {
  const lines = parseTrail([{ path: 'audit/2026-11.jsonl', content: (await fileAt(bare, 'audit/2026-11.jsonl'))! }]);
  expect(verifyTrail(lines)).toMatchObject({ ok: true });
  return trailEntries(lines);
}

describe('the deploy records the approvals the mlops/approvals check counted', () => {
  it('team owners by membership; the author, a dismissed review and an approval before a config-changing push left out', async () => {
    const deployed = await deployedWorld();
    world = deployed.world;
    world.github.install(ROUTES);
    const first = await world.push({ [TEAM_FILE]: teamWithCanary(12) });
    await world.pullRequest('opened', first);
    // dan approves, then a push changes the config again: dan's approval no longer counts.
    await world.review('dan', 'APPROVED', first);
    const head = await world.push({ [TEAM_FILE]: teamWithCanary(15) }, { parent: first });
    await world.pullRequest('synchronize', head);
    await world.review('bob', 'APPROVED', head);
    await world.review('carol', 'APPROVED', head);
    await world.review('eve', 'APPROVED', head);
    await world.review('eve', 'DISMISSED', head);
    await world.review('alice', 'APPROVED', head);
    const check = world.github.runs('mlops/approvals', head).at(-1)!;
    expect(check.conclusion).toBe('success');
    const checked = checkedRules(check.output.summary!);
    expect(checked).toEqual([
      { satisfied: true, approvedBy: ['bob'] },
      { satisfied: true, approvedBy: ['bob', 'carol'] },
    ]);

    const merged = await world.remote.commit({ [TEAM_FILE]: teamWithCanary(15) }, world.base, 'Merge pull request #7');
    await world.remote.setRef('refs/heads/main', merged);
    const deployments = githubApi()
      .persist()
      .post('/repos/acme/config/deployments')
      .reply(201, (_uri, body) => deploymentBody({ id: 900, environment: (body as { environment: string }).environment }))
      .post('/repos/acme/config/deployments/900/statuses')
      .reply(201, (_uri, body) => createdDeploymentStatusBody((body as { state: string }).state));
    const compare = compareFromRemote(world);
    const before = world.github.requests.length;
    await world.bot.deliver('pull_request', mergedPullRequestPayload(TARGET, world.fields(head), merged, 'pat'));
    deployments.persist(false);
    compare.persist(false);
    nock.cleanAll();

    const [commit] = await commitsOf(deployed.bare);
    expect(deployCommitLink(commit!.message)).toMatchObject({ sourceSha: merged, pullRequest: 7, auditSeq: 2, event: 'deploy' });
    const entry = (await entriesOf(deployed.bare)).at(-1)!;
    expect(entry.source).toMatchObject({ sha: merged, pr: 7, author: 'alice' });
    expect(entry.approvers).toEqual(['bob', 'carol']);
    expect(entry.approvals).toEqual([
      { id: 'team:fraud', count: 1, approvedBy: ['bob'], satisfied: true },
      { id: 'environment:prod', count: 2, approvedBy: ['bob', 'carol'], satisfied: true },
    ]);
    expect(entry.approvals.map(({ satisfied, approvedBy }) => ({ satisfied, approvedBy }))).toEqual(checked);
    expect(commit!.message).toContain('\nMlops-Approved-By: bob\nMlops-Approved-By: carol\n');
    // The deploy asked GitHub, as the check did: the reviews and the membership of @acme/fraud-ml of the two current approvers.
    const deployRequests = world.github.requests.slice(before).map((request) => `${request.method} ${request.path.split('?')[0]}`);
    expect(deployRequests).toEqual(['GET /repos/acme/config/pulls/7/reviews', 'GET /orgs/acme/teams/fraud-ml/memberships/bob', 'GET /orgs/acme/teams/fraud-ml/memberships/carol']);
  });

  it('a merged waiver: the deploy commit holds a waiver-used entry naming who granted it, and the granter\'s approval', async () => {
    const deployed = await deployedWorld();
    world = deployed.world;
    world.github.install(ROUTES);
    const waived = edited(
      edited(validOrg()[TEAM_FILE]!, '        digest: sha256:bbbb', '        # digest removed: sha256:bbbb'),
      'features: [amount] }',
      'features: [amount] }\npolicies:\n  waivers:\n    - { rule: ml/model-digest, target: models/fraud-detector, justification: "registry migration pending", ticket: SEC-9, approvedBy: "@sec-lead", expires: "2026-12-20" }',
    );
    const head = await world.push({ [TEAM_FILE]: waived });
    await world.pullRequest('opened', head);
    for (const login of ['bob', 'carol', 'sec-lead']) await world.review(login, 'APPROVED', head);
    expect(world.github.runs('mlops/approvals', head).at(-1)?.conclusion).toBe('success');
    const merged = await world.remote.commit({ [TEAM_FILE]: waived }, world.base, 'Merge pull request #7');
    await world.remote.setRef('refs/heads/main', merged);
    const deployments = githubApi()
      .persist()
      .post('/repos/acme/config/deployments')
      .reply(201, (_uri, body) => deploymentBody({ id: 901, environment: (body as { environment: string }).environment }))
      .post('/repos/acme/config/deployments/901/statuses')
      .reply(201, (_uri, body) => createdDeploymentStatusBody((body as { state: string }).state));
    const compare = compareFromRemote(world);
    await world.bot.deliver('pull_request', mergedPullRequestPayload(TARGET, world.fields(head), merged, 'pat'));
    deployments.persist(false);
    compare.persist(false);
    nock.cleanAll();

    const [commit] = await commitsOf(deployed.bare);
    expect(deployCommitLink(commit!.message)).toMatchObject({ sourceSha: merged, auditSeq: 2, lastAuditSeq: 3, event: 'deploy' });
    const [, deploy, used] = await entriesOf(deployed.bare);
    expect(deploy!.policy.waivers).toEqual([{ rule: 'ml/model-digest', target: 'models/fraud-detector', team: 'fraud', ticket: 'SEC-9', approvedBy: '@sec-lead', expires: '2026-12-20' }]);
    expect(used).toMatchObject({
      seq: 3,
      prev: deploy!.hash,
      event: 'waiver-used',
      source: { sha: merged, pr: 7, author: 'alice' },
      teams: ['fraud'],
      waiver: { rule: 'ml/model-digest', target: 'models/fraud-detector', team: 'fraud', approvedBy: '@sec-lead', ticket: 'SEC-9', expires: '2026-12-20', justification: 'registry migration pending' },
      approvers: ['sec-lead'],
      approvals: [{ id: 'waiver:fraud:ml/model-digest:models/fraud-detector', count: 1, approvedBy: ['sec-lead'], satisfied: true }],
    });
    // Both entries landed in the deploy commit itself.
    expect((await simpleGit(deployed.bare).raw(['show', '--format=', '--unified=0', commit!.sha, '--', 'audit/2026-11.jsonl'])).split('\n').filter((line) => line.startsWith('+{'))).toHaveLength(2);
  });
});
