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
    // The older merge lands no manifests, only its own record, naming the deploy commit that includes it.
    const commits = await commitsOf(deployRepo);
    expect(commits).toHaveLength(3);
    const [record, including] = commits;
    expect(olderResult).toMatchObject({ status: 'superseded', deployedSha: newer, includedIn: including!.sha, commit: record!.sha });
    expect(deployCommitLink(record!.message)).toMatchObject({ sourceSha: older, auditSeq: 3, event: 'deploy', includedIn: including!.sha });
    if (olderResult.status !== 'superseded') throw new Error('not superseded');
    expect(olderResult.entry).toMatchObject({ seq: 3, event: 'deploy', source: { sha: older }, deploy: { includedIn: including!.sha }, teams: ['fraud'] });
    expect(olderResult.entry.changes).toEqual([expect.objectContaining({ team: 'fraud', environment: 'dev', versionBefore: '1.0.0', versionAfter: '1.1.0' })]);
    expect(await trailOf(deployRepo)).toMatchObject({ ok: true, entries: 3 });
    expect(await fileAt(deployRepo, 'clusters/dev-eu/search/inferenceservice-search-api.yaml')).toContain('1.1.0');
    // Redelivered, it is a no-op (found by its trailer); a later deploy diffs from the including deploy, not the record.
    expect(await runDeploy({ source, target: await instance(), metadata: metadata(older, '2026-12-02T08:04:00.000Z') })).toMatchObject({ status: 'already-deployed', commit: record!.sha });
    expect(await commitsOf(deployRepo)).toHaveLength(3);
  });
});

describe('the record of a superseded merge', () => {
  it('is not taken for the last deploy: a hand edit before it is still drift, and a clean repo deploys on', async () => {
    const { config, deployRepo, source, instance, metadata, older, newer } = await setup();
    await runDeploy({ source, target: await instance(), metadata: metadata(newer, '2026-12-02T08:02:00.000Z') });
    await editBare(deployRepo, (dir) => writeFile(join(dir, 'clusters/dev-eu/search/inferenceservice-search-api.yaml'), 'edited: by hand\n'));
    expect(await runDeploy({ source, target: await instance(), metadata: metadata(older, '2026-12-02T08:03:00.000Z') })).toMatchObject({ status: 'superseded' });
    const next = await config.commit({ 'teams/fraud/mlops.yaml': teamFile('fraud', '1.0.0') }, 'PR 3: back to 1.0.0');
    const refused = await runDeploy({ source, target: await instance(), metadata: metadata(next, '2026-12-02T08:04:00.000Z') });
    expect(refused).toMatchObject({ status: 'refused', outcome: { reason: 'drift', drift: [{ path: 'clusters/dev-eu/search/inferenceservice-search-api.yaml', kind: 'edited' }] } });
  });

  it('a deploy after it renders incrementally from the including deploy', async () => {
    const { config, deployRepo, source, instance, metadata, older, newer } = await setup();
    await runDeploy({ source, target: await instance(), metadata: metadata(newer, '2026-12-02T08:02:00.000Z') });
    await runDeploy({ source, target: await instance(), metadata: metadata(older, '2026-12-02T08:03:00.000Z') });
    const next = await config.commit({ 'teams/fraud/mlops.yaml': teamFile('fraud', '1.0.0') }, 'PR 3: back to 1.0.0');
    expect(await runDeploy({ source, target: await instance(), metadata: metadata(next, '2026-12-02T08:04:00.000Z') })).toMatchObject({ status: 'deployed', incremental: true, entry: { seq: 4 } });
    expect(await trailOf(deployRepo)).toMatchObject({ ok: true, entries: 4 });
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
