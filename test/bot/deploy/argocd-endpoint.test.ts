import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArgoCdEndpoint, parseNotification, tokenMatches } from '../../../bot/deploy/argocd-endpoint.ts';
import { OctokitDeployForge } from '../../../bot/deploy/octokit-deploy-forge.ts';
import { parseTrail, trailEntries } from '../../../compiler/audit/parse-trail.ts';
import { verifyTrail } from '../../../compiler/audit/verify-trail.ts';
import { runDeploy } from '../../../compiler/cli/deploy/run-deploy.ts';
import { commitsOf, fileAt, removeTempDirs } from '../../cli/deploy/support/git-repos.ts';
import { githubApi } from '../support/github-api.ts';
import { createdDeploymentStatusBody, deploymentBody } from '../support/github-bodies.ts';
import { deployWorld } from './support/deploy-world.ts';

const TOKEN = 's3cret-token';
const REPO = '/repos/Codertocat/Hello-World';

beforeEach(() => {
  nock.disableNetConnect();
});

afterEach(async () => {
  nock.enableNetConnect();
  await removeTempDirs();
});

async function deployed() {
  const world = await deployWorld();
  const result = await runDeploy({ source: world.source, target: await world.target(), metadata: { sourceRepo: 'Codertocat/Hello-World', sha: world.config.first, pullRequest: 2, author: 'alice', reviews: [{ reviewer: 'bob' }], actor: 'merger', time: '2026-12-02T08:00:00.000Z' } });
  if (result.status !== 'deployed') throw new Error(result.status);
  const endpoint = createArgoCdEndpoint({
    token: TOKEN,
    deployTarget: world.target,
    forgeFor: async (repository) => new OctokitDeployForge(new Octokit({ auth: 'installation-token', request: { retries: 0 } }), repository),
    sourceTreeAt: world.dependencies.sourceTreeAt,
    clock: () => new Date('2026-12-02T08:05:00.000Z'),
  });
  return { world, endpoint, deployCommit: result.commit };
}

function notify(body: object, token = TOKEN) {
  return { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(body) };
}

describe('the /argocd endpoint', () => {
  it('moves the Deployment of the synced cluster to success and records `synced` once, chain intact', async () => {
    const { world, endpoint, deployCommit } = await deployed();
    const api = githubApi()
      .get(`${REPO}/deployments`).query({ sha: world.config.first, per_page: 100 }).reply(200, [
        deploymentBody({ id: 11, environment: 'dev', payload: { clusters: ['dev-eu'] }, sha: world.config.first }),
        deploymentBody({ id: 12, environment: 'prod', payload: { clusters: ['prod-eu'] }, sha: world.config.first }),
      ])
      .post(`${REPO}/deployments/11/statuses`, (body) => body.state === 'success' && /dev-eu/.test(body.description)).reply(201, createdDeploymentStatusBody('success'));
    const body = { event: 'sync-succeeded', app: 'fraud-dev-eu', revision: deployCommit, cluster: 'dev-eu', phase: 'Succeeded', health: 'Healthy' };
    const response = await endpoint(notify(body));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ recorded: { seq: 2, event: 'synced' }, sourceSha: world.config.first, environments: ['dev'] });
    expect(api.pendingMocks()).toEqual([]);
    const lines = parseTrail([{ path: 'audit/2026-12.jsonl', content: (await fileAt(world.deployRepo, 'audit/2026-12.jsonl'))! }]);
    expect(verifyTrail(lines)).toMatchObject({ ok: true, entries: 2 });
    const synced = trailEntries(lines)[1]!;
    expect(synced).toMatchObject({ event: 'synced', actor: 'argocd', environments: ['dev'], approvers: ['bob'], source: { repo: 'Codertocat/Hello-World', sha: world.config.first, pr: 2 }, deploy: { commit: deployCommit, cluster: 'dev-eu' } });
    expect(synced.changes.every((change) => change.environment === 'dev')).toBe(true);
    const [audit] = await commitsOf(world.deployRepo);
    expect(audit!.message).toContain('Mlops-Event: synced');

    // Argo CD may report again (and, after the audit commit, with the audit commit as the revision).
    const again = githubApi().get(`${REPO}/deployments`).query(true).reply(200, []);
    const repeated = await endpoint(notify({ ...body, revision: audit!.sha }));
    expect(JSON.parse(repeated.body).recorded).toBeNull();
    expect(again.pendingMocks()).toEqual([]);
    expect(await commitsOf(world.deployRepo)).toHaveLength(2);
  });

  it('records `degraded` and fails the Deployment when health degrades', async () => {
    const { endpoint, deployCommit } = await deployed();
    const api = githubApi()
      .get(`${REPO}/deployments`).query(true).reply(200, [deploymentBody({ id: 12, environment: 'prod', payload: { clusters: ['prod-eu'] } })])
      .post(`${REPO}/deployments/12/statuses`, (body) => body.state === 'failure').reply(201, createdDeploymentStatusBody('failure'));
    const response = await endpoint(notify({ event: 'health-degraded', app: 'search-prod-eu', revision: deployCommit, cluster: 'prod-eu', health: 'Degraded' }));
    expect(JSON.parse(response.body).recorded).toEqual({ seq: 2, event: 'degraded' });
    expect(api.pendingMocks()).toEqual([]);
  });

  it('refuses wrong tokens, other methods, malformed bodies and unknown revisions', async () => {
    const { endpoint } = await deployed();
    const body = { event: 'sync-succeeded', app: 'fraud-dev-eu', revision: 'a'.repeat(40), cluster: 'dev-eu' };
    expect((await endpoint(notify(body, 'wrong'))).status).toBe(401);
    expect((await endpoint({ method: 'POST', headers: {}, body: JSON.stringify(body) })).status).toBe(401);
    expect((await endpoint({ ...notify(body), method: 'GET' })).status).toBe(405);
    expect((await endpoint(notify({ ...body, revision: 'HEAD' }))).status).toBe(400);
    expect((await endpoint(notify(body))).status).toBe(404);
  });

  it('checks tokens and bodies strictly', () => {
    expect(tokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(tokenMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(tokenMatches(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokenMatches(TOKEN, TOKEN)).toBe(false);
    expect(tokenMatches('Bearer ', '')).toBe(false);
    expect(parseNotification(`{"event":"sync-succeeded","app":"a\\nb","revision":"${'a'.repeat(40)}","cluster":"c"}`)).toBeUndefined();
    expect(parseNotification(`{"event":"sync-succeeded","app":"a","revision":"${'a'.repeat(40)}","cluster":"c","phase":"<no value>"}`)).toEqual({ event: 'sync-succeeded', app: 'a', revision: 'a'.repeat(40), cluster: 'c', phase: '<no value>' });
  });
});
