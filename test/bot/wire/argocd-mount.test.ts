import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { simpleGit } from 'simple-git';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultDependencies } from '../../../bot/bot-dependencies.ts';
import { DeployTargets } from '../../../bot/deploy/deploy-targets.ts';
import { RepoCache } from '../../../bot/git/repo-cache.ts';
import { botEnvironmentProblems } from '../../../bot/server/bot-environment.ts';
import { type BotServer, startBotServer } from '../../../bot/server/start-server.ts';
import { parseTrail, trailEntries } from '../../../compiler/audit/parse-trail.ts';
import { verifyTrail } from '../../../compiler/audit/verify-trail.ts';
import { fileAt } from '../../cli/deploy/support/git-repos.ts';
import { appPrivateKey } from '../ops/support/webhook-delivery.ts';
import { TEST_NOW } from '../support/bot-harness.ts';
import { githubApi } from '../support/github-api.ts';
import { createdDeploymentStatusBody, deploymentBody, installationBody, installationTokenBody } from '../support/github-bodies.ts';
import type { Scenario } from '../support/scenario.ts';
import { deployedWorld } from './support/deployed-world.ts';

const TOKEN = 'argocd-shared-secret';
const env = { APP_ID: '123', PRIVATE_KEY: appPrivateKey(), WEBHOOK_SECRET: 'webhook-secret', LOG_LEVEL: 'silent', MLOPS_ARGOCD_DEPLOY_REPO: 'acme/mlops-deploy' } as NodeJS.ProcessEnv;

let world: Scenario | undefined;
let server: BotServer | undefined;
let serverCache: string | undefined;

afterEach(async () => {
  await server?.close(0);
  server = undefined;
  await world?.close();
  world = undefined;
  if (serverCache) await rm(serverCache, { recursive: true, force: true });
  serverCache = undefined;
});

/** A deployed world, with the server's port reachable. */
async function deployed(): Promise<{ world: Scenario; bare: string; deployCommit: string }> {
  const result = await deployedWorld();
  world = result.world;
  nock.enableNetConnect('127.0.0.1');
  return result;
}

async function serve(extra: NodeJS.ProcessEnv, current: Scenario): Promise<BotServer> {
  serverCache = await mkdtemp(join(tmpdir(), 'mlops-bot-server-'));
  const settings = { root: serverCache, cloneUrlTemplate: current.remote.cloneUrlTemplate };
  const dependencies = defaultDependencies({ git: new RepoCache(settings), deployTargets: new DeployTargets(settings), clock: () => TEST_NOW }, {});
  server = await startBotServer({ appFunction: () => undefined, port: 0, host: '127.0.0.1', env: { ...env, ...extra }, dependencies });
  return server;
}

