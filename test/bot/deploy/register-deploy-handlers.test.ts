import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import examples from '@octokit/webhooks-examples';
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerDeployHandlers } from '../../../bot/deploy/register-deploy-handlers.ts';
import { parseTrail } from '../../../compiler/audit/parse-trail.ts';
import { verifyTrail } from '../../../compiler/audit/verify-trail.ts';
import { runDeploy } from '../../../compiler/cli/deploy/run-deploy.ts';
import { deployCommitLink } from '../../../compiler/deploy/commit-trailers.ts';
import { commitsOf, fileAt, removeTempDirs } from '../../cli/deploy/support/git-repos.ts';
import { teamFile } from '../../plan/support/small-org.ts';
import { githubApi } from '../support/github-api.ts';
import { commitPullBody, comparisonBody, createdCommentBody, createdDeploymentStatusBody, deploymentBody, installationTokenBody, reviewBody, teamMembershipBody } from '../support/github-bodies.ts';
import { deployWorld, PRIVATE_KEY } from './support/deploy-world.ts';

type Example = { name: string; examples: Record<string, unknown>[] };
/** The commit of GitHub's example review. */
const REVIEWED_SHA = reviewBody('bob', 'APPROVED').commit_id as string;
const catalog = examples as unknown as Example[];

function example(name: string, pick: (payload: Record<string, unknown>) => boolean): Record<string, unknown> {
  const found = catalog.find((entry) => entry.name === name)!.examples.find(pick);
  if (!found) throw new Error(`no ${name} example`);
  return structuredClone(found);
}

/** The real `pull_request.closed` example, merged as `sha` into its default branch. */
function mergedPullRequest(sha: string, labels: string[] = []) {
  const payload = example('pull_request', (candidate) => candidate.action === 'closed') as { pull_request: Record<string, unknown>; repository: { default_branch: string } };
  payload.pull_request = { ...payload.pull_request, merged: true, merged_at: '2026-12-02T07:59:00Z', merge_commit_sha: sha, merged_by: { login: 'merger' }, labels: labels.map((name) => ({ name })) };
  // The PR's last head is the commit the reviews (GitHub's example) were given on: they are current.
  (payload.pull_request.head as { sha: string }).sha = REVIEWED_SHA;
  (payload.pull_request.base as { ref: string }).ref = payload.repository.default_branch;
  return payload;
}

function app(world: Awaited<ReturnType<typeof deployWorld>>): Probot {
  const probot = new Probot({ appId: 1, privateKey: PRIVATE_KEY, Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }) });
  probot.load((instance: Probot) => registerDeployHandlers(instance, world.dependencies));
  return probot;
}

const REPO = '/repos/Codertocat/Hello-World';

/** A reply body for `POST …/deployments/{id}/statuses`: the created status in the state requested. */
function echoedDeploymentStatus(_uri: string, body: nock.Body): Record<string, unknown> {
  return createdDeploymentStatusBody((body as { state: string }).state);
}

beforeEach(() => {
  nock.disableNetConnect();
});

afterEach(async () => {
  nock.enableNetConnect();
  await removeTempDirs();
});

