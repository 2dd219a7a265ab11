import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalConfigSource } from '../../../compiler/cli/deploy/config-source.ts';
import { git } from '../../../compiler/cli/deploy/git-command.ts';
import { GitDeployTarget } from '../../../compiler/cli/deploy/git-deploy-target.ts';
import { DeployRaceLostError, runDeploy } from '../../../compiler/cli/deploy/run-deploy.ts';
import { deployCommitLink } from '../../../compiler/deploy/commit-trailers.ts';
import { parseTrail } from '../../../compiler/audit/parse-trail.ts';
import { verifyTrail } from '../../../compiler/audit/verify-trail.ts';
import { smallOrg, teamFile } from '../../plan/support/small-org.ts';
import { bareRepo, commitsOf, configRepo, editBare, fileAt, removeTempDirs, tempDir } from './support/git-repos.ts';

afterEach(removeTempDirs);

async function setup() {
  const config = await configRepo(smallOrg(['fraud', 'search']));
  const deployRepo = await bareRepo();
  const source = new LocalConfigSource(config.dir);
  const instance = async () => new GitDeployTarget({ url: deployRepo, branch: 'main', cacheDir: await tempDir('cache') });
  const metadata = (sha: string, time: string) => ({ sourceRepo: 'acme/config', sha, reviews: [], actor: 'merger', time });
  await runDeploy({ source, target: await instance(), metadata: metadata(config.first, '2026-12-02T08:00:00.000Z') });
  const older = await config.commit({ 'teams/fraud/mlops.yaml': teamFile('fraud', '1.1.0') }, 'PR 1');
  const newer = await config.commit({ 'teams/search/mlops.yaml': teamFile('search', '1.1.0') }, 'PR 2');
  return { config, deployRepo, source, instance, metadata, older, newer };
}

async function trailOf(deployRepo: string) {
  return verifyTrail(parseTrail([{ path: 'audit/2026-12.jsonl', content: (await fileAt(deployRepo, 'audit/2026-12.jsonl')) ?? '' }]));
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('racing deploys from two app instances', () => {
  it('the one rejected re-renders from the newest state and lands after the other, chain intact', async () => {
    const { deployRepo, source, instance, metadata, older, newer } = await setup();
    const newerRendered = gate();
    const olderDone = gate();
    const first = runDeploy({ source, target: await instance(), metadata: metadata(older, '2026-12-02T08:01:00.000Z'), beforePush: async () => newerRendered.opened }).finally(olderDone.open);
    const second = runDeploy({
      source,
      target: await instance(),
      metadata: metadata(newer, '2026-12-02T08:02:00.000Z'),
      backoff: () => 10,
      beforePush: async (attempt) => {
        if (attempt === 1) {
          newerRendered.open();
          await olderDone.opened;
        }
      },
    });
    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({ status: 'deployed', attempts: 1 });
    expect(b).toMatchObject({ status: 'deployed', attempts: 2 });
    const links = (await commitsOf(deployRepo)).map((commit) => deployCommitLink(commit.message)?.sourceSha);
    expect(links).toEqual([newer, older, expect.any(String)]);
    expect(await trailOf(deployRepo)).toMatchObject({ ok: true, entries: 3, lastSeq: 3 });
    expect(await fileAt(deployRepo, 'clusters/dev-eu/fraud/inferenceservice-fraud-api.yaml')).toContain('1.1.0');
    expect(await fileAt(deployRepo, 'clusters/dev-eu/search/inferenceservice-search-api.yaml')).toContain('1.1.0');
  });

  it('an older source commit never overwrites a newer one that landed first', async () => {
    const { deployRepo, source, instance, metadata, older, newer } = await setup();
    const newerResult = await runDeploy({ source, target: await instance(), metadata: metadata(newer, '2026-12-02T08:02:00.000Z') });
    expect(newerResult.status).toBe('deployed');
    const olderResult = await runDeploy({ source, target: await instance(), metadata: metadata(older, '2026-12-02T08:03:00.000Z') });
    expect(olderResult).toEqual({ status: 'superseded', deployedSha: newer });
    expect(await commitsOf(deployRepo)).toHaveLength(2);
    expect(await trailOf(deployRepo)).toMatchObject({ ok: true, entries: 2 });
  });
});

describe('a push that fails leaves the deploy repo untouched', () => {
  async function refs(deployRepo: string): Promise<string> {
    return (await git(deployRepo, ['for-each-ref', '--format=%(refname) %(objectname)'])).toString();
  }

  it('when the remote refuses the push (a hook), nothing lands', async () => {
    const { deployRepo, source, instance, metadata, older } = await setup();
    const before = await refs(deployRepo);
    const hook = join(deployRepo, 'hooks', 'pre-receive');
    await writeFile(hook, '#!/bin/sh\necho "refused by policy" >&2\nexit 1\n');
    await chmod(hook, 0o755);
    await expect(runDeploy({ source, target: await instance(), metadata: metadata(older, '2026-12-02T08:01:00.000Z') })).rejects.toThrow(/git push .* failed/);
    expect(await refs(deployRepo)).toBe(before);
    expect(await trailOf(deployRepo)).toMatchObject({ ok: true, entries: 1 });
  });

  it('when every attempt loses the race, it gives up after the bounded retries with nothing of its own pushed', async () => {
    const { deployRepo, source, instance, metadata, older } = await setup();
    let moves = 0;
    const run = runDeploy({
      source,
      target: await instance(),
      metadata: metadata(older, '2026-12-02T08:01:00.000Z'),
      attempts: 3,
      backoff: () => 1,
      beforePush: async () => {
        moves++;
        await editBare(deployRepo, (dir) => writeFile(join(dir, `NOTES-${moves}.md`), 'someone else\n'), `other writer ${moves}`);
      },
    });
    await expect(run).rejects.toBeInstanceOf(DeployRaceLostError);
    const commits = await commitsOf(deployRepo);
    expect(commits.map((commit) => deployCommitLink(commit.message)?.sourceSha).filter((sha) => sha === older)).toEqual([]);
    expect(commits).toHaveLength(4);
  });
});