function notify(url: string, body: object, token = TOKEN) {
  return fetch(`${url}/argocd`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('POST /argocd on the bot server', () => {
  it('records a sync of a deploy commit made by the app (a notification without repoURL goes to MLOPS_ARGOCD_DEPLOY_REPO): Deployment success, a `synced` entry, chain intact', async () => {
    const { world: current, bare, deployCommit } = await deployed();
    const running = await serve({ MLOPS_ARGOCD_TOKEN: TOKEN }, current);
    expect((await notify(running.url, { event: 'sync-succeeded', app: 'fraud-dev-eu', revision: deployCommit, cluster: 'dev-eu' }, 'wrong')).status).toBe(401);
    const token = installationTokenBody('installation-token');
    const api = githubApi()
      .get('/repos/acme/mlops-deploy/installation').reply(200, installationBody(42))
      .get('/repos/acme/config/installation').times(2).reply(200, installationBody(42))
      // Probot keeps installation tokens for a while: three look-ups exchange one to three tokens.
      .post('/app/installations/42/access_tokens').reply(201, token)
      .post('/app/installations/42/access_tokens').times(2).optionally().reply(201, token)
      .get('/repos/acme/config/deployments').query({ sha: current.base, per_page: 100 }).reply(200, [deploymentBody({ id: 11, environment: 'dev', payload: { clusters: ['dev-eu'] }, sha: current.base }), deploymentBody({ id: 12, environment: 'prod', payload: { clusters: ['prod-eu'] }, sha: current.base })])
      .post('/repos/acme/config/deployments/11/statuses', (body) => body.state === 'success').reply(201, createdDeploymentStatusBody('success'));
    const response = await notify(running.url, { event: 'sync-succeeded', app: 'fraud-dev-eu', revision: deployCommit, cluster: 'dev-eu' });
    expect([response.status, await response.json()]).toEqual([200, { recorded: { seq: 2, event: 'synced' }, sourceSha: current.base, environments: ['dev'] }]);
    expect(api.pendingMocks()).toEqual([]);
    const content = (await fileAt(bare, 'audit/2026-11.jsonl'))!;
    const files = [{ path: 'audit/2026-11.jsonl', content }];
    expect(verifyTrail(parseTrail(files))).toMatchObject({ ok: true, entries: 2 });
    expect(trailEntries(parseTrail(files)).at(-1)).toMatchObject({ event: 'synced', actor: 'argocd', deploy: { commit: deployCommit, cluster: 'dev-eu' } });
  });

  it('routes each notification to the deploy repo its Application syncs from, and refuses repos it does not serve', async () => {
    const { world: current, bare, deployCommit } = await deployed();
    // A second deploy repo (say, another region's) holding the same history.
    const second = join(current.remote.root, 'remotes', 'acme', 'mlops-deploy-eu.git');
    await simpleGit().clone(bare, second, ['--bare', '--quiet']);
    const running = await serve({ MLOPS_ARGOCD_TOKEN: TOKEN, MLOPS_ARGOCD_DEPLOY_REPO: '', MLOPS_ARGOCD_DEPLOY_REPOS: 'acme/mlops-deploy, acme/mlops-deploy-eu@main' }, current);
    const body = { event: 'sync-succeeded', app: 'fraud-dev-eu', revision: deployCommit, cluster: 'dev-eu' };

    const unknown = await notify(running.url, { ...body, repoURL: 'https://github.com/acme/elsewhere.git' });
    expect([unknown.status, await unknown.json()]).toEqual([422, { error: 'acme/elsewhere is not a deploy repo this bot serves (MLOPS_ARGOCD_DEPLOY_REPOS: acme/mlops-deploy, acme/mlops-deploy-eu)' }]);
    const unnamed = await notify(running.url, body);
    expect(unnamed.status).toBe(400);
    expect(((await unnamed.json()) as { error: string }).error).toMatch(/^the notification names no repoURL and MLOPS_ARGOCD_DEPLOY_REPO is not set/);

    const token = installationTokenBody('installation-token');
    const api = githubApi()
      .get('/repos/acme/mlops-deploy-eu/installation').reply(200, installationBody(43))
      .get('/repos/acme/config/installation').times(2).reply(200, installationBody(42))
      .post('/app/installations/43/access_tokens').reply(201, token)
      .post('/app/installations/42/access_tokens').optionally().times(2).reply(201, token)
      .get('/repos/acme/config/deployments').query({ sha: current.base, per_page: 100 }).reply(200, [deploymentBody({ id: 11, environment: 'dev', payload: { clusters: ['dev-eu'] }, sha: current.base })])
      .post('/repos/acme/config/deployments/11/statuses', (status) => status.state === 'success').reply(201, createdDeploymentStatusBody('success'));
    // GitHub names are case-insensitive: the URL's spelling need not be the setting's.
    const routed = await notify(running.url, { ...body, repoURL: 'git@github.com:ACME/MLOps-Deploy-EU.git' });
    expect([routed.status, await routed.json()]).toEqual([200, { recorded: { seq: 2, event: 'synced' }, sourceSha: current.base, environments: ['dev'] }]);
    expect(api.pendingMocks()).toEqual([]);
    // Recorded in the repo the notification named, and only there.
    const trailOf = async (repo: string) => trailEntries(parseTrail([{ path: 'audit/2026-11.jsonl', content: (await fileAt(repo, 'audit/2026-11.jsonl'))! }]));
    expect((await trailOf(second)).map((entry) => entry.event)).toEqual(['deploy', 'synced']);
    expect((await trailOf(bare)).map((entry) => entry.event)).toEqual(['deploy']);
  });

  it('is off without MLOPS_ARGOCD_TOKEN (404), and the token without a deploy repo is a start-up problem', async () => {
    const { world: current, deployCommit } = await deployed();
    const running = await serve({}, current);
    expect((await notify(running.url, { event: 'sync-succeeded', app: 'fraud-dev-eu', revision: deployCommit, cluster: 'dev-eu' })).status).toBe(404);
    expect(botEnvironmentProblems({ ...env, MLOPS_ARGOCD_TOKEN: TOKEN, MLOPS_ARGOCD_DEPLOY_REPO: 'not a repo' })).toEqual(['MLOPS_ARGOCD_DEPLOY_REPO must name the deploy repo (owner/name or owner/name@branch)']);
    expect(botEnvironmentProblems({ ...env, MLOPS_ARGOCD_TOKEN: TOKEN, MLOPS_ARGOCD_DEPLOY_REPO: '', MLOPS_ARGOCD_DEPLOY_REPOS: 'acme/a,acme b' })).toEqual(['MLOPS_ARGOCD_DEPLOY_REPOS: "acme" is not owner/name or owner/name@branch', 'MLOPS_ARGOCD_DEPLOY_REPOS: "b" is not owner/name or owner/name@branch']);
    expect(botEnvironmentProblems({ ...env, MLOPS_ARGOCD_TOKEN: TOKEN, MLOPS_ARGOCD_DEPLOY_REPO: '' })).toEqual(['MLOPS_ARGOCD_DEPLOY_REPOS (or MLOPS_ARGOCD_DEPLOY_REPO) must name the deploy repos Argo CD syncs from when MLOPS_ARGOCD_TOKEN is set']);
  });
});
