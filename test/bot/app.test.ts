import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { Probot } from 'probot';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../bot/app.ts';
import { NO_PACING } from '../../bot/forge/write-pacer.ts';
import { RepoCache } from '../../bot/git/repo-cache.ts';
import { botOctokit } from '../../bot/octokit/bot-octokit.ts';
import { TARGET, TEST_NOW } from './support/bot-harness.ts';
import { FakeGitHub } from './support/fake-github.ts';
import { githubApi } from './support/github-api.ts';
import { GitRemote } from './support/git-remote.ts';
import { validOrg } from './support/config-fixture.ts';
import { pullRequestPayload } from './support/webhook-payloads.ts';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  nock.enableNetConnect();
});

describe('createApp with app authentication', () => {
  it('loads into new Probot({ appId, privateKey }), fetches the installation token and checks a PR with it', async () => {
    nock.disableNetConnect();
    const remote = await GitRemote.create();
    const cacheDir = await mkdtemp(join(tmpdir(), 'mlops-bot-cache-'));
    cleanups.push(() => remote.remove(), () => rm(cacheDir, { recursive: true, force: true }));
    const base = await remote.commit(validOrg());
    await remote.setRef('refs/heads/main', base);
    const head = await remote.commit({ 'docs/readme.md': 'hello\n' }, base);
    await remote.setRef('refs/pull/7/head', head);
    const github = new FakeGitHub();
    github.pulls.set(7, { number: 7, state: 'open', headSha: head, baseSha: base, baseRef: 'main', author: 'alice' });
    github.install(['getPull', 'listComments', 'listCheckRuns', 'createCheckRun', 'listReviews']);
    const tokens = githubApi().post('/app/installations/42/access_tokens').reply(201, { token: 'ghs_installation', expires_at: '2099-01-01T00:00:00Z', permissions: { checks: 'write' }, repository_selection: 'all' });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const probot = new Probot({ appId: 1, privateKey, Octokit: botOctokit({ retryAfterBaseMs: 1 }), logLevel: 'fatal' });
    const seenTokens: (string | undefined)[] = [];
    const git = new RepoCache({ root: cacheDir, cloneUrlTemplate: remote.cloneUrlTemplate });
    await probot.load(
      createApp({
        git: { ...git, ensureCommits: (repository, wanted, token) => {
          seenTokens.push(token);
          return git.ensureCommits(repository, wanted, token);
        }, sourceTreeAt: git.sourceTreeAt.bind(git), mergeBase: git.mergeBase.bind(git), changedPaths: git.changedPaths.bind(git), fileAt: git.fileAt.bind(git), hasCommit: git.hasCommit.bind(git) },
        clock: () => TEST_NOW,
        pacer: NO_PACING,
      }),
    );
    await probot.receive({ id: 'd-1', name: 'pull_request', payload: pullRequestPayload('opened', TARGET, { number: 7, headSha: head, baseSha: base, baseRef: 'main', author: 'alice' }) } as never);
    expect(tokens.isDone()).toBe(true);
    // The payload's commits are fetched alongside the API read, then the API's: each with the installation token.
    expect([...new Set(seenTokens)]).toEqual(['ghs_installation']);
    expect(github.checkRuns.map((run) => run.conclusion)).toEqual(['success', 'success', 'success']);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