describe('deploy handlers (Probot, real git repos, GitHub through nock)', () => {
  it('deploys a merged PR: one commit with trailers, a chained audit entry, a Deployment per environment in progress; a redelivery is a no-op', async () => {
    const world = await deployWorld();
    const probot = app(world);
    const api = githubApi()
      .post('/app/installations/1/access_tokens').reply(201, installationTokenBody('installation-token'))
      .get(`${REPO}/pulls/2/reviews`).query(true).reply(200, [reviewBody('bob', 'APPROVED'), reviewBody('eve', 'CHANGES_REQUESTED')])
      // The rules name the owners @acme/platform, @acme/fraud and @acme/search: bob's membership of each is asked.
      .get('/orgs/acme/teams/platform/memberships/bob').reply(404)
      .get('/orgs/acme/teams/fraud/memberships/bob').reply(200, teamMembershipBody())
      .get('/orgs/acme/teams/search/memberships/bob').reply(404)
      .post(`${REPO}/deployments`, (body) => body.ref === world.config.first && body.environment === 'dev' && body.payload.clusters[0] === 'dev-eu').reply(201, deploymentBody({ id: 11, environment: 'dev' }))
      .post(`${REPO}/deployments/11/statuses`, (body) => body.state === 'in_progress').reply(201, createdDeploymentStatusBody('in_progress'))
      .post(`${REPO}/deployments`, (body) => body.environment === 'prod').reply(201, deploymentBody({ id: 12, environment: 'prod' }))
      .post(`${REPO}/deployments/12/statuses`, (body) => body.state === 'in_progress').reply(201, createdDeploymentStatusBody('in_progress'));
    await probot.receive({ id: '1', name: 'pull_request', payload: mergedPullRequest(world.config.first) as never });
    expect(api.pendingMocks()).toEqual([]);
    const [commit] = await commitsOf(world.deployRepo);
    expect(deployCommitLink(commit!.message)).toEqual({ sourceSha: world.config.first, sourceRepo: 'Codertocat/Hello-World', pullRequest: 2, auditSeq: 1, event: 'deploy' });
    expect(commit!.message).toContain('\nMlops-Author: Codertocat\nMlops-Approved-By: bob\n');
    const trail = verifyTrail(parseTrail([{ path: 'audit/2026-12.jsonl', content: (await fileAt(world.deployRepo, 'audit/2026-12.jsonl'))! }]));
    expect(trail).toMatchObject({ ok: true, entries: 1 });
    const [entry] = parseTrail([{ path: 'audit/2026-12.jsonl', content: (await fileAt(world.deployRepo, 'audit/2026-12.jsonl'))! }]).map((line) => line.entry!);
    expect(entry!.approvers).toEqual(['bob']);
    expect(entry!.approvals.filter((approval) => approval.id !== 'platform' && !approval.id.startsWith('environment:'))).toEqual([
      { id: 'team:fraud', count: 1, approvedBy: ['bob'], satisfied: true },
      { id: 'team:search', count: 1, approvedBy: [], satisfied: false },
    ]);
    expect(entry!.approvals.find((approval) => approval.id === 'platform')).toMatchObject({ approvedBy: [], satisfied: false });

    // Another replica (no memory of the first delivery) receives the redelivery.
    const again = githubApi().post('/app/installations/1/access_tokens').reply(201, installationTokenBody('installation-token')).get(`${REPO}/pulls/2/reviews`).query(true).reply(200, []);
    await app(world).receive({ id: '2', name: 'pull_request', payload: mergedPullRequest(world.config.first) as never });
    expect(again.pendingMocks()).toEqual([]);
    expect(await commitsOf(world.deployRepo)).toHaveLength(1);
  });

  it('the pull_request and push events of one merge, arriving together, deploy once', async () => {
    const world = await deployWorld();
    const push = example('push', (candidate) => candidate.ref === 'refs/heads/master' && (candidate.installation as unknown) !== undefined) as { after: string };
    push.after = world.config.first;
    const api = githubApi()
      .post('/app/installations/1/access_tokens').reply(201, installationTokenBody('installation-token'))
      .post('/app/installations/1/access_tokens').optionally().reply(201, installationTokenBody('installation-token'))
      .get(`${REPO}/pulls/2/reviews`).query(true).reply(200, [])
      .get(`${REPO}/commits/${world.config.first}/pulls`).reply(200, [])
      .post(`${REPO}/deployments`).times(2).reply(201, deploymentBody({ id: 61, environment: 'dev' }))
      .post(`${REPO}/deployments/61/statuses`).times(2).reply(201, echoedDeploymentStatus);
    const probot = app(world);
    await Promise.all([probot.receive({ id: '8', name: 'pull_request', payload: mergedPullRequest(world.config.first) as never }), probot.receive({ id: '9', name: 'push', payload: push as never })]);
    expect(api.pendingMocks()).toEqual([]);
    expect(await commitsOf(world.deployRepo)).toHaveLength(1);
  });

  it('deploys a push to the default branch, finding its PR and recording a rollback by label', async () => {
    const world = await deployWorld();
    const payload = example('push', (candidate) => candidate.ref === 'refs/heads/master' && (candidate.installation as unknown) !== undefined) as { after: string; head_commit: { message: string } };
    payload.after = world.config.first;
    const api = githubApi()
      .post('/app/installations/1/access_tokens').reply(201, installationTokenBody('installation-token'))
      .get(`${REPO}/commits/${world.config.first}/pulls`).reply(200, [commitPullBody({ number: 9, author: 'alice', labels: ['mlops:rollback'], createdAt: '2026-12-01T10:00:00Z', mergedAt: '2026-12-02T07:00:00Z', mergeCommitSha: world.config.first })])
      .get(`${REPO}/pulls/9/reviews`).query(true).reply(200, [])
      .post(`${REPO}/deployments`).times(2).reply(201, (_uri, body) => {
        const { environment } = body as { environment: string };
        return deploymentBody({ id: environment === 'dev' ? 21 : 22, environment });
      })
      .post(/\/deployments\/2[12]\/statuses/).times(2).reply(201, echoedDeploymentStatus);
    await app(world).receive({ id: '3', name: 'push', payload: payload as never });
    expect(api.pendingMocks()).toEqual([]);
    const [commit] = await commitsOf(world.deployRepo);
    expect(deployCommitLink(commit!.message)).toMatchObject({ pullRequest: 9, event: 'rollback' });
  });

  it('deploys a merge-queue merge', async () => {
    const world = await deployWorld();
    const payload = example('merge_group', () => true) as { action: string; reason?: string; merge_group: { head_sha: string } };
    Object.assign(payload, { action: 'destroyed', reason: 'merged' });
    payload.merge_group.head_sha = world.config.first;
    const api = githubApi()
      .post('/app/installations/1/access_tokens').reply(201, installationTokenBody('installation-token'))
      .get(`/repos/octo-org/octo-repo/commits/${world.config.first}/pulls`).reply(200, [])
      .post('/repos/octo-org/octo-repo/deployments').times(2).reply(201, deploymentBody({ id: 31, environment: 'dev' }))
      .post('/repos/octo-org/octo-repo/deployments/31/statuses').times(2).reply(201, echoedDeploymentStatus);
    await app(world).receive({ id: '4', name: 'merge_group', payload: payload as never });
    expect(api.pendingMocks()).toEqual([]);
    expect(await commitsOf(world.deployRepo)).toHaveLength(1);
  });

  it('a config that does not render: Deployments failed, a PR comment, a deploy-failed audit entry, no manifests', async () => {
    const world = await deployWorld();
    await runDeploy({ source: world.source, target: await world.target(), metadata: { sourceRepo: 'Codertocat/Hello-World', sha: world.config.first, reviews: [], actor: 'merger', time: '2026-12-02T07:00:00.000Z' } });
    const broken = await world.config.commit({ 'teams/fraud/mlops.yaml': teamFile('fraud').replace('model: fraud-model', 'modl: fraud-model') });
    let comment = '';
    const api = githubApi()
      .post('/app/installations/1/access_tokens').reply(201, installationTokenBody('installation-token'))
      .get(`${REPO}/pulls/2/reviews`).query(true).reply(200, [])
      .get(`${REPO}/compare/${broken}...${world.config.first}`).query(true).reply(200, comparisonBody('behind'))
      .post(`${REPO}/deployments`).times(2).reply(201, deploymentBody({ id: 41, environment: 'dev' }))
      .post(`${REPO}/deployments/41/statuses`, (body) => body.state === 'failure').times(2).reply(201, createdDeploymentStatusBody('failure'))
      .post(`${REPO}/issues/2/comments`, (body) => {
        comment = body.body;
        return true;
      })
      .reply(201, createdCommentBody(1));
    await app(world).receive({ id: '6', name: 'pull_request', payload: mergedPullRequest(broken) as never });
    expect(api.pendingMocks()).toEqual([]);
    expect(comment).toContain('Cirrus MLOps could not deploy');
    expect(comment).toMatch(/Render failed with \d+ error/);
    expect(comment).toContain('Recorded as audit entry #2 (`deploy-failed`)');
    const [latest] = await commitsOf(world.deployRepo);
    expect(deployCommitLink(latest!.message)).toMatchObject({ sourceSha: broken, event: 'deploy-failed', auditSeq: 2 });
  });

  it('a push the deploy repo refuses: nothing lands, Deployments failed, the PR told', async () => {
    const world = await deployWorld();
    const hook = join(world.deployRepo, 'hooks', 'pre-receive');
    await writeFile(hook, '#!/bin/sh\nexit 1\n');
    await chmod(hook, 0o755);
    let comment = '';
    const api = githubApi()
      .post('/app/installations/1/access_tokens').reply(201, installationTokenBody('installation-token'))
      .get(`${REPO}/pulls/2/reviews`).query(true).reply(200, [])
      .post(`${REPO}/deployments`).times(2).reply(201, deploymentBody({ id: 51, environment: 'dev' }))
      .post(`${REPO}/deployments/51/statuses`, (body) => body.state === 'failure').times(2).reply(201, createdDeploymentStatusBody('failure'))
      .post(`${REPO}/issues/2/comments`, (body) => {
        comment = body.body;
        return true;
      })
      .reply(201, createdCommentBody(1));
    await app(world).receive({ id: '7', name: 'pull_request', payload: mergedPullRequest(world.config.first) as never });
    expect(api.pendingMocks()).toEqual([]);
    expect(comment).toContain('could not be recorded in the audit trail either');
    expect(await commitsOf(world.deployRepo).catch(() => [])).toEqual([]);
  });
});
